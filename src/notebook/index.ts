import * as vscode from 'vscode';
import { NotebookOutputArrays } from './outputArrays';
import { OutputStatusBarProvider } from './statusBar';

/**
 * The arrays notebook cells' saved outputs print, and the status bar item on each cell that prints one. Every notebook
 * type: whatever its serializer, outputs are read through the notebook API and no cell is ever run.
 */
export function registerNotebooks(context: vscode.ExtensionContext): NotebookOutputArrays {
  const outputs = new NotebookOutputArrays();
  const items = new OutputStatusBarProvider(outputs);
  context.subscriptions.push(outputs, items, vscode.notebooks.registerNotebookCellStatusBarItemProvider('*', items));
  return outputs;
}
