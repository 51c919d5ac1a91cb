import * as vscode from 'vscode';
import { parseNumberList, SoftmaxInputError, type ArrayRole, type FoundArray } from '../core';
import { errorText } from '../l10n/coreErrors';
import { reasonText, roleLabel } from '../l10n/roleText';
import type { ArrayRoles } from './arrayRoles';
import { plainProbabilities, plainValues, softmaxOfArraySoon, type ArraySoftmax } from './arraySoftmax';
import type { DocumentArrays } from './documentCache';
import { copyResult, insertResultBelow, type ComputedSoftmax, type CopyableResult } from './insertResult';
import type { OutputArrays, PrintedArray } from './outputArrays';
import { printedScope, readSettings } from './settings';
import { notificationMessage } from './summaries';

/** What `executeCommand('softmaxLens.computeSoftmax')` returns: plain arrays, rows of them for a matrix. */
export interface SoftmaxCommandResult {
  values: number[] | number[][];
  probabilities: number[] | number[][];
}

/**
 * Compute Softmax on the selection or the array at the cursor, and the actions its notification offers.
 * Copy Last Result and Insert Last Result Below (the palette's way to those actions, for keyboard users) act on
 * the latest result computed in the active document; they return whether they did.
 */
export function registerComputeSoftmax(arrays: DocumentArrays, roles: ArrayRoles, outputs: OutputArrays): vscode.Disposable {
  // One result per open document, dropped when it closes: memory follows the documents open.
  const latest = new Map<string, ComputedSoftmax>();
  const latestHere = (): ComputedSoftmax | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a document with a numeric array to compute its softmax.'));
      return undefined;
    }
    const computed = latest.get(editor.document.uri.toString());
    if (!computed) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No softmax has been computed in this document yet: run Compute Softmax on one of its arrays first.'));
    }
    return computed;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('softmaxLens.computeSoftmax', async (): Promise<SoftmaxCommandResult | undefined> => {
      const target = await targetOfCommand(arrays, outputs);
      if (!target) return undefined;
      if (target.printed) {
        const computed = await computePrinted(target.printed);
        if (!computed) return undefined;
        void notifyPrinted(computed, target.printed);
        return { values: plainValues(computed.result), probabilities: plainProbabilities(computed.result) };
      }
      const computed = await computeAtSelection(target.editor, target.array);
      if (!computed) return undefined;
      latest.set(computed.document.uri.toString(), computed);
      // Not awaited: callers of executeCommand get the numbers while the notification is still open.
      void notify(computed, arrays, readAs(computed, roles));
      return { values: plainValues(computed.result), probabilities: plainProbabilities(computed.result) };
    }),
    vscode.commands.registerCommand('softmaxLens.insertResultBelow', async (): Promise<boolean> => {
      const computed = latestHere();
      return computed ? insertResultBelow(computed) : false;
    }),
    vscode.commands.registerCommand('softmaxLens.copyResult', async (): Promise<boolean> => {
      const computed = latestHere();
      if (computed) await copyResult(computed);
      return computed !== undefined;
    }),
    vscode.workspace.onDidCloseTextDocument((document) => latest.delete(document.uri.toString())),
  );
}

type Target = { editor: vscode.TextEditor; array: FoundArray; printed?: undefined } | { printed: PrintedArray };

/**
 * What the command computes: the selection, else the array at the cursor; in a notebook, a selected cell with no
 * array in its source (or no cell editor focused) gives the first array its saved outputs print.
 */
async function targetOfCommand(arrays: DocumentArrays, outputs: OutputArrays): Promise<Target | undefined> {
  const editor = vscode.window.activeTextEditor;
  const notebook = vscode.window.activeNotebookEditor;
  const cell = notebook && !notebook.selection.isEmpty ? notebook.notebook.cellAt(notebook.selection.start) : undefined;
  if (editor && (!cell || editor.document === cell.document)) {
    if (!editor.selection.isEmpty) {
      const array = arrayInSelection(editor);
      return array && { editor, array };
    }
    const array = await arrayAtCursor(editor, arrays);
    if (array) return { editor, array };
    const printed = cell && (await outputs.ofSelectedCell());
    if (printed) return { printed };
    void vscode.window.showWarningMessage(vscode.l10n.t('No numeric array at the cursor. Select numbers or put the cursor inside an array.'));
    return undefined;
  }
  if (cell) {
    const printed = await outputs.ofSelectedCell();
    if (printed) return { printed };
    void vscode.window.showWarningMessage(vscode.l10n.t('No numeric array in the selected cell’s outputs. Put the cursor inside an array of its code, or select numbers.'));
    return undefined;
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a document with a numeric array to compute its softmax.'));
  return undefined;
}

async function computeAtSelection(editor: vscode.TextEditor, array: FoundArray): Promise<ComputedSoftmax | undefined> {
  const { document } = editor;
  // The offsets are those of the text as it is now: an answer for older text comes back undefined.
  const version = document.version;
  const literal = document.getText(new vscode.Range(document.positionAt(array.start), document.positionAt(array.end)));
  const settings = readSettings(document);
  const result = await softmaxOrSay(array, settings.temperature);
  if (!result) return undefined;
  return { document, version, start: array.start, end: array.end, literal, result, decimals: settings.decimals, languageId: document.languageId };
}

/** The softmax of an array an output prints; it lives in no document, so nothing can be inserted next to it. */
async function computePrinted(printed: PrintedArray): Promise<CopyableResult | undefined> {
  const settings = readSettings(printedScope(printed));
  const result = await softmaxOrSay(printed.array, settings.temperature);
  if (!result) return undefined;
  return { result, decimals: settings.decimals, languageId: printed.languageId };
}

async function softmaxOrSay(array: FoundArray, temperature: number): Promise<ArraySoftmax | undefined> {
  try {
    return await softmaxOfArraySoon(array, temperature);
  } catch (error) {
    if (!(error instanceof SoftmaxInputError)) throw error;
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot compute softmax: {0}', errorText(error)));
    return undefined;
  }
}

async function arrayAtCursor(editor: vscode.TextEditor, arrays: DocumentArrays): Promise<FoundArray | undefined> {
  const { document } = editor;
  const version = document.version;
  let found = await arrays.lookUp(document, editor.selection.active);
  // Typing went on while a large document was scanned: look again at the text as it is now.
  for (let tries = 0; !found.array && !found.tooLong && document.version !== version && tries < 3; tries++) {
    found = await arrays.lookUp(document, editor.selection.active);
  }
  if (found.tooLong) {
    const megabytes = Math.round((arrays.windowCap(document) / 2 ** 20) * 10) / 10;
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'In a document this large, Softmax Lens reads at most {0} MB around the cursor (four times softmaxLens.maxFileSize), and the array there did not fit. Select the numbers instead, or raise the setting.',
        megabytes,
      ),
    );
  } else if (!found.array) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No numeric array at the cursor. Select numbers or put the cursor inside an array.'));
  }
  return found.array;
}

/** An array literal, a matrix or bare numbers in the selection, with offsets in the document. */
function arrayInSelection(editor: vscode.TextEditor): FoundArray | undefined {
  const { document, selection } = editor;
  const found = parseNumberList(document.getText(selection), document.languageId);
  if (!found) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No numeric array in the selection'));
    return undefined;
  }
  const offset = document.offsetAt(selection.start);
  return { ...found, start: found.start + offset, end: found.end + offset };
}

/**
 * What the array looks like when it is not logits: the command computes its softmax anyway (the person asked),
 * and says so. Undefined for logits, or when the document changed meanwhile.
 */
function readAs(computed: ComputedSoftmax, roles: ArrayRoles): string | undefined {
  const { document } = computed;
  if (document.isClosed || document.version !== computed.version) return undefined;
  const role = roles.roleOf(document, computed.result.array);
  return role.role === 'logits' ? undefined : readAsWords(role);
}

function readAsWords(role: ArrayRole): string {
  return vscode.l10n.t('These numbers read as {0} ({1}); here is their softmax, as asked.', roleLabel(role.role), reasonText(role.reason));
}

async function notify(computed: ComputedSoftmax, arrays: DocumentArrays, note: string | undefined): Promise<void> {
  const copy = vscode.l10n.t('Copy');
  const insert = vscode.l10n.t('Insert Below');
  const steps = vscode.l10n.t('Show Steps');
  // The walkthrough opens arrays the document holds; bare selected numbers have none to point at.
  const actions = (await hasWalkthrough(computed, arrays)) ? [copy, insert, steps] : [copy, insert];
  const message = notificationMessage(computed.result, computed.decimals);
  const choice = await vscode.window.showInformationMessage(note === undefined ? message : `${message} ${note}`, ...actions);
  if (choice === copy) await copyResult(computed);
  else if (choice === insert) await insertResultBelow(computed);
  else if (choice === steps) {
    await vscode.commands.executeCommand('softmaxLens.showWalkthrough', { uri: computed.document.uri.toString(), start: computed.start });
  }
}

/** Copy and Show Steps: the printed array is in no document, so there is nowhere to insert below it. */
async function notifyPrinted(computed: CopyableResult, printed: PrintedArray): Promise<void> {
  const copy = vscode.l10n.t('Copy');
  const steps = vscode.l10n.t('Show Steps');
  const message = `${notificationMessage(computed.result, computed.decimals)} ${vscode.l10n.t('(printed by {0})', printed.source.place ?? '')}`;
  const note = printed.role.role === 'logits' ? '' : ` ${readAsWords(printed.role)}`;
  const choice = await vscode.window.showInformationMessage(message + note, copy, steps);
  if (choice === copy) await copyResult(computed);
  else if (choice === steps) await vscode.commands.executeCommand('softmaxLens.showWalkthrough', printed.ref);
}

async function hasWalkthrough(computed: ComputedSoftmax, arrays: DocumentArrays): Promise<boolean> {
  const { document } = computed;
  return !document.isClosed && (await arrays.arrayAt(document, document.positionAt(computed.start)))?.start === computed.start;
}
