// The VS Code suite in the web-worker extension host (the one vscode.dev uses). The worker can
// require only `vscode`, so this bundle carries mocha's browser build and an `assert`, reads the same
// compiled suite files as the Node host (dist/test/vscode/*.test.js) and evaluates them here.
import * as vscode from 'vscode';
import { countsOf, resultLine } from '../harness/suiteResult';
import { assert } from './assert';

const EXTENSION_ID = 'softmax-lens.softmax-lens';

/** What a compiled test file may require in this host. */
function requireFor(file: string) {
  return (id: string): unknown => {
    if (id === 'vscode') return vscode;
    if (id === 'assert' || id === 'node:assert' || id === 'assert/strict') return assert;
    throw new Error(`${file} requires '${id}', which the web extension host does not have; the VS Code suite may use only 'vscode' and 'assert'.`);
  };
}

/** Evaluates one CommonJS test bundle the way the worker loads extensions; a failure becomes a failing test. */
function load(file: string, code: string): void {
  const module = { exports: {} };
  try {
    new Function('module', 'exports', 'require', `${code}\n//# sourceURL=${file}`)(module, module.exports, requireFor(file));
  } catch (error) {
    suite(`${file} in the web extension host`, () => test('loads', () => Promise.reject(error)));
  }
}

async function testFiles(): Promise<{ name: string; uri: vscode.Uri }[]> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in the web extension host`);
  // The worker has no `process` and runs extensions as UI; anywhere else this layer would test nothing new.
  if (typeof process !== 'undefined' || extension.extensionKind !== vscode.ExtensionKind.UI) {
    throw new Error('The web suite is not running in the web-worker extension host (is "remote.extensionKind" set to ["web"]?)');
  }
  const dir = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'test', 'vscode');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.test.js'))
    .map(([name]) => ({ name, uri: vscode.Uri.joinPath(dir, name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function run(): Promise<void> {
  // Loaded only now: mocha's browser build assigns `module.exports`, which must keep this run() until the host has called it.
  await import('mocha/mocha');
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false });
  Mocha.interfaces.bdd(mocha.suite);
  const decoder = new TextDecoder();
  for (const { name, uri } of await testFiles()) {
    const code = decoder.decode(await vscode.workspace.fs.readFile(uri));
    // What mocha does around each file it requires: binds suite/test (and describe/it) for it.
    mocha.suite.emit('pre-require', globalThis, name, mocha);
    load(name, code);
    mocha.suite.emit('post-require', globalThis, name, mocha);
  }
  const counts = await new Promise<ReturnType<typeof countsOf>>((resolve) => {
    const runner = mocha.run(() => resolve(countsOf(runner.stats)));
  });
  console.log(resultLine(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} test(s) failed in the web extension host.`);
}
