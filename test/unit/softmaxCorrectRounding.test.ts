// Correct rounding: every result is the double nearest the exact value, whichever path computes it, checked bit for
// bit against a 120-digit reference (scripts/reference.py), including rows built to lie a hair from a midpoint.
import * as assert from 'assert';
import { breakdown, logSoftmax, logSumExp, softmax } from '../../src/core';
import { ladderCounts } from '../../src/core/correctlyRounded';
import { logSoftmaxRowInto, logSumExpRow, softmaxRowInto } from '../../src/core/rows';
import { vectorPlace } from '../../src/core/softmaxInput';
import { softmaxSimd } from '../../src/core/wasm/softmaxSimd';
import { generate, loadExactCases, type ExactCase } from './softmaxFixtures';

/** Asserts got equals the reference's text bit for bit (zero is unsigned: +0 is asked for, see below). */
function same(got: number, want: string, what: string): void {
  assert.ok(Object.is(got, Number(want)), `${what} = ${got}, correctly rounded ${want}`);
}

/** Every output of a row through the public functions, the TypeScript kernel, the SIMD kernel and the breakdown. */
function checkRow(c: ExactCase): void {
  const x = c.logits.map(Number);
  const options = { temperature: c.temperature };
  const n = x.length;
  const p = softmax(x, options);
  const logp = logSoftmax(x, options);
  const ts = new Float64Array(n);
  softmaxRowInto(x, 0, n, c.temperature, ts, 0, vectorPlace);
  const tsLog = new Float64Array(n);
  logSoftmaxRowInto(x, 0, n, c.temperature, tsLog, 0, vectorPlace);
  const simd = softmaxSimd(x, c.temperature);
  const b = breakdown(x, options);
  for (let i = 0; i < n; i++) {
    same(p[i], c.p[i], `${c.name}: softmax[${i}]`);
    same(ts[i], c.p[i], `${c.name}: TypeScript kernel p[${i}]`);
    if (simd) same(simd[i], c.p[i], `${c.name}: SIMD kernel p[${i}]`);
    same(b.probabilities[i], c.p[i], `${c.name}: breakdown p[${i}]`);
    same(logp[i], c.logp[i], `${c.name}: logSoftmax[${i}]`);
    same(tsLog[i], c.logp[i], `${c.name}: TypeScript kernel log p[${i}]`);
    same(b.logProbabilities[i], c.logp[i], `${c.name}: breakdown log p[${i}]`);
  }
  same(logSumExp(x, options), c.logSumExp, `${c.name}: logSumExp`);
  same(logSumExpRow(x, 0, n, c.temperature, vectorPlace), c.logSumExp, `${c.name}: TypeScript kernel logsumexp`);
  same(b.logSumExp, c.logSumExp, `${c.name}: breakdown logsumexp`);
}

describe('correctly rounded softmax, log-softmax and logsumexp, bit for bit against a 120-digit reference', function () {
  this.timeout(120000);
  const cases = loadExactCases();
  const random = cases.filter((c) => c.name.startsWith('random-'));
  // A shift exactly at a midpoint, with log S positive but below what a double holds: the sign of log S decides.
  const bySign = cases.filter((c) => c.name.startsWith('logp-midpoint-beside-'));
  const built = cases.filter((c) => !c.name.startsWith('random-') && !bySign.includes(c));

  it('has random rows of every kind and rows built next to midpoints', () => {
    assert.ok(random.length >= 400, `${random.length} random rows`);
    for (const kind of ['normal', 'wide', 'few-bits', 'integers', 'ties', 'huge', 'tiny', 'spread']) {
      assert.ok(random.some((c) => c.name.endsWith(`-${kind}`)), kind);
    }
    assert.ok(built.some((c) => c.name.startsWith('p0-near-midpoint')));
    assert.ok(built.some((c) => c.name.startsWith('logp0-near-midpoint')));
    assert.ok(built.some((c) => c.name.startsWith('logsumexp-near-midpoint')));
    assert.ok(built.some((c) => c.name.startsWith('logsumexp-cancels')));
  });

  it('gives the reference on 400 random rows: normal, wide, few-bit, integer, tied, huge, tiny and spread logits, 15% masked, T from 1e-20 to 1e20', () => {
    for (const c of random) checkRow(c);
  });

  for (const c of built) {
    it(`${c.name}: gives the reference, which only the exact rung can decide`, () => {
      const before = ladderCounts.exactRows;
      checkRow(c);
      assert.ok(ladderCounts.exactRows > before, 'the fast and accurate rungs should not have been able to decide this row');
    });
  }

  for (const c of bySign) {
    it(`${c.name}: gives the reference, decided by the fast path from the sign of log S`, () => {
      const before = ladderCounts.exactRows;
      checkRow(c);
      assert.strictEqual(ladderCounts.exactRows, before, 'the exact rung should not have been needed');
    });
  }

  it('decides ordinary rows by the fast path alone: 10^5 N(0, 1) and N(0, 100²) logits, no pass over the row again', () => {
    for (const dist of ['normal1', 'normal100'] as const) {
      const x = generate({ dist, n: 100000, seed: 77 });
      const before = { ...ladderCounts };
      softmax(x);
      logSoftmax(x);
      logSumExp(x);
      assert.strictEqual(ladderCounts.accurateSums, before.accurateSums, dist);
      assert.strictEqual(ladderCounts.exactRows, before.exactRows, dist);
    }
  });

  it('gives x / T, correctly rounded by IEEE division, as the logsumexp of one finite logit (log S = 0), midpoints to even', () => {
    // 2^-1074 / 2 and 3·2^-1074 / 2 are exact midpoints on the subnormal grid; beside masked logits S is exactly 1.
    for (const [x, t] of [[2 ** -1074, 2], [3 * 2 ** -1074, 2], [-(2 ** -1074), 2], [5 * 2 ** -1074, 4], [1e-310, 3], [0.1, 0.3]]) {
      for (const row of [[x], [x, -Infinity], [-Infinity, x, -Infinity]]) {
        const want = x / t; // IEEE 754 division rounds x / T correctly, the sign of a zero included
        assert.ok(Object.is(logSumExp(row, { temperature: t }), want), `logSumExp([${row}], T = ${t}) = ${logSumExp(row, { temperature: t })}, want ${want}`);
        assert.ok(Object.is(breakdown(row, { temperature: t }).logSumExp, want), `breakdown of [${row}], T = ${t}`);
      }
    }
  });

  it('gives −0 for a log-probability that rounds to zero from below, as IEEE 754 rounds it, and +0 for an exact zero', () => {
    // log p0 = −log(1 + e^-1000) ≈ −5e-435 < 0: nearer to zero than to any double, so −0 (Python's float(Decimal) too).
    for (const [x, label] of [[[0, -1000], '[0, -1000]'], [[0, -1000, -Infinity], 'masked'], [[5, -800, -900, -745.2], 'four']] as const) {
      const l = logSoftmax(x);
      assert.ok(Object.is(l[0], -0), `log p0 of ${label} = ${l[0]}`);
      assert.ok(Object.is(breakdown(x).logProbabilities[0], -0), `breakdown of ${label}`);
      assert.ok(Object.is(logSoftmax(x, { temperature: 0.5 })[0], -0), `${label} at T = 0.5`);
    }
    assert.ok(Object.is(logSoftmax(new Float64Array(200).fill(-2000).fill(0, 0, 1))[0], -0));
    // One finite logit: log p = 0 exactly.
    assert.ok(Object.is(logSoftmax([3, -Infinity])[0], 0));
    assert.ok(Object.is(logSoftmax([-Infinity, -7.5, -Infinity])[1], 0));
  });
});
