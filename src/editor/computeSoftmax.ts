import * as vscode from 'vscode';
import { parseNumberList, SoftmaxInputError, type FoundArray } from '../core';
import { errorText } from '../l10n/coreErrors';
import { reasonText, roleLabel } from '../l10n/roleText';
import type { ArrayRoles } from './arrayRoles';
import { plainProbabilities, plainValues, softmaxOfArraySoon } from './arraySoftmax';
import type { DocumentArrays } from './documentCache';
import { copyResult, insertResultBelow, type ComputedSoftmax } from './insertResult';
import { readSettings } from './settings';
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
export function registerComputeSoftmax(arrays: DocumentArrays, roles: ArrayRoles): vscode.Disposable[] {
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
  return [
    vscode.commands.registerCommand('softmaxLens.computeSoftmax', async (): Promise<SoftmaxCommandResult | undefined> => {
      const computed = await computeAtSelection(arrays);
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
  ];
}

async function computeAtSelection(arrays: DocumentArrays): Promise<ComputedSoftmax | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a document with a numeric array to compute its softmax.'));
    return undefined;
  }
  const { document } = editor;
  const array = editor.selection.isEmpty ? await arrayAtCursor(editor, arrays) : arrayInSelection(editor);
  if (!array) return undefined;
  // The offsets are those of the text as it is now: an answer for older text comes back undefined.
  const version = document.version;
  const literal = document.getText(new vscode.Range(document.positionAt(array.start), document.positionAt(array.end)));
  const settings = readSettings(document);
  try {
    const result = await softmaxOfArraySoon(array, settings.temperature);
    if (!result) return undefined;
    return { document, version, start: array.start, end: array.end, literal, result, decimals: settings.decimals };
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
  if (role.role === 'logits') return undefined;
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

async function hasWalkthrough(computed: ComputedSoftmax, arrays: DocumentArrays): Promise<boolean> {
  const { document } = computed;
  return !document.isClosed && (await arrays.arrayAt(document, document.positionAt(computed.start)))?.start === computed.start;
}
