import * as vscode from 'vscode';
import { bindingOf, type FoundArray } from '../core';
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
    // Read from the array's own line, as the header shows it: `logits = [`, `x <- c(`, `"scores": [`.
    name: bindingOf(line, { ...array, start: position.character, end: position.character + array.end - array.start }).name,
  };
}

/** A line of text cut to what the header has room for. */
export function shortLine(line: string): string {
  return line.length > lineTextCap ? `${line.slice(0, lineTextCap - 1)}…` : line;
}
