// Timing helpers for the benchmarks that run inside the extension host: wall time (the host, the workbench and
// the language servers are separate processes, so CPU time of this one would miss most of the work).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { random } from '../random';
import { lagProbe } from '../../test/vscode/lagProbe';

export const KB = 1024;
export const MB = 1024 * 1024;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds `fn` takes, and what it returned. */
export async function timed<T>(fn: () => Thenable<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function ms(value: number): string {
  return value < 10 ? value.toFixed(1) : value.toFixed(0);
}

export function sizeText(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= KB) return `${(bytes / KB).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** A JSON file of model outputs, one object with a 10-logit array per line, about `bytes` long. */
export function logitsJson(bytes: number): string {
  const rnd = random(bytes);
  const lines: string[] = [];
  let size = 4;
  for (let k = 0; size < bytes; k++) {
    const logits = Array.from({ length: 10 }, () => (rnd() * 20 - 10).toFixed(4)).join(', ');
    const line = `  {"step": ${k}, "label": "batch-${k}", "logits": [${logits}]}`;
    lines.push(line);
    size += line.length + 2;
  }
  return `[\n${lines.join(',\n')}\n]\n`;
}

let fileCount = 0;

/** Writes a file into the workspace folder under a name never used before in this run, so no cache knows it. */
export function workspaceFile(extension: string, content: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The bench needs the workspace folder the harness opens.');
  const file = path.join(folder.uri.fsPath, `bench-${++fileCount}.${extension}`);
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

/** The position just inside the first `[` of the line in the middle of the document. */
export function middleArray(document: vscode.TextDocument): vscode.Position {
  const line = document.lineAt(Math.floor(document.lineCount / 2));
  return new vscode.Position(line.lineNumber, line.text.indexOf('[') + 2);
}

export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

export { lagProbe, random };
