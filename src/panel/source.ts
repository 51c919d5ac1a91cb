import * as vscode from 'vscode';
import { nameBoundTo, roleWindow, type FoundArray } from '../core';
import type { WalkthroughView } from './protocol';

const lineTextCap = 160;

/** Where the array sits, for the panel's header. All of it is document text: the webview shows it as text only. */
export function describeSource(document: vscode.TextDocument, array: FoundArray): WalkthroughView['source'] {
  const position = document.positionAt(array.start);
  const line = document.lineAt(position.line).text;
  const trimmed = line.trim();
  return {
    fileName: vscode.workspace.asRelativePath(document.uri, false),
    line: position.line + 1,
    lineText: shortLine(trimmed),
    name: boundName(document, array),
  };
}

/** A line of text cut to what the header has room for. */
export function shortLine(line: string): string {
  return line.length > lineTextCap ? `${line.slice(0, lineTextCap - 1)}…` : line;
}

/** `logits = [`, `x: number[] = [`, `y = np.array(`, `"scores": [` → the name the roles read before the array. */
function boundName(document: vscode.TextDocument, array: FoundArray): string | undefined {
  const from = Math.max(0, array.start - roleWindow.before);
  const before = document.getText(new vscode.Range(document.positionAt(from), document.positionAt(array.start + 1)));
  return nameBoundTo(before, { ...array, start: array.start - from, end: array.end - from });
}
