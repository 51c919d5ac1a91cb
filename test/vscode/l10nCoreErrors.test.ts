import * as assert from 'assert';
import * as vscode from 'vscode';
import { breakdown, crossEntropy, describeError, errorTemplates, lab, meanCrossEntropy, requireWholeArray, softmax, softmaxRows, type ErrorCode } from '../../src/core';
import { errorText } from '../../src/l10n/coreErrors';
import { thrown } from '../harness/thrown';

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
  ['top-k not a whole number', () => lab.checkSamplingOptions({ topK: 1.5 })],
  ['top-p above 1', () => lab.checkSamplingOptions({ topP: 2 })],
  ['min-p below 0', () => lab.checkSamplingOptions({ minP: -1 })],
  ['comparing distributions of different lengths', () => lab.compare(breakdown([1, 2]), breakdown([1, 2, 3]))],
  ['an attention dimension of 0', () => lab.attentionScale(0)],
  ['a row the scores do not have', () => lab.maskedScores([1, 2, 3, 4], [2, 2], 5, false)],
  ['an elided print', () => requireWholeArray({ start: 0, end: 10, shape: [0], values: [], elided: { shown: 6 } })],
];


suite('core error messages reach the user through vscode.l10n', () => {
  test('in English every message the core gives is worded from its code and shown word for word', function () {
    if (!vscode.env.language.startsWith('en')) this.skip();
    const distinct = new Set<string>();
    const codes = new Set<ErrorCode>();
    for (const [what, run] of badInputs) {
      const error = thrown(run);
      distinct.add(error.message);
      codes.add(error.code);
      assert.strictEqual(describeError(error), error.message, `${what}: the code ${error.code} does not word ${JSON.stringify(error.message)}`);
      assert.strictEqual(errorText(error), error.message);
    }
    assert.strictEqual(distinct.size, badInputs.length, 'two bad inputs gave the same message; the cases do not cover every template');
    assert.deepStrictEqual(Object.keys(errorTemplates).filter((c) => !codes.has(c as ErrorCode)), [], 'codes no bad input here produces');
  });

  test('errors that are not the core’s pass through unchanged', () => {
    assert.strictEqual(errorText(new Error('Something else went wrong.')), 'Something else went wrong.');
  });
});
