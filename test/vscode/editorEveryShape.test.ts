// In a real extension host: edits lose nothing, odd documents (read-only, CRLF, astral
// characters, very long lines) work, and quick cursor moves or closing a document never leave a wrong answer.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, extensionId, openEditor, positionOf, softmaxHover, softmaxLenses } from './editorSupport';

interface ComputeResult {
  values: number[];
  probabilities: number[];
}

const compute = () => vscode.commands.executeCommand<ComputeResult | undefined>('softmaxLens.computeSoftmax');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function putCursor(editor: vscode.TextEditor, position: vscode.Position) {
  editor.selection = new vscode.Selection(position, position);
}

/** A file system whose files cannot be written, as VS Code shows a git revision or a read-only mount. */
class ReadOnlyFiles implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  constructor(private readonly files: Map<string, string>) {}
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const text = this.files.get(uri.path);
    if (text === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: text.length, permissions: vscode.FilePermission.Readonly };
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const text = this.files.get(uri.path);
    if (text === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return new TextEncoder().encode(text);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((p) => [p.slice(1), vscode.FileType.File]);
  }
  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** A document whose text keeps its CRLF line ends (applying an edit to an untitled document would turn them into LF). */
async function openCrlf(language: string, content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  assert.strictEqual(document.eol, vscode.EndOfLine.CRLF);
  return vscode.window.showTextDocument(document);
}

suite('edits lose nothing', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('copying the result leaves the document as it was, version included', async () => {
    const source = 'x = [2.0, 1.0, 0.1]\n';
    const editor = await openEditor('python', source);
    putCursor(editor, positionOf(editor.document, '1.0'));
    assert.ok(await compute());
    const version = editor.document.version;
    await vscode.commands.executeCommand('softmaxLens.copyResult');
    assert.match(await vscode.env.clipboard.readText(), /^\[0\.\d{4}, 0\.\d{4}, 0\.\d{4}\]$/);
    assert.strictEqual(editor.document.getText(), source);
    assert.strictEqual(editor.document.version, version);
  });

  test('Insert Below in a CRLF file with emoji adds one CRLF line and leaves every other character as it was', async () => {
    const source = 'a = 1\r\n😀🙂 logits = [2.0, 1.0,\r\n  0.1]  # 🚀 keep\r\nb = [9, 9]\r\n';
    const editor = await openCrlf('python', source);
    putCursor(editor, positionOf(editor.document, '1.0'));
    assert.ok(await compute());
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), true);
    const after = editor.document.getText();
    const at = source.indexOf('  # 🚀 keep') + '  # 🚀 keep'.length;
    assert.strictEqual(after.slice(0, at), source.slice(0, at), 'text before the insertion');
    assert.strictEqual(after.slice(after.length - (source.length - at)), source.slice(at), 'text after the insertion');
    const inserted = after.slice(at, after.length - (source.length - at));
    assert.match(inserted, /^\r\n# softmax = \[0\.\d{4}, 0\.\d{4}, 0\.\d{4}\]$/);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), source);
  });

  test('a read-only document still gets its lens, hover and result, and Insert Below leaves it untouched', async () => {
    const source = 'scores = [0.5, 2.5, -1.0]\n';
    const registration = vscode.workspace.registerFileSystemProvider('softmax-lens-ro', new ReadOnlyFiles(new Map([['/scores.py', source]])), {
      isReadonly: true,
    });
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('softmax-lens-ro:/scores.py'));
      const editor = await vscode.window.showTextDocument(document);
      assert.strictEqual((await softmaxLenses(document.uri)).length, 1);
      assert.ok(await softmaxHover(document.uri, positionOf(document, '2.5')));
      putCursor(editor, positionOf(document, '2.5'));
      assert.ok(await compute());
      const inserted = await vscode.commands.executeCommand<boolean>('softmaxLens.insertResultBelow');
      assert.strictEqual(inserted, false, 'VS Code refuses the edit and the command says so');
      assert.strictEqual(document.getText(), source);
      assert.strictEqual(document.isDirty, false);
    } finally {
      await closeAllEditors();
      registration.dispose();
    }
  });
});

suite('documents of every shape', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('astral-plane characters before an array keep the lens, hover range and result right', async () => {
    const source = '# 𝔁 → 😀😀😀 logits\r\n𝔁𝔂 = [1.5, -0.5, 2.0]  # 🙂\r\n';
    const editor = await openCrlf('python', source);
    const document = editor.document;
    const [lens] = await softmaxLenses(document.uri);
    assert.strictEqual(lens?.range.start.line, 1);
    const hover = await softmaxHover(document.uri, positionOf(document, '-0.5'));
    assert.ok(hover?.hover.range);
    assert.strictEqual(document.getText(hover.hover.range), '[1.5, -0.5, 2.0]');
    putCursor(editor, positionOf(document, '-0.5'));
    assert.deepStrictEqual((await compute())?.values, [1.5, -0.5, 2.0]);
  });

  test('an array at the end of a 1 MB line hovers over exactly its brackets', async () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(40_000);
    const source = `${filler} v = [3, 1, 2]\n`;
    const editor = await openEditor('plaintext', source);
    const hover = await softmaxHover(editor.document.uri, positionOf(editor.document, '1, 2'));
    assert.ok(hover?.hover.range);
    assert.strictEqual(editor.document.getText(hover.hover.range), '[3, 1, 2]');
    assert.strictEqual((await softmaxLenses(editor.document.uri)).length, 1);
  });

  test('the manifest declares virtual workspaces supported, and untrusted ones with softmaxLens.maxFileSize kept to the user', () => {
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: unknown }; virtualWorkspaces?: unknown };
    };
    assert.strictEqual(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
    assert.deepStrictEqual(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations, ['softmaxLens.maxFileSize']);
    assert.strictEqual(manifest.capabilities?.virtualWorkspaces, true);
  });
});

interface Snapshot {
  ref?: { uri: string; start: number };
  values?: number[];
  seq: number;
  rendered?: { seq: number };
}

const snapshot = () => vscode.commands.executeCommand<Snapshot>('softmaxLens.walkthrough.snapshot');

suite('races', function () {
  this.timeout(60_000);
  suiteSetup(activateExtension);
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closeAllEditors();
  });

  test('after quick cursor moves and edits across arrays the panel shows the last array, rendered', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `row${i} = [${i}, ${i + 1}.5, -${i}]`);
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: `${rows.join('\n')}\n` });
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    putCursor(editor, positionOf(document, '[0').translate(0, 1));
    await vscode.commands.executeCommand('softmaxLens.showWalkthrough');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < rows.length; i++) {
        putCursor(editor, new vscode.Position(i, rows[i].indexOf('[') + 1));
        if (i % 3 === 0) await editor.edit((e) => e.insert(new vscode.Position(i, rows[i].length), ' '));
        await sleep(i % 2 === 0 ? 0 : 15);
      }
    }
    const last = rows.length - 1;
    putCursor(editor, new vscode.Position(last, rows[last].indexOf('[') + 1));
    const start = document.offsetAt(new vscode.Position(last, rows[last].indexOf('[')));
    const until = Date.now() + 15_000;
    let s = await snapshot();
    while (Date.now() < until && !(s.rendered?.seq === s.seq && s.ref?.start === start)) {
      await sleep(50);
      s = await snapshot();
    }
    assert.strictEqual(s.ref?.start, start, 'the panel is on the last array');
    assert.strictEqual(s.rendered?.seq, s.seq, 'and the webview rendered that view');
    assert.deepStrictEqual(s.values, [last, last + 1.5, -last]);
    // Nothing stale arrives later: the answer stays.
    await sleep(500);
    const later = await snapshot();
    assert.strictEqual(later.ref?.start, start);
    assert.strictEqual(later.seq, s.seq, 'no render after the last move');
  });

  test('closing large documents while their lenses and hovers are being computed settles every request', async function () {
    const source = `${Array.from({ length: 60_000 }, (_, i) => `v${i} = [${i % 7}, 1.5, -2]`).join('\n')}\n`;
    const heapBefore = typeof process === 'undefined' ? 0 : process.memoryUsage().heapUsed;
    for (let k = 0; k < 4; k++) {
      const editor = await openEditor('python', source);
      const uri = editor.document.uri;
      const requests = [
        vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 10),
        vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(59_999, 5)),
      ];
      await closeAllEditors();
      const results = await Promise.allSettled(requests);
      // VS Code itself answers a request on a closed document with "Model is disposed"; anything else would be ours.
      for (const r of results) if (r.status === 'rejected') assert.match(String(r.reason), /disposed/i);
    }
    if (typeof process !== 'undefined') {
      const grown = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      console.log(`      heap change after opening and closing four 1.3 MB documents mid-scan: ${grown.toFixed(0)} MB`);
      assert.ok(grown < 200, `${grown.toFixed(0)} MB more heap`);
    }
  });
});
