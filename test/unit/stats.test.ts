// argmax, top-k, entropy, cross-entropy and perplexity: the numbers beside the probabilities.
import * as assert from 'assert';
import fc from 'fast-check';
import {
  SoftmaxInputError,
  argmax,
  crossEntropy,
  entropy,
  logSoftmax,
  meanCrossEntropy,
  softmax,
  topK,
} from '../../src/core';
import { perplexity, rowSums } from '../../src/core/stats';
import { loadFixture, logitsOf, ulp, ulpError } from './softmaxFixtures';

describe('argmax', () => {
  it('picks the first index of the maximum', () => assert.strictEqual(argmax([1, 5, 2, 5]), 1));
  it('is −1 for an empty array', () => assert.strictEqual(argmax([]), -1));
  it('never picks NaN', () => assert.strictEqual(argmax([NaN, 1, NaN, 0]), 1));
  it('finds a masked-only array at its first entry', () => assert.strictEqual(argmax([-Infinity, -Infinity]), 0));
});

describe('rowSums', () => {
  it('sums ten printed 0.1s to exactly 1, where a plain loop says 0.9999999999999999', () => {
    const tenths = Array.from({ length: 10 }, () => 0.1);
    let plain = 0;
    for (const v of tenths) plain += v;
    assert.notStrictEqual(plain, 1);
    // Exactly, ten times the double 0.1 is 1 + 5.55e-17, whose nearest double is 1.
    assert.deepStrictEqual(Array.from(rowSums(tenths, [10])), [1]);
  });
  it('sums each row of a matrix on its own', () => {
    assert.deepStrictEqual(Array.from(rowSums([0.25, 0.75, 0.5, 0.25], [2, 2])), [1, 0.75]);
  });
});

describe('topK', () => {
  it('lists indices largest first, ties by the lower index', () => {
    assert.deepStrictEqual(topK([0.1, 0.3, 0.3, 0.2, 0.05], 4), [1, 2, 3, 0]);
  });
  it('clamps k to the array length and to zero', () => {
    assert.deepStrictEqual(topK([1, 2], 5), [1, 0]);
    assert.deepStrictEqual(topK([1, 2], 0), []);
    assert.deepStrictEqual(topK([1, 2], -3), []);
    assert.deepStrictEqual(topK([1, 2, 3], NaN), []);
    assert.deepStrictEqual(topK([1, 2, 3], Infinity), [2, 1, 0]);
    assert.deepStrictEqual(topK([1, 2, 3], 1.9), [2]);
  });
  it('ranks NaN last', () => assert.deepStrictEqual(topK([NaN, 1, 2], 3), [2, 1, 0]));
  it('agrees with a full sort for any k, small or large', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 300 }), fc.nat(310), (x, k) => {
        const sorted = x.map((_, i) => i).sort((i, j) => x[j] - x[i] || i - j);
        assert.deepStrictEqual(topK(x, k), sorted.slice(0, k));
      }),
    );
  });
});

describe('entropy', () => {
  it('is log n nats and log2 n bits for equal logits', () => {
    for (const n of [1, 2, 7, 1000]) {
      const h = entropy(new Array<number>(n).fill(3.25));
      assert.ok(Math.abs(h.nats - Math.log(n)) <= 2 * ulp(Math.log(n)) + 1e-300);
      assert.ok(Math.abs(h.bits - Math.log2(n)) <= 4 * ulp(Math.log2(n)) + 1e-300);
    }
  });
  it('ignores masked entries: [0, 0, −∞] has the entropy of a fair coin', () => {
    assert.ok(Math.abs(entropy([0, 0, -Infinity]).bits - 1) <= 2 * ulp(1));
  });
  it('stays accurate near one-hot, where logsumexp − Σ p·x would cancel to 0', () => {
    const f = loadFixture('normal100-n3');
    const exact = Number(f.entropyNats[0]);
    const h = entropy(logitsOf(f)).nats;
    assert.ok(exact > 0 && exact < 1e-20, 'this fixture is nearly one-hot');
    assert.ok(Math.abs(h - exact) <= 1e-14 * exact, `${h} vs ${exact}`);
  });
  it('follows the temperature: hotter is flatter', () => {
    const x = [2, 1, 0.1];
    assert.ok(entropy(x, { temperature: 5 }).nats > entropy(x).nats);
    assert.ok(entropy(x, { temperature: 0.2 }).nats < entropy(x).nats);
  });
});

describe('cross-entropy', () => {
  it('is −log p of the target, from the accurate log-softmax', () => {
    const f = loadFixture('worked-example');
    const x = logitsOf(f);
    for (const [i, , , lNear, lOff] of f.samples) assert.ok(Math.abs(ulpError(-crossEntropy(x, i), lNear, lOff)) <= 6);
  });
  it('is +∞ when the target is masked (it was given probability 0)', () => {
    assert.strictEqual(crossEntropy([1, -Infinity, 2], 1), Infinity);
  });
  it('rejects a target that is not a class index', () => {
    for (const target of [-1, 3, 1.5, NaN]) {
      assert.throws(() => crossEntropy([1, 2, 3], target), (e: unknown) => e instanceof SoftmaxInputError && /from 0 to 2/.test(e.message));
    }
  });
  it('passes the temperature through', () => {
    assert.strictEqual(crossEntropy([4, 2, 0.2], 0, { temperature: 2 }), -logSoftmax([2, 1, 0.1])[0]);
  });
});

describe('perplexity', () => {
  it('is exp of the mean cross-entropy over the rows', () => {
    const v = [2, 1, 0.1, 0, 3, -1];
    const ce = (-logSoftmax([2, 1, 0.1])[0] - logSoftmax([0, 3, -1])[2]) / 2;
    assert.strictEqual(meanCrossEntropy(v, [2, 3], [0, 2]), ce);
    assert.strictEqual(perplexity(v, [2, 3], [0, 2]), Math.exp(ce));
  });
  it('is n for uniform logits whatever the targets', () => {
    const p = perplexity(new Array<number>(12).fill(0), [3, 4], [0, 3, 1]);
    assert.ok(Math.abs(p - 4) <= 4 * ulp(4));
  });
  it('is 1 when each target gets all the probability', () => {
    assert.strictEqual(perplexity([0, -Infinity, -Infinity, 0], [2, 2], [0, 1]), 1);
  });
  it('is +∞ when a target is masked', () => assert.strictEqual(perplexity([0, -Infinity], [2], [1]), Infinity));
  it('needs one target per row', () => {
    assert.throws(() => perplexity([1, 2, 3, 4], [2, 2], [0]), /2 rows of logits but 1 target/);
  });
  it('agrees with softmax: exp(CE) = 1 / p_target', () => {
    const x = [0.5, -1.25, 2];
    const p = softmax(x);
    assert.ok(Math.abs(perplexity(x, [3], [1]) * p[1] - 1) < 1e-15);
  });
});
