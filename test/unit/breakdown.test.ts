// The breakdown is what the hover and walkthrough show: every step must agree with the final numbers.
import * as assert from 'assert';
import {
  argmax,
  breakdown,
  breakdownSteps,
  entropy,
  logSoftmax,
  logSumExp,
  runSteps,
  softmax,
  softmaxRows,
  softmaxRowsSteps,
  type Steps,
} from '../../src/core';
import { breakdownRows } from '../../src/core/breakdown';
import { STEP } from '../../src/core/steps';
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
      // p_i is e_i / S of the exact terms, correctly rounded; the shown exps and S are rounded once more each, so
      // their quotient can round to the neighbouring double (it does at i = 2 here): one ulp at most.
      assert.ok(Math.abs(b.probabilities[i] - b.exps[i] / b.sum) <= ulp(b.probabilities[i]), `p[${i}]`);
      assert.strictEqual(b.probabilities[i], softmax(x)[i]);
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

  it('names as argmax the larger of two logits whose x / T round to the same double (found by npm run fuzz)', () => {
    const x = [1.7976931348623153e308, 1.7976931348623155e308, 905];
    const t = 1e300;
    assert.strictEqual(x[0] / t, x[1] / t, 'the two divide to the same double');
    const b = breakdown(x, { temperature: t });
    // x[1] > x[0] exactly, so softmax, which is monotone, gives it the larger probability (by about 2e-8 here).
    assert.ok(b.probabilities[1] > b.probabilities[0]);
    assert.strictEqual(b.argmax, 1);
    assert.strictEqual(b.probabilities[b.argmax], Math.max(...b.probabilities));
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

describe('the same computations in steps, for views that must not block', () => {
  /** Counts the steps a computation yields before it gives its answer. */
  function drive<T>(steps: Steps<T>): { value: T; steps: number } {
    let count = 0;
    for (;;) {
      const r = steps.next();
      if (r.done) return { value: r.value, steps: count };
      count++;
    }
  }

  it('breakdownSteps gives breakdown\'s numbers bit for bit, one linear pass per step', () => {
    const x = Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 30 - (i % 7 === 0 ? Infinity : 0));
    for (const temperature of [1, 0.37]) {
      const { value, steps } = drive(breakdownSteps(x, { temperature }));
      assert.ok(steps >= 3, `${steps} steps`);
      assert.deepStrictEqual(value, breakdown(x, { temperature }));
    }
  });

  it('no step of breakdownSteps does more than STEP elements of one pass, so a million logits take many short steps', () => {
    const n = 300_000;
    const x = Array.from({ length: n }, (_, i) => (i % 1000) / 7);
    const { value, steps } = drive(breakdownSteps(x, { temperature: 3 }));
    // Six linear passes (scale, shift, exp, normalize, log, entropy), each in ranges of STEP.
    assert.ok(steps >= 6 * Math.ceil(n / STEP) - 1, `${steps} steps for ${n} logits`);
    assert.deepStrictEqual(value, breakdown(x, { temperature: 3 }));
  });

  it('breakdownSteps names bad input at its first step, as breakdown does', () => {
    assert.throws(() => breakdownSteps([1, NaN]).next(), /Logit 1 is NaN/);
  });

  it('softmaxRowsSteps yields between rows of a large matrix and agrees with softmaxRows', () => {
    const rows = 40;
    const cols = 5000;
    const values = Array.from({ length: rows * cols }, (_, i) => Math.cos(i) * 12);
    const { value, steps } = drive(softmaxRowsSteps(values, [rows, cols], { temperature: 2 }));
    assert.ok(steps >= 2, `${steps} steps for ${rows * cols} values`);
    assert.deepStrictEqual(value, softmaxRows(values, [rows, cols], { temperature: 2 }));
    // A small matrix is one step: nothing to split.
    assert.strictEqual(drive(softmaxRowsSteps([1, 2, 3, 4], [2, 2])).steps, 0);
  });

  it('runSteps drives a computation to its answer', () => {
    assert.deepStrictEqual(runSteps(breakdownSteps([1, 2, 3])), breakdown([1, 2, 3]));
  });
});

describe('breakdown of long and short vectors against softmax() and a per-element recomputation', () => {
  /** A reproducible N(0, 1) draw (Park–Miller, Box–Muller). */
  function normals(n: number, seed: number): number[] {
    let s = seed;
    const next = (): number => (s = (s * 48271) % 2147483647) / 2147483647;
    return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next()));
  }
  const kinds: [string, (n: number, seed: number) => number[]][] = [
    ['N(0, 1)', normals],
    ['wide N(0, 300²)', (n, seed) => normals(n, seed).map((v) => 300 * v)],
    ['masked (30 % −∞)', (n, seed) => normals(n, seed).map((v, i) => (i > 0 && (i * 7919) % 10 < 3 ? -Infinity : v))],
  ];

  for (const [kind, draw] of kinds) {
    for (const n of [5, 127, 128, 1001, STEP + 3001]) {
      for (const temperature of [1, 0.7]) {
        it(`${kind}, n = ${n}, T = ${temperature}: the same bits as softmax(), logSoftmax(), logSumExp(); the steps as x / T − m`, () => {
          const list = draw(n, 17 + n);
          const x = Float64Array.from(list);
          const options = { temperature };
          const b = breakdown(x, options);
          // A plain array takes the element-by-element copies: the same numbers.
          assert.deepStrictEqual(breakdown(list, options), b);
          assert.deepStrictEqual(b.probabilities, softmax(x, options));
          assert.deepStrictEqual(b.logProbabilities, logSoftmax(x, options));
          assert.ok(Object.is(b.logSumExp, logSumExp(x, options)), `${b.logSumExp} vs ${logSumExp(x, options)}`);
          assert.deepStrictEqual(b.logits, x);
          assert.notStrictEqual(b.logits, x, 'the logits are a copy');
          let m = -Infinity;
          for (let i = 0; i < n; i++) {
            assert.ok(Object.is(b.scaled[i], x[i] / temperature), `scaled ${i}`);
            m = Math.max(m, x[i] / temperature);
          }
          assert.strictEqual(b.max, m);
          for (let i = 0; i < n; i++) {
            const q = x[i] / temperature;
            const d = q - m;
            if (q === -Infinity) {
              assert.strictEqual(b.shifted[i], -Infinity, `shifted ${i}`);
              assert.strictEqual(b.exps[i], 0, `exps ${i}`);
              continue;
            }
            // The exact difference of the two doubles, d + e (TwoSum), for the reference exp.
            const bb = d - q;
            const e = (q - (d - bb)) + (-m - bb);
            if (temperature === 1 || ulp(q) + ulp(m) < 2 ** -46) {
              // T = 1 the shift is exact in d + e; for T ≠ 1 the division's residuals stay below the fold at 2^-44.
              assert.ok(Object.is(b.shifted[i], d), `shifted ${i}: ${b.shifted[i]} vs ${d}`);
            } else {
              assert.ok(Math.abs(b.shifted[i] - d) <= 2 * (ulp(q) + ulp(m)), `shifted ${i}: ${b.shifted[i]} vs ${d}`);
            }
            if (temperature === 1) {
              // e^(d + e) ≈ e^d (1 + e); Math.exp is within an ulp or so, the breakdown's term within one rounding.
              const reference = Math.exp(d) * (1 + e);
              assert.ok(Math.abs(b.exps[i] - reference) <= 4 * ulp(reference) + 2 ** -1070, `exps ${i}: ${b.exps[i]} vs ${reference}`);
            } else {
              const reference = Math.exp(b.shifted[i]);
              assert.ok(Math.abs(b.exps[i] - reference) <= 2 ** -40 * reference + 2 ** -1070, `exps ${i}: ${b.exps[i]} vs ${reference}`);
            }
          }
        });
      }
    }
  }
});
