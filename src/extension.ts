import * as vscode from 'vscode';
import { SoftmaxCodeLensProvider } from './editor/codeLens';
import { registerComputeSoftmax } from './editor/computeSoftmax';
import { DocumentArrays } from './editor/documentCache';
import { SoftmaxHoverProvider } from './editor/hover';
import { registerWalkthrough } from './panel';

// Every scheme: files, untitled buffers, notebook cells, virtual workspaces. Nothing here runs the document's code.
const everyDocument: vscode.DocumentSelector = [{ scheme: '*' }];

export function activate(context: vscode.ExtensionContext) {
  const log = vscode.window.createOutputChannel('Softmax Lens', { log: true });
  const arrays = new DocumentArrays();
  const lenses = new SoftmaxCodeLensProvider(arrays, log);
  context.subscriptions.push(
    log,
    arrays,
    lenses,
    vscode.languages.registerCodeLensProvider(everyDocument, lenses),
    vscode.languages.registerHoverProvider(everyDocument, new SoftmaxHoverProvider(arrays)),
    ...registerComputeSoftmax(arrays),
  );
  registerWalkthrough(context, arrays);
}

export function deactivate() {}
