// Laws softmax obeys whatever the logits: checked on thousands of generated inputs with fast-check.
import fc from 'fast-check';
import { argmax, logSoftmax, softmax } from '../../src/core';
import { exactSumMinusOne, ulp } from './softmaxFixtures';

const EPS = 2 ** -52;
const MIN_NORMAL = 2.2250738585072014e-308;

/** Ordinary logits, some masked. */
const logits = fc.array(
  fc.oneof(
    { weight: 9, arbitrary: fc.double({ min: -1e4, max: 1e4, noNaN: true }) },
    { weight: 1, arbitrary: fc.constant(-Infinity) },
  ),
  { minLength: 1, maxLength: 200 },
).filter((x) => x.some((v) => v !== -Infinity));

/** Logits on a grid of 2^-20 and a shift on the same grid, so x + c is exact. */
const gridLogits = fc.array(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), { minLength: 1, maxLength: 100 }).map((ks) => ks.map((k) => k / 2 ** 20));
const gridShift = fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((k) => k / 2 ** 20);

function withinUlps(a: number, b: number, ulps: number): boolean {
  return a === b || Math.abs(a - b) <= ulps * Math.min(ulp(a), ulp(b)) * 2;
}

describe('softmax properties', () => {
  it('sums to 1 within 1 eps when the outputs are added exactly', () => {
    fc.assert(fc.property(logits, (x) => Math.abs(exactSumMinusOne(softmax(x))) <= EPS), { numRuns: 500 });
  });

  it('gives probabilities in [0, 1], never NaN, and exactly 0 where the logit is −∞', () => {
    fc.assert(
      fc.property(logits, (x) => {
        const p = softmax(x);
        return x.every((v, i) => p[i] >= 0 && p[i] <= 1 && (v !== -Infinity || p[i] === 0));
      }),
    );
  });

  it('does not change when every logit is shifted by the same amount (within 6 ulps)', () => {
    fc.assert(
      fc.property(gridLogits, gridShift, (x, c) => {
        const p = softmax(x);
        const q = softmax(x.map((v) => v + c));
        return x.every((_, i) => withinUlps(p[i], q[i], 6));
      }),
      { numRuns: 300 },
    );
  });

  it('permuting the logits permutes the probabilities (within 6 ulps)', () => {
    fc.assert(
      fc.property(
        logits.chain((x) => fc.tuple(fc.constant(x), fc.shuffledSubarray(x.map((_, i) => i), { minLength: x.length, maxLength: x.length }))),
        ([x, order]) => {
          const p = softmax(x);
          const q = softmax(order.map((i) => x[i]));
          return order.every((i, k) => withinUlps(q[k], p[i], 6));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the order of the logits: a larger logit never gets a smaller probability; ties are equal', () => {
    fc.assert(
      fc.property(logits, (x) => {
        const p = softmax(x);
        for (let i = 0; i < x.length; i++) {
          for (let j = 0; j < x.length; j++) {
            if (x[i] < x[j] && p[i] > p[j]) return false;
            if (x[i] === x[j] && p[i] !== p[j]) return false;
          }
        }
        return p[argmax(x)] === p[argmax(p)];
      }),
      { numRuns: 300 },
    );
  });

  it('becomes uniform as the temperature grows', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), (x) => {
        const p = softmax(x, { temperature: 1e12 });
        return Array.from(p).every((v) => Math.abs(v * x.length - 1) < 1e-9);
      }),
    );
  });

  it('becomes one-hot at the largest logit as the temperature shrinks', () => {
    const distinct = fc.uniqueArray(fc.integer({ min: -10000, max: 10000 }), { minLength: 2, maxLength: 50 }).map((ks) => ks.map((k) => k / 100));
    fc.assert(
      fc.property(distinct, (x) => {
        const p = softmax(x, { temperature: 1e-4 });
        const top = argmax(x);
        return Array.from(p).every((v, i) => (i === top ? v > 1 - 1e-12 : v < 1e-12));
      }),
    );
  });

  it('log-softmax equals log(softmax) wherever the probability is a normal number', () => {
    fc.assert(
      fc.property(logits, (x) => {
        const p = softmax(x);
        const l = logSoftmax(x);
        return x.every((_, i) => {
          if (p[i] === 0) return l[i] === -Infinity || l[i] < -708;
          if (p[i] < MIN_NORMAL) return true;
          // log p has absolute error ≈ (relative error of p) ≤ 3 eps, plus its own rounding.
          return Math.abs(l[i] - Math.log(p[i])) <= 4 * EPS + 4 * ulp(l[i]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('never returns NaN: any double input either gives numbers or throws a SoftmaxInputError', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 0, maxLength: 30 }), fc.double(), (x, temperature) => {
        try {
          const p = softmax(x, { temperature });
          return Array.from(p).every((v) => v === v);
        } catch (e) {
          return (e as Error).name === 'SoftmaxInputError';
        }
      }),
      { numRuns: 1000 },
    );
  });
});
