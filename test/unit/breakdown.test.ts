// The breakdown is what the hover and walkthrough show: every step must agree with the final numbers.
import * as assert from 'assert';
import { argmax, breakdown, breakdownRows, entropy, logSoftmax, logSumExp, softmax, softmaxRows } from '../../src/core';
import { loadFixture, logitsOf, ulp, ulpError } from './softmaxFixtures';

describe('breakdown of one vector', () => {
  const f = loadFixture('worked-example');
  const x = logitsOf(f);
  const b = breakdown(x);

  it('keeps the logits as given and scales them by the temperature', () => {
    assert.deepStrictEqual(b.logits, x);
    assert.deepStrictEqual(b.scaled, x);
    const hot = breakdown([3, 1.5], { temperature: 1.5 });
    assert.strictEqual(hot.temperature, 1.5);
    assert.deepStrictEqual(hot.scaled, Float64Array.of(2, 1));
  });

  it('shifts by the maximum so the largest shifted logit is 0', () => {
    assert.strictEqual(b.max, Math.max(...x));
    assert.deepStrictEqual(b.shifted, x.map((v) => v - b.max));
    assert.strictEqual(b.shifted[b.argmax], 0);
  });

  it('shows exp terms that sum to S and divide to the probabilities', () => {
    assert.strictEqual(b.exps[b.argmax], 1);
    for (let i = 0; i < x.length; i++) {
      assert.ok(Math.abs(b.exps[i] - Math.exp(b.shifted[i])) <= 2 * ulp(b.exps[i]));
      assert.strictEqual(b.probabilities[i], b.exps[i] / b.sum);
    }
    assert.ok(Math.abs(b.sum - (b.exps[0] + b.exps[1] + b.exps[2])) <= ulp(b.sum));
  });

  it('gives the reference probabilities and log-probabilities', () => {
    for (const [i, pNear, pOff, lNear, lOff] of f.samples) {
      assert.ok(Math.abs(ulpError(b.probabilities[i], pNear, pOff)) <= 3);
      assert.ok(Math.abs(ulpError(b.logProbabilities[i], lNear, lOff)) <= 6);
    }
    assert.ok(Math.abs(ulpError(b.logSumExp, f.logSumExp[0], f.logSumExp[1])) <= 4);
  });

  it('agrees with softmax, logSoftmax, logSumExp, argmax and entropy called on their own', () => {
    for (const options of [undefined, { temperature: 0.3 }, { temperature: 4 }]) {
      const y = [3, -Infinity, 0.5, 3, -2];
      const c = breakdown(y, options);
      assert.deepStrictEqual(c.probabilities, softmax(y, options));
      assert.deepStrictEqual(c.logProbabilities, logSoftmax(y, options));
      assert.strictEqual(c.logSumExp, logSumExp(y, options));
      assert.strictEqual(c.argmax, argmax(c.probabilities));
      const h = entropy(y, options);
      assert.strictEqual(c.entropyNats, h.nats);
      assert.strictEqual(c.entropyBits, h.bits);
    }
  });

  it('shows a masked logit as a 0 exp term and 0 probability', () => {
    const c = breakdown([1, -Infinity]);
    assert.strictEqual(c.shifted[1], -Infinity);
    assert.strictEqual(c.exps[1], 0);
    assert.strictEqual(c.probabilities[1], 0);
    assert.strictEqual(c.logProbabilities[1], -Infinity);
  });
});

describe('breakdown of a matrix', () => {
  it('gives one breakdown per row, matching softmaxRows', () => {
    const v = [1, 2, 3, 0, 0, -Infinity];
    const rows = breakdownRows(v, [2, 3], { temperature: 2 });
    const p = softmaxRows(v, [2, 3], { temperature: 2 });
    assert.strictEqual(rows.length, 2);
    rows.forEach((r, k) => assert.deepStrictEqual(r.probabilities, p.subarray(3 * k, 3 * k + 3)));
    assert.deepStrictEqual(rows[1].logits, Float64Array.of(0, 0, -Infinity));
  });

  it('names the row of a bad logit', () => {
    assert.throws(() => breakdownRows([1, 2, NaN, 4], [2, 2]), /Logit 0 in row 1 is NaN/);
  });
});
