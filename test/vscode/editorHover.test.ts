import * as assert from 'assert';
import * as vscode from 'vscode';
import { argmax, entropy, formatNumber, formatProbability, logSumExp, softmax, softmaxRows, topK } from '../../src/core';
import {
  activateExtension,
  closeAllEditors,
  logits,
  openEditor,
  positionOf,
  softmaxHover,
  softmaxLenses,
  withSetting,
} from './editorSupport';

/** The table rows of a hover: [index cell, logit, probability]. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => /^\| (\*\*)?\d/.test(line))
    .map((line) => line.split('|').slice(1, 4).map((cell) => cell.trim()));
}

suite('Hover over an array', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('shows every probability with its logit and marks the argmax', async () => {
    const values = [0.3, 2.5, -1.0, 1.25];
    const { document } = await openEditor('python', `scores = np.array([${values.join(', ')}])\nother = 1\n`);
    const hover = await softmaxHover(document.uri, positionOf(document, '-1'));
    assert.ok(hover, 'no hover inside the array');
    const p = softmax(values);
    const best = argmax(p);
    assert.deepStrictEqual(
      tableRows(hover.text),
      values.map((x, i) => [i === best ? `**${i}** ★` : String(i), formatNumber(x), i === best ? `**${formatProbability(p[i], 4)}**` : formatProbability(p[i], 4)]),
    );
    assert.ok(hover.text.includes(`logsumexp ${formatNumber(logSumExp(values))}`), hover.text);
    assert.ok(hover.text.includes(`entropy ${formatNumber(entropy(values).nats, 4)} nats`), hover.text);
    assert.ok(/[█▏▎▍▌▋▊▉]/.test(hover.text), 'no bar in the table');
  });

  test('names every column of the table and puts each row\'s numbers before its bar, for the Accessible View', async () => {
    const { document } = await openEditor('python', 'scores = [0.3, 2.5, -1.0]\n');
    const hover = await softmaxHover(document.uri, positionOf(document, '2.5'));
    assert.ok(hover);
    const lines = hover.text.split('\n');
    const header = lines.findIndex((line) => line.startsWith('| #'));
    const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
    const names = cells(lines[header]);
    assert.strictEqual(names.length, 4, lines[header]);
    for (const name of names) assert.notStrictEqual(name, '', `a column without a header: ${lines[header]}`);
    for (const row of lines.slice(header + 2, header + 5)) {
      const [index, logit, p, bar] = cells(row);
      assert.match(`${index} ${logit} ${p}`, /^(\*\*)?\d/, row);
      assert.match(bar, /^`[█▏▎▍▌▋▊▉ ]+`$/, row);
    }
  });

  test('covers the array from bracket to bracket and nothing outside it', async () => {
    const source = 'x = [1.0, 2.0, 3.0]  # logits\n';
    const { document } = await openEditor('python', source);
    const hover = await softmaxHover(document.uri, positionOf(document, '['));
    assert.ok(hover);
    assert.deepStrictEqual(hover.hover.range, new vscode.Range(0, 4, 0, 19));
    assert.strictEqual(await softmaxHover(document.uri, positionOf(document, 'logits')), undefined);
  });

  test('links to the walkthrough of that array and trusts no other command', async () => {
    const source = 'a = [1, 2]\nb = [5, 6, 7]\n';
    const { document } = await openEditor('python', source);
    const hover = await softmaxHover(document.uri, positionOf(document, '6'));
    assert.ok(hover);
    const args = encodeURIComponent(JSON.stringify([{ uri: document.uri.toString(), start: source.indexOf('[5') }]));
    assert.ok(hover.text.includes(`(command:softmaxLens.showWalkthrough?${args}`), hover.text);
    const markdown = hover.hover.contents.find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    assert.ok(markdown);
    assert.deepStrictEqual(markdown.isTrusted, { enabledCommands: ['softmaxLens.showWalkthrough'] });
  });

  test('a printed probability vector that does not sum to 1 is called out', async () => {
    // At two decimals 0.70 + 0.20 + 0.20 may differ from 1 by 0.015 through rounding, not by 0.1.
    const { document } = await openEditor('markdown', 'The tutorial prints `[0.70, 0.20, 0.20]` as its softmax.\n');
    const hover = await softmaxHover(document.uri, positionOf(document, '0.20'));
    assert.ok(hover);
    assert.match(hover.text, /⚠ They sum to 1\.1, but 2 decimals allow only 1 ± 0\.015/);
  });

  test('a printed probability vector that sums to 1 is confirmed', async () => {
    const p = softmax([2.0, 1.0, 0.1]);
    const { document } = await openEditor('python', `probs = [${Array.from(p).join(', ')}]\n`);
    const hover = await softmaxHover(document.uri, positionOf(document, 'probs = [', 10));
    assert.ok(hover);
    assert.match(hover.text, /✓ They sum to 1 as far as their printing tells/);
  });

  test('logits outside [0, 1] get no probability check', async () => {
    const { document } = await openEditor('python', 'x = [2.0, 1.0, 0.1]\n');
    const hover = await softmaxHover(document.uri, positionOf(document, '1.0'));
    assert.ok(hover);
    assert.doesNotMatch(hover.text, /look like probabilities/);
  });

  test('a matrix shows one line per row with its largest probability', async () => {
    const { document } = await openEditor('javascript', 'const batch = [[1, 2, 3], [3, 2, 1], [0, 0, 0]];\n');
    const hover = await softmaxHover(document.uri, positionOf(document, '[3, 2'));
    assert.ok(hover);
    const rows = softmaxRows([1, 2, 3, 3, 2, 1, 0, 0, 0], [3, 3]);
    for (let r = 0; r < 3; r++) {
      const row = rows.subarray(r * 3, r * 3 + 3);
      const line = `row ${r}: [${Array.from(row, (x) => formatProbability(x, 4)).join(', ')}] · max ${formatProbability(row[argmax(row)], 4)} @ ${argmax(row)}`;
      assert.ok(hover.text.includes(line), `missing "${line}" in\n${hover.text}`);
    }
  });

  test('the hover can be turned off', async () => {
    const { document } = await openEditor('python', 'x = [1.0, 2.0]\n');
    await withSetting('hover.enabled', false, async () => {
      assert.strictEqual(await softmaxHover(document.uri, positionOf(document, '2.0')), undefined);
    });
    assert.ok(await softmaxHover(document.uri, positionOf(document, '2.0')));
  });
});

suite('A document holding one 200 000-number array', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  const values = logits(200_000, 7);
  // Ten numbers a line, as numpy prints long arrays.
  const lines: string[] = [];
  for (let i = 0; i < values.length; i += 10) lines.push(values.slice(i, i + 10).join(', '));
  const source = `logits = [\n${lines.join(',\n')}\n]\n`;

  test('hover shows the top 10 under 20 KB, and says how many more there are', async () => {
    const { document } = await openEditor('python', source);
    const hover = await softmaxHover(document.uri, positionOf(document, ',', 0, 123_456));
    assert.ok(hover, 'no hover');
    assert.ok(hover.text.length < 20_000, `${hover.text.length} characters`);
    const p = softmax(values);
    assert.deepStrictEqual(
      tableRows(hover.text).map((row) => Number(row[0].replace(/\D/g, ''))),
      topK(p, 10),
    );
    assert.match(hover.text, /… and 199[\u202f\u2009 ]?990 more/);
  });

  test('a 1 000 × 200 matrix hovers as 20 row lines under 20 KB', async () => {
    const rows = Array.from({ length: 1000 }, (_, r) => logits(200, r + 11));
    const { document } = await openEditor('json', `{"batch": [\n${rows.map((r) => `  [${r.join(', ')}]`).join(',\n')}\n]}\n`);
    const hover = await softmaxHover(document.uri, positionOf(document, '[', 0, 500));
    assert.ok(hover);
    assert.ok(hover.text.length < 20_000, `${hover.text.length} characters`);
    assert.strictEqual(hover.text.split('\n').filter((l) => l.startsWith('- row ')).length, 20);
    assert.match(hover.text, /… and 980 more rows/);
    assert.match(hover.text, /each row \(1000×200\)/);
  });

  test('the lens answers with the argmax of all 200 000', async () => {
    const { document } = await openEditor('python', source);
    const lenses = await softmaxLenses(document.uri);
    assert.strictEqual(lenses.length, 1);
    const p = softmax(values);
    assert.match(lenses[0].command?.title ?? '', new RegExp(`· max ${formatNumber(p[argmax(p)], 3).replace('.', '\\.')} @ ${argmax(p)}$`));
  });

  test('above softmaxLens.maxFileSize the lenses go quiet but hover and the command still work', async () => {
    await withSetting('maxFileSize', 0.5, async () => {
      const editor = await openEditor('python', source);
      assert.deepStrictEqual(await softmaxLenses(editor.document.uri), []);
      const position = positionOf(editor.document, ',', 0, 150_000);
      assert.ok(await softmaxHover(editor.document.uri, position), 'no hover in the large document');
      editor.selection = new vscode.Selection(position, position);
      const result = await vscode.commands.executeCommand<{ probabilities: number[] }>('softmaxLens.computeSoftmax');
      assert.strictEqual(result?.probabilities.length, 200_000);
      assert.deepStrictEqual(result.probabilities, Array.from(softmax(values)));
    });
  });
});

suite('Documents above softmaxLens.maxFileSize', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  const computeAt = async (editor: vscode.TextEditor, position: vscode.Position) => {
    editor.selection = new vscode.Selection(position, position);
    return vscode.commands.executeCommand<{ values: number[] | number[][]; probabilities: number[] | number[][] } | undefined>(
      'softmaxLens.computeSoftmax',
    );
  };

  test('hover and the command find the small array under the cursor among 20 000', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => logits(3, i + 1));
    const source = rows.map((r, i) => `row_${i} = [${r.join(', ')}]  # sample ${i}`).join('\n');
    await withSetting('maxFileSize', 0.1, async () => {
      const editor = await openEditor('python', source);
      assert.deepStrictEqual(await softmaxLenses(editor.document.uri), []);
      const position = positionOf(editor.document, 'row_15000 = [', 14);
      const hover = await softmaxHover(editor.document.uri, position);
      assert.ok(hover);
      assert.ok(hover.text.includes(formatNumber(rows[15_000][1])), hover.text);
      const result = await computeAt(editor, position);
      assert.deepStrictEqual(result?.values, rows[15_000]);
      assert.deepStrictEqual(result?.probabilities, Array.from(softmax(rows[15_000])));
      assert.strictEqual(await computeAt(editor, positionOf(editor.document, '# sample 15000')), undefined);
    });
  });

  test('a cursor deep inside a long matrix gets the whole matrix, not the row it sits on', async () => {
    const filler = Array.from({ length: 5000 }, (_, i) => `# log line ${i}: nothing to see here`).join('\n');
    const matrix = Array.from({ length: 5000 }, (_, i) => logits(4, i + 3));
    const source = `${filler}\nbatch = [\n${matrix.map((r) => `  [${r.join(', ')}]`).join(',\n')}\n]\n${filler}\n`;
    await withSetting('maxFileSize', 0.1, async () => {
      const editor = await openEditor('python', source);
      const result = await computeAt(editor, positionOf(editor.document, `[${matrix[4000].join(', ')}]`, 2));
      assert.ok(result);
      assert.deepStrictEqual(result.values, matrix);
      const flat = softmaxRows(matrix.flat(), [5000, 4]);
      assert.deepStrictEqual(result.probabilities[4000], Array.from(flat.subarray(16_000, 16_004)));
    });
  });
});
