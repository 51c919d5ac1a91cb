import * as vscode from 'vscode';
import { ArrayRoles } from './editor/arrayRoles';
import { ClaimDiagnostics } from './editor/claimDiagnostics';
import { SoftmaxCodeLensProvider } from './editor/codeLens';
import { registerComputeSoftmax } from './editor/computeSoftmax';
import { DocumentArrays } from './editor/documentCache';
import { SoftmaxHoverProvider } from './editor/hover';
import { NotebookOutputArrays, registerNotebooks } from './notebook';
import { registerWalkthrough } from './panel';

// Every scheme: files, untitled buffers, notebook cells, virtual workspaces. Nothing here runs the document's code.
const everyDocument: vscode.DocumentSelector = [{ scheme: '*' }];

export function activate(context: vscode.ExtensionContext) {
  const log = vscode.window.createOutputChannel('Softmax Lens', { log: true });
  const arrays = new DocumentArrays();
  const roles = new ArrayRoles();
  const outputs = new NotebookOutputArrays();
  const lenses = new SoftmaxCodeLensProvider(arrays, roles, log);
  const claims = new ClaimDiagnostics(arrays);
  // Everything the extension owns, in one place: each object and each register* bundle disposes what it made.
  context.subscriptions.push(
    log,
    arrays,
    roles,
    outputs,
    lenses,
    claims,
    vscode.languages.registerCodeActionsProvider(everyDocument, claims, { providedCodeActionKinds: ClaimDiagnostics.providedCodeActionKinds }),
    vscode.languages.registerCodeLensProvider(everyDocument, lenses),
    vscode.languages.registerHoverProvider(everyDocument, new SoftmaxHoverProvider(arrays, roles)),
    registerNotebooks(outputs),
    registerComputeSoftmax(arrays, roles, outputs),
    registerWalkthrough(context.extensionUri, arrays, roles, outputs),
  );
}

export function deactivate() {}
