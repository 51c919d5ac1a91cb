import * as vscode from 'vscode';
import type { FoundArray } from '../core';
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
    name: nameBefore(line.slice(0, position.character)),
  };
}

/** A line of text cut to what the header has room for. */
export function shortLine(line: string): string {
  return line.length > lineTextCap ? `${line.slice(0, lineTextCap - 1)}…` : line;
}

/** `logits = [`, `x: number[] = [`, `y = np.array(`, `"scores": [` → the name written before the array. */
function nameBefore(prefix: string): string | undefined {
  const match = /(["']?)([A-Za-z_$][\w$.]*)\1\s*(?::[^=]*)?[=:]\s*(?:[\w.]+\(\s*)?$/.exec(prefix.slice(-200));
  return match?.[2];
}
