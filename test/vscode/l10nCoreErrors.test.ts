import * as assert from 'assert';
import * as vscode from 'vscode';
import { crossEntropy, meanCrossEntropy, requireWholeArray, softmax, softmaxRows, SoftmaxInputError } from '../../src/core';
import { errorText, localizedCoreMessage } from '../../src/l10n/coreErrors';

/** One input per message the core can give, vector and matrix forms of each. */
const badInputs: [string, () => unknown][] = [
  ['temperature 0', () => softmax([1, 2], { temperature: 0 })],
  ['NaN logit', () => softmax([1, NaN])],
  ['NaN logit in a row', () => softmaxRows([1, 2, NaN, 3], [2, 2])],
  ['+∞ logit', () => softmax([Infinity, 1])],
  ['+∞ logit in a row', () => softmaxRows([1, 2, 3, Infinity], [2, 2])],
  ['overflow after dividing by T', () => softmax([1e308, 0], { temperature: 1e-10 })],
  ['overflow in a row', () => softmaxRows([0, 0, 1e308, 0], [2, 2], { temperature: 1e-10 })],
  ['no numbers', () => softmax([])],
  ['the only logit −∞', () => softmax([-Infinity])],
  ['all logits −∞', () => softmax([-Infinity, -Infinity, -Infinity])],
  ['a shape without axes', () => softmaxRows([], [])],
  ['a fractional axis', () => softmaxRows([1, 2, 3], [1.5, 2])],
  ['too few values for the shape', () => softmaxRows([1, 2, 3], [2, 2])],
  ['empty rows', () => softmaxRows([], [3, 0])],
  ['target class out of range', () => crossEntropy([1, 2], 5)],
  ['target class of a row out of range', () => meanCrossEntropy([1, 2, 3, 4], [2, 2], [0, 7])],
  ['one target for two rows', () => meanCrossEntropy([1, 2, 3, 4], [2, 2], [0])],
  ['an elided print', () => requireWholeArray({ start: 0, end: 10, shape: [0], values: [], elided: { shown: 6 } })],
];

function thrown(run: () => unknown): SoftmaxInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof SoftmaxInputError) return error;
    throw error;
  }
  throw new Error('no SoftmaxInputError was thrown');
}

suite('core error messages reach the user through vscode.l10n', () => {
  test('in English every message the core gives is recognized and shown word for word', function () {
    if (!vscode.env.language.startsWith('en')) this.skip();
    const distinct = new Set<string>();
    for (const [what, run] of badInputs) {
      const { message } = thrown(run);
      distinct.add(message);
      assert.strictEqual(localizedCoreMessage(message), message, `${what}: no translation template matches ${JSON.stringify(message)}`);
      assert.strictEqual(errorText(thrown(run)), message);
    }
    assert.strictEqual(distinct.size, badInputs.length, 'two bad inputs gave the same message; the cases do not cover every template');
  });

  test('errors that are not the core’s pass through unchanged', () => {
    assert.strictEqual(localizedCoreMessage('Something else went wrong.'), undefined);
    assert.strictEqual(errorText(new Error('Something else went wrong.')), 'Something else went wrong.');
  });
});
