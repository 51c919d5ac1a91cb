import * as vscode from 'vscode';
import { classifyArray, findArrays, printPrecision, roleWindow, type ArrayRole, type FoundArray } from '../core';
import { Disposable } from '../editor/dispose';
import type { OutputArrays, PrintedArray } from '../editor/outputArrays';
import { readSettings } from '../editor/settings';
import { nextTurn } from '../editor/turns';
import type { OutputArrayRef } from '../panel/protocol';
import { shortLine } from '../panel/source';
import { outputTexts, type OutputText } from './outputText';

/** Printed output is text, not code: the scanner reads it with its generic rules. */
const outputLanguage = 'plaintext';

/** What one cell's outputs print, read once per notebook version. */
export interface CellPrints {
  /** Every array found, in output order, each with the text it was found in. */
  arrays: { text: OutputText; array: FoundArray }[];
  /** The first output read only from its start, if any. */
  truncated?: OutputText;
}

interface Entry {
  version: number;
  prints: Promise<CellPrints>;
}

const fallback: ArrayRole = { role: 'logits', reason: { code: 'noCue' } };

/**
 * The arrays notebook cells' saved outputs print, found by the same core as documents' arrays. Each output is
 * scanned on its own turn of the event loop; nothing runs a cell. Dropped when the notebook closes.
 */
export class NotebookOutputArrays extends Disposable implements OutputArrays {
  private readonly entries = new Map<string, Entry>();
  private readonly selection = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeSelection = this.selection.event;

  constructor() {
    super();
    this._register({ dispose: () => this.entries.clear() });
    this._register(vscode.window.onDidChangeNotebookEditorSelection(() => this.selection.fire()));
    this._register(
      vscode.workspace.onDidCloseNotebookDocument((notebook) => {
        for (const cell of notebook.getCells()) this.entries.delete(cell.document.uri.toString());
      }),
    );
  }

  /** Every array the cell's outputs print, found once per notebook version. */
  printsOf(cell: vscode.NotebookCell): Promise<CellPrints> {
    const key = cell.document.uri.toString();
    const version = cell.notebook.version;
    let entry = this.entries.get(key);
    if (entry === undefined || entry.version !== version) {
      entry = { version, prints: scan(cell) };
      this.entries.set(key, entry);
    }
    return entry.prints;
  }

  /** The array the cell's item names and the command takes: the first not read as a shape, else the first. */
  async headlineOf(cell: vscode.NotebookCell): Promise<PrintedArray | undefined> {
    const { arrays } = await this.printsOf(cell);
    let first: PrintedArray | undefined;
    for (const { text, array } of arrays) {
      const printed = printedArray(cell, text, array);
      if (printed.role.role !== 'shape') return printed;
      first ??= printed;
    }
    return first;
  }

  async ofSelectedCell(): Promise<PrintedArray | undefined> {
    const editor = vscode.window.activeNotebookEditor;
    if (!editor || editor.selection.isEmpty) return undefined;
    return this.headlineOf(editor.notebook.cellAt(editor.selection.start));
  }

  async ofCellDocument(document: vscode.TextDocument): Promise<PrintedArray | undefined> {
    const cell = cellOf(document);
    return cell && this.headlineOf(cell);
  }

  async at(ref: OutputArrayRef): Promise<PrintedArray | undefined> {
    const notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === ref.notebook);
    if (!notebook || ref.cell >= notebook.cellCount) return undefined;
    const cell = notebook.cellAt(ref.cell);
    const { arrays } = await this.printsOf(cell);
    const hit = arrays.find(({ text, array }) => text.output === ref.output && text.item === ref.item && array.start === ref.start);
    return hit && printedArray(cell, hit.text, hit.array);
  }
}

async function scan(cell: vscode.NotebookCell): Promise<CellPrints> {
  const prints: CellPrints = { arrays: [] };
  for (const text of outputTexts(cell)) {
    // One output per turn: a cell with many long outputs never holds the host for all of them at once.
    await nextTurn();
    for (const array of findArrays(text.text, outputLanguage)) prints.arrays.push({ text, array });
    if (text.truncatedFrom !== undefined) prints.truncated ??= text;
  }
  return prints;
}

/** The cell whose source is this document, in a notebook already open. */
export function cellOf(document: vscode.TextDocument): vscode.NotebookCell | undefined {
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cell = notebook.getCells().find((c) => c.document === document);
    if (cell) return cell;
  }
  return undefined;
}

/**
 * The array with its role, read as a person reads a notebook: the cell's code (`print(torch.softmax(x, 0))`)
 * above the output that prints it.
 */
function printedArray(cell: vscode.NotebookCell, text: OutputText, array: FoundArray): PrintedArray {
  const code = cell.document.getText();
  const above = `${code.slice(Math.max(0, code.length - roleWindow.before))}\n`;
  let role = fallback;
  try {
    role = classifyArray(above + text.text, { ...array, start: array.start + above.length, end: array.end + above.length }, outputLanguage);
  } catch {
    // classifyArray is written not to throw; should it ever, the array keeps its softmax.
  }
  const precision = role.role === 'probabilities' || role.role === 'logProbabilities' ? printPrecision(text.text, array, outputLanguage) : undefined;
  const ref: OutputArrayRef = { kind: 'output', notebook: cell.notebook.uri.toString(), cell: cell.index, output: text.output, item: text.item, start: array.start };
  return { ref, version: cell.notebook.version, array, role, precision, languageId: cell.document.languageId, source: placeOf(cell, text, array) };
}

/** Where the array is printed, for the walkthrough's header: the notebook, the cell and output, the printed line. */
function placeOf(cell: vscode.NotebookCell, text: OutputText, array: FoundArray): PrintedArray['source'] {
  const lineStart = text.text.lastIndexOf('\n', array.start - 1) + 1;
  const lineEnd = text.text.indexOf('\n', array.start);
  const line = text.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim();
  let lineNumber = 1;
  for (let i = text.text.indexOf('\n'); i >= 0 && i < array.start; i = text.text.indexOf('\n', i + 1)) lineNumber++;
  return {
    fileName: vscode.workspace.asRelativePath(cell.notebook.uri, false),
    line: lineNumber,
    lineText: shortLine(line),
    place: vscode.l10n.t('Cell {0} · output {1}', cell.index + 1, text.output + 1),
  };
}

/** Whether an array of this role deserves the cell's item under the lens setting (`likely` leaves shapes out). */
export function worthShowing(role: ArrayRole, cell: vscode.NotebookCell): boolean {
  return role.role !== 'shape' || readSettings(cell.document).codeLensArrays === 'all';
}
