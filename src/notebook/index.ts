import * as vscode from 'vscode';
import type { NotebookOutputArrays } from './outputArrays';
import { OutputStatusBarProvider } from './statusBar';

export { NotebookOutputArrays } from './outputArrays';

/**
 * The status bar item on each cell whose saved outputs print an array. Every notebook type: whatever its serializer,
 * outputs are read through the notebook API and no cell is ever run.
 */
export function registerNotebooks(outputs: NotebookOutputArrays): vscode.Disposable {
  const items = new OutputStatusBarProvider(outputs);
  // Disposed in this order: the registrations go before the provider they call.
  return vscode.Disposable.from(
    vscode.notebooks.registerNotebookCellStatusBarItemProvider('*', items),
    // Not contributed to the palette: VS Code has no command that lists a cell's status bar items, and tests read them here.
    vscode.commands.registerCommand('softmaxLens.notebook.cellItems', (notebook: unknown, index: unknown) => cellItems(items, notebook, index)),
    items,
  );
}

/** The items the provider gives a cell of an open notebook, as plain data. */
async function cellItems(items: OutputStatusBarProvider, notebook: unknown, index: unknown) {
  const document = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === notebook);
  if (!document || typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= document.cellCount) return undefined;
  const found = await items.provideCellStatusBarItems(document.cellAt(index), new vscode.CancellationTokenSource().token);
  return found.map((item) => {
    const command = typeof item.command === 'object' ? item.command : undefined;
    return { text: item.text, tooltip: item.tooltip, command: command?.command, arguments: command?.arguments };
  });
}
