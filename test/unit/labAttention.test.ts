// Attention's softmax: scores / √d, a causal mask above the diagonal, softmax per row, against an exact reference.
import * as assert from 'assert';
import { breakdown, lab, runSteps, SoftmaxInputError } from '../../src/core';
import { labFixtures, numbers, ulpsFrom, type AttentionFixture } from './labFixtures';

const fixtures = labFixtures<AttentionFixture>('attention');

describe('lab: attention weights', () => {
  for (const f of fixtures) {
    it(`${f.name}: every weight within 3 ulps, masked ones exactly 0`, () => {
      const scores = numbers(f.scores);
      const w = lab.attentionWeights(scores, f.shape, { d: f.d, causal: f.causal });
      f.weights.forEach((exact, k) => {
        assert.ok(ulpsFrom(w[k], exact) <= 3, `w[${Math.floor(k / f.shape[1])}][${k % f.shape[1]}] = ${w[k]}, exact ${exact[0]}`);
        if (f.causal && k % f.shape[1] > Math.floor(k / f.shape[1])) assert.strictEqual(w[k], 0);
      });
    });
    it(`${f.name}: each row's walkthrough gives the same weights, bit for bit`, () => {
      const scores = numbers(f.scores);
      const w = lab.attentionWeights(scores, f.shape, { d: f.d, causal: f.causal });
      for (let r = 0; r < f.shape[0]; r++) {
        const b = runSteps(lab.attentionRowSteps(scores, f.shape, r, { d: f.d, causal: f.causal }));
        assert.deepStrictEqual(b.probabilities, w.subarray(r * f.shape[1], (r + 1) * f.shape[1]), `row ${r}`);
      }
    });
  }

  it('the first row of a causal mask has one entry, with weight exactly 1', () => {
    const w = lab.attentionWeights([5, 9, -2, 1, 1, 1, 0, 0, 0], [3, 3], { d: 16, causal: true });
    assert.deepStrictEqual(Array.from(w.subarray(0, 3)), [1, 0, 0]);
  });

  it('dividing by √d is softmax at the temperature √d', () => {
    const scores = [0.5, 1.5, 2.5, 1, 0, -1];
    const w = lab.attentionWeights(scores, [2, 3], { d: 64, causal: false });
    assert.deepStrictEqual(w.subarray(3, 6), breakdown([1, 0, -1], { temperature: 8 }).probabilities);
  });

  it('a row the mask and the scores hide entirely says every entry is masked', () => {
    assert.throws(
      () => lab.attentionWeights([-Infinity, 1, 2, 3], [2, 2], { d: 1, causal: true }),
      (e: unknown) => e instanceof SoftmaxInputError && /−∞/.test(e.message),
    );
  });

  it('takes only a whole number d ≥ 1', () => {
    for (const d of [0, -4, 2.5, NaN, Infinity]) {
      assert.throws(() => lab.attentionWeights([1, 2, 3, 4], [2, 2], { d, causal: false }), (e: unknown) => e instanceof SoftmaxInputError && /whole number from 1/.test(e.message));
    }
  });

  it('names the row of a bad score', () => {
    assert.throws(() => runSteps(lab.attentionRowSteps([1, 2, NaN, 4], [2, 2], 1, { d: 1, causal: false })), /Logit 0 in row 1 is NaN/);
  });
});
