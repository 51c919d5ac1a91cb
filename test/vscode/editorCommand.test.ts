import * as assert from 'assert';
import * as vscode from 'vscode';
import { findArrays, formatArray, softmax, softmaxRows } from '../../src/core';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import { activateExtension, closeAllEditors, openEditor, plain, positionOf, withSetting } from './editorSupport';

interface CommandResult {
  values: number[] | number[][];
  probabilities: number[] | number[][];
}

const computeSoftmax = () => vscode.commands.executeCommand<CommandResult | undefined>('softmaxLens.computeSoftmax');

function putCursor(editor: vscode.TextEditor, position: vscode.Position) {
  editor.selection = new vscode.Selection(position, position);
}

function select(editor: vscode.TextEditor, needle: string) {
  const { document } = editor;
  const start = positionOf(document, needle);
  editor.selection = new vscode.Selection(start, document.positionAt(document.offsetAt(start) + needle.length));
}

suite('Compute Softmax', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('on the array under the cursor in Python it returns the exact softmax of [2.0, 1.0, 0.1]', async () => {
    const editor = await openEditor('python', 'import numpy as np\n\nlogits = np.array([2.0, 1.0, 0.1])\nprobs = softmax(logits)\n');
    putCursor(editor, positionOf(editor.document, '1.0'));
    const result = await computeSoftmax();
    assert.ok(result, 'the command returned nothing');
    assert.deepStrictEqual(result.values, [2.0, 1.0, 0.1]);
    const p = result.probabilities as number[];
    // Independent of the core: 60-digit fixed-point arithmetic, rounded once to doubles.
    const exact = referenceSoftmax([2.0, 1.0, 0.1]);
    p.forEach((pi, i) => assert.ok(Math.abs(pi - exact[i]) <= 4 * Number.EPSILON * exact[i], `p[${i}] = ${pi}, exactly ${exact[i]}`));
  });

  test('a selected TypeScript matrix gives one row of probabilities per row of logits', async () => {
    const source = 'const logits = [\n  [1, 2, 3],\n  [0.5, -0.5, 4],\n];\n';
    const editor = await openEditor('typescript', source);
    select(editor, '[\n  [1, 2, 3],\n  [0.5, -0.5, 4],\n]');
    const result = await computeSoftmax();
    assert.ok(result);
    assert.deepStrictEqual(result.values, [[1, 2, 3], [0.5, -0.5, 4]]);
    const rows = softmaxRows([1, 2, 3, 0.5, -0.5, 4], [2, 3]);
    assert.deepStrictEqual(result.probabilities, [plain(rows.subarray(0, 3)), plain(rows.subarray(3, 6))]);
  });

  test('selected bare numbers separated by spaces, commas or new lines are enough', async () => {
    const editor = await openEditor('plaintext', 'scores from the run: 2 1 0.1 (epoch 3)\nlogged: 2.0, 1.0, 0.1\n-1.5\n0.25\n3\n');
    for (const [needle, values] of [
      ['2 1 0.1', [2, 1, 0.1]],
      ['2.0, 1.0, 0.1', [2, 1, 0.1]],
      ['-1.5\n0.25\n3', [-1.5, 0.25, 3]],
    ] as const) {
      select(editor, needle);
      const result = await computeSoftmax();
      assert.deepStrictEqual(result?.values, values, needle);
      assert.deepStrictEqual(result.probabilities, plain(softmax(values)), needle);
    }
  });

  test('a JSON array and a Rust initializer both work', async () => {
    const json = await openEditor('json', '{ "logits": [3.5, -1.25, 0, 2] }');
    putCursor(json, positionOf(json.document, '-1.25'));
    assert.deepStrictEqual((await computeSoftmax())?.probabilities, plain(softmax([3.5, -1.25, 0, 2])));
    const rust = await openEditor('rust', 'let logits: [f64; 3] = [0.3, 0.9, -2.0];\n');
    putCursor(rust, positionOf(rust.document, '0.9'));
    assert.deepStrictEqual((await computeSoftmax())?.probabilities, plain(softmax([0.3, 0.9, -2.0])));
  });

  test('the temperature setting divides the logits first', async () => {
    const editor = await openEditor('python', 'x = [4.0, 2.0, 1.0]\n');
    putCursor(editor, positionOf(editor.document, '2.0'));
    const result = await withSetting('temperature', 2, computeSoftmax);
    assert.deepStrictEqual(result?.probabilities, plain(softmax([4, 2, 1], { temperature: 2 })));
    assert.notDeepStrictEqual(result?.probabilities, plain(softmax([4, 2, 1])));
  });

  test('a selection without numbers warns and returns nothing', async () => {
    const editor = await openEditor('python', 'name = "softmax"\nprint(name)\n');
    select(editor, 'print(name)');
    assert.strictEqual(await computeSoftmax(), undefined);
  });

  test('the cursor outside any array returns nothing', async () => {
    const editor = await openEditor('python', 'x = [1.0, 2.0]\ny = 3\n');
    putCursor(editor, positionOf(editor.document, 'y = 3'));
    assert.strictEqual(await computeSoftmax(), undefined);
  });

  test('all logits −∞ is refused instead of returning NaN', async () => {
    const editor = await openEditor('python', "masked = [float('-inf'), float('-inf'), float('-inf')]\n");
    putCursor(editor, positionOf(editor.document, 'float'));
    assert.strictEqual(await computeSoftmax(), undefined);
  });

  test('NaN and +∞ are refused instead of returning NaN', async () => {
    const editor = await openEditor('python', "a = [0.5, float('nan'), 1.5]\nb = [1.0, math.inf]\n");
    putCursor(editor, positionOf(editor.document, 'nan'));
    assert.strictEqual(await computeSoftmax(), undefined);
    putCursor(editor, positionOf(editor.document, 'math'));
    assert.strictEqual(await computeSoftmax(), undefined);
  });

  test('a −∞ logit is a masked entry with probability 0', async () => {
    const editor = await openEditor('python', "scores = [1.5, -np.inf, 0.5]\n");
    putCursor(editor, positionOf(editor.document, '1.5'));
    const result = await computeSoftmax();
    assert.deepStrictEqual(result?.probabilities, plain(softmax([1.5, -Infinity, 0.5])));
    assert.strictEqual((result?.probabilities as number[])[1], 0);
  });

  test('returns while its notification is still open', async () => {
    const editor = await openEditor('python', 'x = [0.1, 0.2, 0.3]\n');
    putCursor(editor, positionOf(editor.document, '0.2'));
    const answer = computeSoftmax();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
    assert.notStrictEqual(await Promise.race([answer, timeout]), 'timeout');
  });
});

suite('Copy', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('copies the probabilities in the document\'s own syntax', async () => {
    const editor = await openEditor('typescript', 'const logits = [[2, 1], [0, 3]];\n');
    putCursor(editor, positionOf(editor.document, '[0'));
    assert.ok(await computeSoftmax());
    await vscode.commands.executeCommand('softmaxLens.copyResult');
    const rows = softmaxRows([2, 1, 0, 3], [2, 2]);
    assert.strictEqual(await vscode.env.clipboard.readText(), formatArray(rows, [2, 2], 'javascript', 4));
    assert.match(await vscode.env.clipboard.readText(), /^\[\[0\.\d{4}, 0\.\d{4}\],\n \[0\.\d{4}, 0\.\d{4}\]\]$/);
  });

  test('copies and inserts in Go, Rust, C, Julia and R as each writes an array', async () => {
    const documents: [languageId: string, source: string, shape: number[], looks: RegExp][] = [
      ['go', 'logits := []float64{2, 1, 0.1}\n', [3], /^\[\]float64\{0\.\d{4}, 0\.\d{4}, 0\.\d{4}\}$/],
      ['rust', 'let logits = vec![2.0, 1.0, 0.1];\n', [3], /^vec!\[0\.\d{4}, 0\.\d{4}, 0\.\d{4}\]$/],
      ['c', 'double logits[2][2] = {{2, 1}, {0, 3}};\n', [2, 2], /^\{\{0\.\d{4}, 0\.\d{4}\},\n \{0\.\d{4}, 0\.\d{4}\}\}$/],
      ['julia', 'logits = [2 1; 0 3]\n', [2, 2], /^\[0\.\d{4} 0\.\d{4};\n 0\.\d{4} 0\.\d{4}\]$/],
      ['r', 'logits <- c(2, 1, 0.1)\n', [3], /^c\(0\.\d{4}, 0\.\d{4}, 0\.\d{4}\)$/],
    ];
    for (const [languageId, source, shape, looks] of documents) {
      const editor = await openEditor(languageId, source);
      putCursor(editor, positionOf(editor.document, '1'));
      assert.ok(await computeSoftmax(), languageId);
      assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.copyResult'), true, languageId);
      const copied = await vscode.env.clipboard.readText();
      assert.match(copied, looks, languageId);
      const logits = shape.length === 1 ? [2, 1, 0.1] : [2, 1, 0, 3];
      const probabilities = shape.length === 1 ? softmax(logits) : softmaxRows(logits, shape);
      assert.deepStrictEqual(findArrays(copied, languageId).map((a) => a.values.map((p) => p.toFixed(4))), [[...probabilities].map((p) => p.toFixed(4))]);
      assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), true, languageId);
      const comment = languageId === 'julia' || languageId === 'r' ? '#' : '//';
      assert.ok(editor.document.getText().startsWith(`${source}${comment} softmax = ${copied.split('\n')[0]}`), editor.document.getText());
    }
  });
});

suite('Copy Last Result and Insert Last Result Below, from the Command Palette', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  /** A Python document whose softmax at `at` has been computed. */
  async function computedIn(source: string, at: string): Promise<vscode.TextEditor> {
    const editor = await openEditor('python', source);
    putCursor(editor, positionOf(editor.document, at));
    assert.ok(await computeSoftmax());
    return editor;
  }

  test('act on the result computed in the active document, not on the one computed last elsewhere', async () => {
    const first = await computedIn('a = [2.0, 1.0, 0.1]\n', '1.0');
    const second = await computedIn('b = [0.5, 3.0]\n', '3.0');
    await vscode.window.showTextDocument(first.document);
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.copyResult'), true);
    assert.strictEqual(await vscode.env.clipboard.readText(), formatArray(softmax([2.0, 1.0, 0.1]), [3], 'python', 4));
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), true);
    assert.strictEqual(first.document.lineAt(1).text, `# softmax = ${formatArray(softmax([2.0, 1.0, 0.1]), [3], 'python', 4)}`);
    assert.strictEqual(second.document.getText(), 'b = [0.5, 3.0]\n');
  });

  test('do nothing in a document with no result yet, and say so', async () => {
    await computedIn('a = [2.0, 1.0, 0.1]\n', '1.0');
    const other = await openEditor('python', 'c = [4.0, 5.0]\n');
    await vscode.env.clipboard.writeText('left alone');
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.copyResult'), false);
    assert.strictEqual(await vscode.env.clipboard.readText(), 'left alone');
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), false);
    assert.strictEqual(other.document.getText(), 'c = [4.0, 5.0]\n');
  });
});

suite('Insert Below', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  const source = 'import torch\n\n    logits = torch.tensor([2.0, 1.0, 0.1])\nloss = 0\n';

  test('adds the result as a comment under the array in one edit that undo takes back exactly', async () => {
    const editor = await openEditor('python', source);
    putCursor(editor, positionOf(editor.document, '1.0'));
    const result = await computeSoftmax();
    assert.ok(result);
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), true);
    const lines = editor.document.getText().split('\n');
    assert.strictEqual(lines[2], '    logits = torch.tensor([2.0, 1.0, 0.1])');
    const p = softmax([2.0, 1.0, 0.1]);
    assert.strictEqual(lines[3], `    # softmax = [${plain(p).map((x) => x.toFixed(4)).join(', ')}]`);
    assert.strictEqual(lines[4], 'loss = 0');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), source);
  });

  test('refuses when the document changed since the result was computed', async () => {
    const editor = await openEditor('python', source);
    putCursor(editor, positionOf(editor.document, '1.0'));
    assert.ok(await computeSoftmax());
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# edited\n'));
    const changed = editor.document.getText();
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), false);
    assert.strictEqual(editor.document.getText(), changed);
  });

  test('refuses when the document it was computed on closed, though a new one took its name and version', async () => {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `softmax-lens-reopened-${Date.now()}` });
    const openWith = async (content: string) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), content);
      assert.ok(await vscode.workspace.applyEdit(edit));
      return vscode.window.showTextDocument(document);
    };
    const before = await openWith('x = [2.0, 1.0, 0.1]\n');
    putCursor(before, positionOf(before.document, '1.0'));
    assert.ok(await computeSoftmax());
    const version = before.document.version;
    await closeAllEditors();
    const after = await openWith('a completely different text\nwith more lines\n');
    assert.notStrictEqual(after.document, before.document);
    assert.strictEqual(after.document.version, version, 'the new document is at the same version');
    const text = after.document.getText();
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), false);
    assert.strictEqual(after.document.getText(), text);
  });

  test('in JSON, which has no comments, nothing is inserted and the file stays valid', async () => {
    const source = '{ "logits": [2, 1, 0.1] }\n';
    const editor = await openEditor('json', source);
    putCursor(editor, positionOf(editor.document, '1, 0.1'));
    assert.ok(await computeSoftmax());
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), false);
    assert.strictEqual(editor.document.getText(), source);
    assert.deepStrictEqual(JSON.parse(editor.document.getText()), { logits: [2, 1, 0.1] });
  });

  test('in HTML, which has only block comments, the result goes in one', async () => {
    const editor = await openEditor('html', '<pre>logits = [2.0, 1.0, 0.1]</pre>\n');
    putCursor(editor, positionOf(editor.document, '1.0'));
    assert.ok(await computeSoftmax());
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), true);
    const p = plain(softmax([2.0, 1.0, 0.1]));
    assert.strictEqual(editor.document.lineAt(1).text, `<!-- softmax = [${p.map((x) => x.toFixed(4)).join(', ')}] -->`);
  });

  test('a matrix goes in as aligned comment lines, one per row', async () => {
    const editor = await openEditor('python', 'x = [[1.0, 2.0], [3.0, 0.5]]\n');
    putCursor(editor, positionOf(editor.document, '3.0'));
    assert.ok(await computeSoftmax());
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), true);
    const rows = softmaxRows([1, 2, 3, 0.5], [2, 2]);
    const row = (r: number) => `[${plain(rows.subarray(2 * r, 2 * r + 2)).map((p) => p.toFixed(4)).join(', ')}]`;
    assert.deepStrictEqual(editor.document.getText().split('\n').slice(1, 3), [`# softmax = [${row(0)},`, `# ${' '.repeat('softmax = ['.length)}${row(1)}]`]);
  });

  test('uses the language\'s comment syntax and the decimals setting', async () => {
    const editor = await openEditor('javascript', 'const scores = [1, 3, 2];\n');
    putCursor(editor, positionOf(editor.document, '3'));
    await withSetting('decimals', 2, async () => {
      assert.ok(await computeSoftmax());
    });
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.insertResultBelow'), true);
    const p = plain(softmax([1, 3, 2]));
    assert.strictEqual(editor.document.lineAt(1).text, `// softmax = [${p.map((x) => x.toFixed(2)).join(', ')}]`);
  });
});
