import * as vscode from 'vscode';
import { exportSyntaxFor, formatArray, formatNumber, formatProbability, languageFacts, type ProbabilityFacts } from '../core';
import { rowFacts, type ArraySoftmax } from './arraySoftmax';

/** A softmax computed by the command, remembered with the document, its version and the text it was computed on. */
/** What Copy needs: the result, its decimals and the language whose syntax it is written in. */
export interface CopyableResult {
  result: ArraySoftmax;
  decimals: number;
  languageId: string;
}

/** A result computed on an array of a document, with what Insert Below checks before it edits. */
export interface ComputedSoftmax extends CopyableResult {
  document: vscode.TextDocument;
  version: number;
  /** Document offsets of the array (or the selected numbers), and the text there. */
  start: number;
  end: number;
  literal: string;
}

/**
 * Each probability as a number in code: rounded to the decimals asked, but with the digits it takes never to read 1
 * below 1 nor 0 above 0 (one too small for a double is written from its log, `4.1e-439`).
 */
function probabilityCells(computed: CopyableResult): (i: number) => string {
  const { result } = computed;
  const rows = new Map<number, (i: number) => ProbabilityFacts>();
  return (i) => {
    const row = Math.floor(i / result.cols);
    let facts = rows.get(row);
    if (facts === undefined) rows.set(row, (facts = rowFacts(result, row)));
    return formatProbability(result.probabilities[i], computed.decimals, facts(i - row * result.cols), 'code');
  };
}

/** The result as code in the document's syntax: `softmax = [0.6590, 0.2424, 0.0986]`; a matrix's rows stay aligned. */
export function resultCode(computed: ComputedSoftmax): string {
  const label = `${computed.result.temperature === 1 ? 'softmax' : `softmax(T=${formatNumber(computed.result.temperature)})`} = `;
  return label + resultArray(computed).split('\n').join(`\n${' '.repeat(label.length)}`);
}

/** The same, as text for the clipboard: just the array. */
export function resultArray(computed: CopyableResult): string {
  const { result } = computed;
  return formatArray(result.probabilities, result.array.shape, exportSyntaxFor(computed.languageId), computed.decimals, probabilityCells(computed));
}

export async function copyResult(computed: CopyableResult): Promise<void> {
  await vscode.env.clipboard.writeText(resultArray(computed));
  // A notification, not a status bar message: VS Code announces notifications to screen readers.
  void vscode.window.showInformationMessage(vscode.l10n.t('Softmax copied to the clipboard'));
}

/** True while the document the result was computed on is open, unchanged, with the same text at the array. */
function stillThere(computed: ComputedSoftmax): boolean {
  const { document } = computed;
  // The same document object: a new document at the same URI (a reopened Untitled-1) may be at the same version.
  if (document.isClosed || !vscode.workspace.textDocuments.includes(document) || document.version !== computed.version) return false;
  return document.getText(new vscode.Range(document.positionAt(computed.start), document.positionAt(computed.end))) === computed.literal;
}

/**
 * Adds the result below the array as one undoable edit: a line comment where the language has one, a block
 * comment where it has only those, else a plain line; in JSON, which has no comments, it offers Copy instead.
 * Refuses, with a message, if the document changed since the result was computed.
 */
export async function insertResultBelow(computed: ComputedSoftmax): Promise<boolean> {
  if (!stillThere(computed)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The document changed since the softmax was computed, so the result was not inserted. Run Compute Softmax again.'),
    );
    return false;
  }
  const { document } = computed;
  const { commenting } = languageFacts(document.languageId);
  if (commenting !== undefined && 'none' in commenting) {
    const language = commenting.none;
    const copy = vscode.l10n.t('Copy');
    const message = vscode.l10n.t('{0} has no comments, so the result was not inserted: a line of its own would break the file. Copy it instead?', language);
    void vscode.window.showWarningMessage(message, copy).then((choice) => (choice === copy ? copyResult(computed) : undefined));
    return false;
  }
  // VS Code would apply the edit to the model of a read-only file, leaving a change that can never be saved.
  if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) {
    const name = document.uri.path.split('/').pop() || document.uri.toString();
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is read-only, so the result was not inserted. Use Copy instead.', name));
    return false;
  }
  const firstLine = document.lineAt(document.positionAt(computed.start).line);
  const lastLine = document.lineAt(document.positionAt(Math.max(computed.start, computed.end - 1)).line);
  const indent = firstLine.text.slice(0, firstLine.firstNonWhitespaceCharacterIndex);
  const block = commenting !== undefined && 'block' in commenting ? commenting.block : undefined;
  const prefix = indent + (commenting !== undefined && 'line' in commenting ? `${commenting.line} ` : '');
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const lines = resultCode(computed).split('\n');
  if (block) {
    lines[0] = `${block[0]} ${lines[0]}`;
    lines[lines.length - 1] += ` ${block[1]}`;
  }
  const text = lines.map((line) => prefix + line).join(eol);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, lastLine.range.end, eol + text);
  return vscode.workspace.applyEdit(edit);
}
