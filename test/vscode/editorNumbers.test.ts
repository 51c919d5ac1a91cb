// What the lens, the hover, the notification and Copy write for probabilities that round to 0 or 1: never 1 for a
// probability below 1, never 0 for one above 0, and 0 exactly for a masked logit. The expected digits are those of
// the exact values, from Python's decimal at 50 digits: softmax([0, 10.2, −1000]) = [3.71689371…e-5, 0.999962831…,
// 1.88667996…e-439]; softmax([0.6, 0.4]) = [0.549833997…, 0.450166002…].
import * as assert from 'assert';
import * as vscode from 'vscode';
import { findArrays } from '../../src/core';
import { softmaxOfArraySoon } from '../../src/editor/arraySoftmax';
import { notificationMessage } from '../../src/editor/summaries';
import { activateExtension, closeAllEditors, openEditor, positionOf, softmaxHover, softmaxLenses } from './editorSupport';

suite('probabilities that round to 0 or 1', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('the lens of [0, 10.2, −1000] shows 0.99996 and 1.9e-439, not 1 and 0', async () => {
    const editor = await openEditor('python', 'x = [0, 10.2, -1000]\n');
    const [lens] = await softmaxLenses(editor.document.uri);
    assert.strictEqual(lens?.command?.title, 'softmax → [3.72e-5, 0.99996, 1.9e-439] · max 0.99996 @ 1');
  });

  test('the hover tells the masked entry (0) from the one too small for a double (1.9e-439)', async () => {
    const editor = await openEditor('python', "scores = [0, 10.2, -1000, float('-inf')]\n");
    const hover = await softmaxHover(editor.document.uri, positionOf(editor.document, '10.2'));
    assert.ok(hover);
    assert.match(hover.text, /\| \*\*1\*\* ★ \| 10\.2 \| \*\*0\.99996\*\* \|/);
    assert.match(hover.text, /\| 2 \| -1000 \| 1\.9e-439 \|/);
    assert.match(hover.text, /\| 3 \| −∞ \| 0 \|/);
  });

  test('Copy writes numbers the document reads, with the digits that keep them off 0 and 1', async () => {
    const editor = await openEditor('python', "scores = [0, 10.2, -1000, float('-inf')]\n");
    editor.selection = new vscode.Selection(positionOf(editor.document, '10.2'), positionOf(editor.document, '10.2'));
    assert.ok(await vscode.commands.executeCommand('softmaxLens.computeSoftmax'));
    await vscode.commands.executeCommand('softmaxLens.copyResult');
    const copied = await vscode.env.clipboard.readText();
    assert.strictEqual(copied, '[3.7e-5, 0.99996, 1.9e-439, 0]');
    assert.strictEqual(findArrays(copied, 'python')[0]?.values.length, 4, 'the copy reads back as a Python list of four numbers');
  });

  test('at 0 decimals the notification shows [0.6, 0.4] as 0.5 and 0.5 and [0.5, 0.5] as 0.5 and 0.5, not 1 and 0', async () => {
    for (const text of ['[0.6, 0.4]', '[0.5, 0.5]']) {
      const [array] = findArrays(text, 'python');
      const result = await softmaxOfArraySoon(array, 1);
      assert.ok(result);
      assert.strictEqual(notificationMessage(result, 0), 'softmax → [0.5, 0.5]', text);
    }
  });
});
