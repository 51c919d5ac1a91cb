import * as vscode from 'vscode';
import { exportSyntaxFor, formatArray, formatNumber } from '../core';
import type { ArraySoftmax } from './arraySoftmax';

/** A softmax computed by the command, remembered with the document version it was computed on. */
export interface ComputedSoftmax {
  uri: vscode.Uri;
  version: number;
  languageId: string;
  /** Document offsets of the array (or the selected numbers). */
  start: number;
  end: number;
  result: ArraySoftmax;
  decimals: number;
}

const lineComments: Record<string, string> = {};
for (const id of ['python', 'r', 'julia', 'shellscript', 'yaml', 'ruby', 'perl', 'toml', 'powershell', 'makefile', 'dockerfile', 'coffeescript', 'elixir', 'nim', 'cmake', 'jupyter']) {
  lineComments[id] = '#';
}
for (const id of ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'jsonc', 'c', 'cpp', 'cuda-cpp', 'csharp', 'java', 'go', 'rust', 'swift', 'kotlin', 'scala', 'dart', 'php', 'groovy', 'fsharp', 'objective-c', 'objective-cpp', 'zig', 'glsl', 'hlsl', 'wgsl', 'proto', 'vue', 'svelte']) {
  lineComments[id] = '//';
}
for (const id of ['matlab', 'octave', 'latex', 'tex', 'bibtex', 'erlang']) lineComments[id] = '%';
for (const id of ['lua', 'sql', 'haskell', 'elm', 'ada']) lineComments[id] = '--';
for (const id of ['clojure', 'lisp', 'scheme']) lineComments[id] = ';;';

/** The result as code in the document's syntax: `softmax = [0.6590, 0.2424, 0.0986]`; a matrix's rows stay aligned. */
export function resultCode(computed: ComputedSoftmax): string {
  const { result } = computed;
  const label = `${result.temperature === 1 ? 'softmax' : `softmax(T=${formatNumber(result.temperature)})`} = `;
  const syntax = exportSyntaxFor(computed.languageId);
  const code = formatArray(result.probabilities, result.array.shape, syntax, computed.decimals);
  return label + code.split('\n').join(`\n${' '.repeat(label.length)}`);
}

/** The same, as text for the clipboard: just the array. */
export function resultArray(computed: ComputedSoftmax): string {
  const { result } = computed;
  return formatArray(result.probabilities, result.array.shape, exportSyntaxFor(computed.languageId), computed.decimals);
}

/**
 * Adds the result below the array as one undoable edit: a line comment where the language has one,
 * else a plain line. Refuses, with a message, if the document changed since the result was computed.
 */
export async function insertResultBelow(computed: ComputedSoftmax): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === computed.uri.toString());
  if (!document || document.isClosed || document.version !== computed.version) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The document changed since the softmax was computed, so the result was not inserted. Run Compute Softmax again.'),
    );
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
  const comment = lineComments[computed.languageId];
  const prefix = indent + (comment ? `${comment} ` : '');
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const text = resultCode(computed)
    .split('\n')
    .map((line) => prefix + line)
    .join(eol);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, lastLine.range.end, eol + text);
  return vscode.workspace.applyEdit(edit);
}
