import * as vscode from 'vscode';
import { arrayTitle } from '../editor/codeLens';
import { Disposable } from '../editor/dispose';
import { affectsSettings, readSettings } from '../editor/settings';
import { reasonText, roleLabel } from '../l10n/roleText';
import { outputBytesRead } from './outputText';
import { worthShowing, type NotebookOutputArrays } from './outputArrays';

const kilobytes = (bytes: number) => Math.ceil(bytes / 1024);

/**
 * On each code cell whose saved outputs print an array: the role-aware summary of the first one worth a look
 * (`output: probabilities · sum 1 ✓ · …`), clicking it opens the walkthrough on that output array. Notebook outputs
 * cannot carry diagnostics, so whatever the summary warns about is said here.
 */
export class OutputStatusBarProvider extends Disposable implements vscode.NotebookCellStatusBarItemProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCellStatusBarItems = this.changed.event;

  constructor(private readonly outputs: NotebookOutputArrays) {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => affectsSettings(e) && this.changed.fire()));
    // A cell run again prints something else.
    this._register(vscode.workspace.onDidChangeNotebookDocument((e) => e.cellChanges.some((c) => c.outputs !== undefined) && this.changed.fire()));
  }

  async provideCellStatusBarItems(cell: vscode.NotebookCell, token: vscode.CancellationToken): Promise<vscode.NotebookCellStatusBarItem[]> {
    if (cell.kind !== vscode.NotebookCellKind.Code || cell.outputs.length === 0) return [];
    const printed = await this.outputs.headlineOf(cell);
    if (!printed || token.isCancellationRequested || !worthShowing(printed.role, cell)) return [];
    const { role } = printed.role;
    const summary =
      role === 'shape'
        ? roleLabel(role)
        : await arrayTitle(printed.array, printed.role, printed.precision, readSettings(cell.document).temperature, () => !token.isCancellationRequested);
    if (summary === undefined) return [];
    const { truncated } = await this.outputs.printsOf(cell);
    const cut = truncated?.truncatedFrom !== undefined;
    const text = cut ? vscode.l10n.t('output: {0} · first {1} KB read', summary, kilobytes(outputBytesRead)) : vscode.l10n.t('output: {0}', summary);
    const tooltip = [
      role === 'logits'
        ? vscode.l10n.t('Show the steps of this softmax')
        : vscode.l10n.t('Read as {0}: {1}. Click for the walkthrough.', roleLabel(role), reasonText(printed.role.reason)),
      printed.source.place ?? '',
    ];
    if (cut) {
      tooltip.push(vscode.l10n.t('Output {0} holds {1} KB; Softmax Lens reads its first {2} KB.', truncated.output + 1, kilobytes(truncated.truncatedFrom ?? 0), kilobytes(outputBytesRead)));
    }
    const item = new vscode.NotebookCellStatusBarItem(text, vscode.NotebookCellStatusBarAlignment.Left);
    item.tooltip = tooltip.filter((t) => t !== '').join('\n');
    item.command = { title: text, command: 'softmaxLens.showWalkthrough', arguments: [printed.ref] };
    item.accessibilityInformation = { label: text };
    return [item];
  }
}
