// What a person sees at the edges: clear errors for inputs softmax cannot take, masking, subnormals.
import * as assert from 'assert';
import { SoftmaxInputError, logSoftmax, logSumExp, softmax, softmaxRows } from '../../src/core';
import { loadFixture, logitsOf } from './softmaxFixtures';

function rejects(run: () => unknown, pattern: RegExp, index?: number): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof SoftmaxInputError, `expected SoftmaxInputError, got ${String(e)}`);
    assert.match(e.message, pattern);
    assert.strictEqual(e.index, index);
    return true;
  });
}

describe('softmax input errors', () => {
  for (const [name, fn] of [
    ['softmax', softmax],
    ['logSoftmax', logSoftmax],
    ['logSumExp', logSumExp],
  ] as const) {
    describe(name, () => {
      it('says an empty input has no numbers', () => rejects(() => fn([]), /at least one number/));
      it('names the index of a NaN logit', () => rejects(() => fn([1, 2, 3, NaN, 5]), /Logit 3 is NaN/, 3));
      it('names the index of a +∞ logit', () => rejects(() => fn([0, Infinity]), /Logit 1 is \+∞/, 1));
      it('names +∞ even when it comes first', () => rejects(() => fn([Infinity, 0, 1]), /Logit 0 is \+∞/, 0));
      it('says when every logit is −∞', () => rejects(() => fn([-Infinity, -Infinity]), /All 2 logits are −∞/));
      it('rejects a temperature that is not finite and positive', () => {
        for (const temperature of [0, -1, NaN, Infinity, -Infinity]) {
          rejects(() => fn([1, 2], { temperature }), /Temperature must be a finite number greater than 0/);
        }
      });
      it('says when dividing by a tiny temperature overflows', () => {
        rejects(() => fn([1, 1e300], { temperature: 1e-10 }), /Logit 1 divided by the temperature 1e-10 overflows/, 1);
      });
    });
  }
});

describe('softmax at the edges', () => {
  it('gives [1] for one logit', () => {
    assert.deepStrictEqual(softmax([-3.5]), Float64Array.of(1));
    assert.deepStrictEqual(logSoftmax([123]), Float64Array.of(0));
    assert.strictEqual(logSumExp([123]), 123);
  });

  it('masks −∞ to exactly 0 and log −∞, and renormalises the rest', () => {
    const p = softmax([-Infinity, 0, -Infinity, 0]);
    assert.deepStrictEqual(p, Float64Array.of(0, 0.5, 0, 0.5));
    const l = logSoftmax([-Infinity, 0, -Infinity, 0]);
    assert.strictEqual(l[0], -Infinity);
    assert.strictEqual(l[1], -Math.LN2);
  });

  it('does not overflow at logits near 710 where the textbook formula gives NaN', () => {
    const p = softmax([1000, 1000]);
    assert.deepStrictEqual(p, Float64Array.of(0.5, 0.5));
    assert.ok(!Number.isFinite(Math.exp(1000)));
  });

  it('keeps subnormal probabilities instead of flushing them to 0', () => {
    const f = loadFixture('subnormal-results');
    const p = softmax(logitsOf(f));
    for (const [i, near] of f.samples) {
      if (Number(near) !== 0) assert.ok(p[i] > 0, `p[${i}] should be ${near}, got 0`);
      if (Number(near) < 2.2250738585072014e-308 && Number(near) > 0) assert.ok(p[i] < 2.2250738585072014e-308);
    }
  });

  it('accepts plain arrays, typed arrays and array-likes alike', () => {
    const a = softmax([2, 1, 0.1]);
    assert.deepStrictEqual(softmax(Float64Array.of(2, 1, 0.1)), a);
    assert.deepStrictEqual(softmax(Float32Array.of(2, 1, 0.5)), softmax([2, 1, 0.5]));
    assert.deepStrictEqual(softmax({ length: 3, 0: 2, 1: 1, 2: 0.1 }), a);
  });

  it('divides by the temperature before anything else', () => {
    const t = softmax([4, 2, 0.2], { temperature: 2 });
    assert.deepStrictEqual(t, softmax([2, 1, 0.1]));
  });

  it('gives [1, 0] for two logits one ulp apart near the largest double under a huge temperature, not NaN', () => {
    // Exactly: x1/T − x0/T = −ulp(x0)/T ≈ −6.8e176, whose exponential is 0 in doubles.
    const x = [1.7976931348623133e308, 1.7976931348623131e308];
    const t = 2.952845271079521e115;
    assert.deepStrictEqual(Array.from(softmax(x, { temperature: t })), [1, 0]);
    const ulp = x[0] - x[1];
    const log = logSoftmax(x, { temperature: t });
    // log p0 = −log(1 + e^-6.8e176) < 0 by less than any double: −0.
    assert.ok(Object.is(log[0], -0), `log p0 = ${log[0]}`);
    assert.ok(Math.abs(log[1] - -ulp / t) <= 2 * Number.EPSILON * (ulp / t), `log p1 = ${log[1]}`);
  });

  it('does not modify the input', () => {
    const x = [3, -Infinity, 1];
    softmax(x, { temperature: 0.5 });
    logSoftmax(x);
    assert.deepStrictEqual(x, [3, -Infinity, 1]);
  });
});

describe('softmax of a matrix', () => {
  it('normalises each row on its own, along the last axis', () => {
    const p = softmaxRows([1, 2, 3, -Infinity, 0, 0], [2, 3]);
    assert.deepStrictEqual(p.subarray(0, 3), softmax([1, 2, 3]));
    assert.deepStrictEqual(p.subarray(3), Float64Array.of(0, 0.5, 0.5));
  });

  it('treats a deeper shape as rows of its last axis', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8];
    const p = softmaxRows(v, [2, 2, 2]);
    for (let r = 0; r < 4; r++) assert.deepStrictEqual(p.subarray(2 * r, 2 * r + 2), softmax(v.slice(2 * r, 2 * r + 2)));
  });

  it('applies the temperature to every row', () => {
    const p = softmaxRows([2, 4, 6, 8], [2, 2], { temperature: 2 });
    assert.deepStrictEqual(p, softmaxRows([1, 2, 3, 4], [2, 2]));
  });

  it('says which row holds a bad logit, and its flat index', () => {
    rejects(() => softmaxRows([1, 2, 3, NaN], [2, 2]), /Logit 1 in row 1 is NaN/, 3);
    rejects(() => softmaxRows([1, 2, -Infinity, -Infinity], [2, 2]), /All 2 logits are −∞/);
  });

  it('says when the shape does not fit the values', () => {
    rejects(() => softmaxRows([1, 2, 3], [2, 2]), /needs 4 values, but there are 3/);
    rejects(() => softmaxRows([], [2, 0]), /at least one number in each row/);
  });
});

describe('which bad logit an error names', () => {
  it('names the first bad logit in reading order, with or without a temperature', () => {
    for (const options of [undefined, { temperature: 0.5 }]) {
      rejects(() => softmax([0, Infinity, NaN], options), /Logit 1 is \+∞/, 1);
      rejects(() => softmax([0, NaN, Infinity], options), /Logit 1 is NaN/, 1);
      rejects(() => logSoftmax([NaN, -Infinity], options), /Logit 0 is NaN/, 0);
    }
  });
});
