// Shared by the editor suites: open documents the way a person does, and ask VS Code what it shows.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const extensionId = 'softmax-lens.softmax-lens';

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  await extension.activate();
}

let untitledCount = 0;
/**
 * Each test file bundles its own copy of this module, so its count starts again at 1: the run's own mark keeps an
 * untitled name from meeting a document an earlier file left behind (VS Code keeps closed untitled models a while).
 */
const untitledRun = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * An untitled document in the given language, holding `content`, shown in an editor. Each gets its own name:
 * a reused "Untitled-1" can come back with the text of the previous one, restored from its backup.
 */
export async function openEditor(language: string, content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `softmax-lens-test-${untitledRun}-${++untitledCount}` });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.strictEqual(document.getText(), content);
  return vscode.window.showTextDocument(document);
}

/** Closes every editor without the "Save changes?" prompt that dirty untitled documents would raise. */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Softmax Lens's CodeLenses, resolved, in document order (VS Code lists them in the order their resolves finish). */
export async function softmaxLenses(uri: vscode.Uri, resolve = 200): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, resolve)) ?? [];
  return lenses.filter((l) => l.command?.command === 'softmaxLens.showWalkthrough').sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** The Markdown of Softmax Lens's hover at a position, or undefined when it shows none. */
export async function softmaxHover(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; hover: vscode.Hover } | undefined> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  for (const hover of hovers) {
    const text = hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    if (text.includes('softmaxLens.showWalkthrough')) return { text, hover };
  }
  return undefined;
}

/** The position of the n-th occurrence (from 0) of `needle` in the document, plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0, occurrence = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" not found ${occurrence + 1} times in ${document.uri.toString()}: ${text.slice(0, 200)}`);
  }
  return document.positionAt(at + delta);
}

/** Changes one `softmaxLens.*` user setting for the duration of `body`, and always restores it. */
export async function withSetting<T>(key: string, value: unknown, body: () => Thenable<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('softmaxLens');
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration('softmaxLens').update(key, before, vscode.ConfigurationTarget.Global);
  }
}

/** A deterministic list of logits (a sine walk), so a failing run can be reproduced. */
export function logits(n: number, seed = 1): number[] {
  // `+ 0` turns −0 into 0: the document says 0, and so must the expected values.
  return Array.from({ length: n }, (_, i) => Math.round(((Math.sin(seed * 1000 + i * 12.9898) * 43758.5453) % 8) * 1000) / 1000 + 0);
}

/** The plain array of the probabilities, for deepStrictEqual against a command's result. */
export function plain(values: ArrayLike<number>): number[] {
  return Array.from(values);
}

export async function settle(ms = 50): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
