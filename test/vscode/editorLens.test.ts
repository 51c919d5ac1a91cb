import * as assert from 'assert';
import * as vscode from 'vscode';
import { argmax, formatNumber, softmax, softmaxRows } from '../../src/core';
import { maxLenses } from '../../src/editor/codeLens';
import { activateExtension, closeAllEditors, logits, openEditor, softmaxLenses, withSetting } from './editorSupport';

/** The lens title a person should read for a short vector, from the core's numbers and formatter. */
function expectedTitle(values: number[], temperature = 1): string {
  const p = softmax(values, { temperature });
  const best = argmax(p);
  const label = temperature === 1 ? 'softmax' : `softmax (T = ${formatNumber(temperature)})`;
  return `${label} → [${Array.from(p, (x) => formatNumber(x, 3)).join(', ')}] · max ${formatNumber(p[best], 3)} @ ${best}`;
}

suite('CodeLens above every array', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('each array in a Python file gets a lens on its first line with its softmax', async () => {
    const source = ['import numpy as np', '', 'a = np.array([2.0, 1.0, 0.1])', 'b = [0.5,', '     -1.5, 3.0]', 'c = a[0]', ''].join('\n');
    const { document } = await openEditor('python', source);
    const lenses = await softmaxLenses(document.uri);
    assert.deepStrictEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [2, expectedTitle([2.0, 1.0, 0.1])],
        [3, expectedTitle([0.5, -1.5, 3.0])],
      ],
    );
  });

  test('the worked example reads softmax → [0.659, 0.242, 0.0986] · max 0.659 @ 0', async () => {
    const { document } = await openEditor('python', 'x = [2.0, 1.0, 0.1]\n');
    const [lens] = await softmaxLenses(document.uri);
    // Three significant digits of the exact values (60-digit reference in the command suite).
    assert.match(lens.command?.title ?? '', /^softmax → \[0\.659, 0\.242, 0\.0986\] · max 0\.659 @ 0$/);
  });

  test('clicking a lens opens the walkthrough on that array', async () => {
    const source = 'first = [1, 2]\nsecond = [3, 4, 5]\n';
    const { document } = await openEditor('python', source);
    const lenses = await softmaxLenses(document.uri);
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.arguments),
      [[{ uri: document.uri.toString(), start: source.indexOf('[1') }], [{ uri: document.uri.toString(), start: source.indexOf('[3') }]],
    );
  });

  test('a matrix says softmax per row with its shape and each row\'s argmax', async () => {
    const { document } = await openEditor('json', '{"logits": [[1, 2, 3], [9, 0, -1]]}');
    const [lens] = await softmaxLenses(document.uri);
    const rows = softmaxRows([1, 2, 3, 9, 0, -1], [2, 3]);
    assert.strictEqual(lens.command?.title, `softmax per row (2×3) · argmax [${argmax(rows.subarray(0, 3))}, ${argmax(rows.subarray(3))}]`);
  });

  test('a long array is shortened with … and still names its argmax', async () => {
    const values = logits(50);
    const { document } = await openEditor('julia', `x = [${values.join(', ')}]\n`);
    const [lens] = await softmaxLenses(document.uri);
    const p = softmax(values);
    const best = argmax(p);
    const head = Array.from(p.subarray(0, 4), (x) => formatNumber(x, 3)).join(', ');
    assert.strictEqual(lens.command?.title, `softmax → [${head}, …] · max ${formatNumber(p[best], 3)} @ ${best}`);
  });

  test('works in Go, R and Markdown too', async () => {
    const cases: [string, string, number[]][] = [
      ['go', 'var w = []float64{0.25, 0.5, 1.5}\n', [0.25, 0.5, 1.5]],
      ['r', 'x <- c(1, 2, 4)\n', [1, 2, 4]],
      ['markdown', 'The model printed `[2.5, 0.7, -1.2]` after one step.\n', [2.5, 0.7, -1.2]],
    ];
    for (const [language, source, values] of cases) {
      const { document } = await openEditor(language, source);
      const titles = (await softmaxLenses(document.uri)).map((l) => l.command?.title);
      assert.deepStrictEqual(titles, [expectedTitle(values)], language);
    }
  });

  test('turning softmaxLens.codeLens.enabled off removes the lenses, and on brings them back', async () => {
    const { document } = await openEditor('python', 'x = [1.0, 2.0]\n');
    assert.strictEqual((await softmaxLenses(document.uri)).length, 1);
    await withSetting('codeLens.enabled', false, async () => {
      assert.strictEqual((await softmaxLenses(document.uri)).length, 0);
    });
    assert.strictEqual((await softmaxLenses(document.uri)).length, 1);
  });

  test('changing the temperature changes the lens at once', async () => {
    const { document } = await openEditor('python', 'x = [3.0, 1.0, 0.2]\n');
    await withSetting('temperature', 0.5, async () => {
      const [lens] = await softmaxLenses(document.uri);
      assert.strictEqual(lens.command?.title, expectedTitle([3.0, 1.0, 0.2], 0.5));
    });
    const [lens] = await softmaxLenses(document.uri);
    assert.strictEqual(lens.command?.title, expectedTitle([3.0, 1.0, 0.2]));
  });

  test('the lens follows edits to the array', async () => {
    const editor = await openEditor('python', 'x = [1.0, 2.0]\n');
    await editor.edit((e) => e.replace(new vscode.Range(0, 5, 0, 8), '5.0'));
    const [lens] = await softmaxLenses(editor.document.uri);
    assert.strictEqual(lens.command?.title, expectedTitle([5.0, 2.0]));
  });

  test('an array softmax cannot take says why in its lens, naming the entry', async () => {
    const { document } = await openEditor('python', "m = [float('-inf'), float('-inf')]\nn = [0.5, float('nan'), 1.5]\n");
    const titles = (await softmaxLenses(document.uri)).map((l) => l.command?.title ?? '');
    assert.strictEqual(titles.length, 2);
    assert.match(titles[0], /^softmax: .*−∞.*masked/);
    assert.match(titles[1], /^softmax: .*\b1\b.*NaN/);
  });

  test('a document with more arrays than the cap gets lenses on the first ones, resolved as they are shown', async () => {
    const source = Array.from({ length: maxLenses + 1000 }, (_, i) => `v${i} = [${i % 7}, 1, 2]`).join('\n');
    const { document } = await openEditor('python', source);
    // Without a resolve count VS Code returns every lens as provided, unresolved.
    const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.strictEqual(all.length, maxLenses);
    assert.strictEqual(all[maxLenses - 1].range.start.line, maxLenses - 1);
    const resolved = await softmaxLenses(document.uri, 3);
    assert.deepStrictEqual(
      resolved.map((l) => l.command?.title),
      [0, 1, 2].map((i) => expectedTitle([i, 1, 2])),
    );
  });

  test('a cell of a notebook gets lenses too', async function () {
    const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'logits = [0.0, 1.0, 2.0]\n', 'python');
    let notebook: vscode.NotebookDocument;
    try {
      notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', new vscode.NotebookData([cell]));
    } catch {
      // The built-in ipynb extension provides this notebook type; without it there is nothing to test.
      this.skip();
    }
    await vscode.window.showNotebookDocument(notebook);
    const document = notebook.cellAt(0).document;
    assert.strictEqual(document.uri.scheme, 'vscode-notebook-cell');
    const titles = (await softmaxLenses(document.uri)).map((l) => l.command?.title);
    assert.deepStrictEqual(titles, [expectedTitle([0.0, 1.0, 2.0])]);
  });
});
