// The WebAssembly SIMD kernel against the exact references, side by side with the TypeScript core.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { softmax, SoftmaxInputError } from '../../src/core';
import { logSoftmaxRowInto, logSumExpRow, softmaxRowInto } from '../../src/core/rows';
import { vectorPlace } from '../../src/core/softmaxInput';
import { blockOf, kernelFor, load, PIECE } from '../../src/core/wasm/kernel';
import { expSimd, logSoftmaxSimd, logSumExpSimd, softmaxSimd, softmaxSimdInto } from '../../src/core/wasm/softmaxSimd';
import { exactSumMinusOne, loadFixtures, logitsOf, ulpError } from './softmaxFixtures';

const EPS = 2 ** -52;
const FIXTURE_DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'softmaxSimd');
const measured: string[] = [];

/** softmax(x / T) by the TypeScript kernel alone (softmax() itself hands long rows to the SIMD kernel). */
function tsSoftmax(x: ArrayLike<number>, temperature: number): Float64Array {
  const out = new Float64Array(x.length);
  softmaxRowInto(x, 0, x.length, temperature, out, 0, vectorPlace);
  return out;
}

/**
 * Where the kernel may leave a row to the TypeScript path: T or some |x / T| beyond 2^±900 (the residuals of x / T
 * would over- or underflow), or every term but the maximum's below e^-550 (the kernel does not carry tiny sums).
 */
function declinable(x: ArrayLike<number>, t: number): boolean {
  if (!(t >= 2 ** -900 && t <= 2 ** 900)) return true;
  const q = Array.from(x, (v) => v / t).filter((v) => Number.isFinite(v));
  if (t !== 1 && q.some((v) => v !== 0 && (Math.abs(v) < 2 ** -900 || Math.abs(v) > 2 ** 900))) return true;
  const max = q.reduce((m, v) => Math.max(m, v), -Infinity);
  return q.reduce((s, v) => s + Math.exp(v - max), 0) - 1 < 2 ** -790;
}

/** The same bits as the TS path, everywhere: both are correctly rounded. */
function assertSameAsTs(got: Float64Array, expected: Float64Array): void {
  for (let i = 0; i < got.length; i++) assert.ok(Object.is(got[i], expected[i]), `p[${i}] = ${got[i]}, TS ${expected[i]}`);
  for (let i = 0; i < got.length; i++) {
    if (expected[i] >= 2 ** -1000) {
      assert.strictEqual(got[i], expected[i], `p[${i}]`);
    } else {
      assert.ok(Math.abs(got[i] - expected[i]) <= 2 ** -1074 + Math.abs(expected[i]) * EPS, `p[${i}] = ${got[i]}, TS ${expected[i]}`);
    }
  }
}

function assertWithinUlpsOfTs(got: Float64Array, expected: Float64Array, ulps: number): void {
  for (let i = 0; i < got.length; i++) {
    const spacing = Math.max(2 ** -1074, Math.abs(expected[i]) * EPS);
    assert.ok(Math.abs(got[i] - expected[i]) <= ulps * spacing, `p[${i}] = ${got[i]}, TS ${expected[i]}`);
  }
}

function simd(x: ArrayLike<number>, temperature = 1): Float64Array {
  const p = softmaxSimd(x, temperature);
  assert.ok(p, 'the SIMD kernel declined an ordinary input');
  return p;
}

describe('WebAssembly SIMD softmax', function () {
  this.timeout(120000);

  after(() => {
    if (process.env.SOFTMAX_ACCURACY_TABLE) {
      console.log(['| case | max ulps p, TS | max ulps p, SIMD | Σp − 1 (eps) TS | SIMD |', '|---|---|---|---|---|', ...measured].join('\n'));
    }
  });

  it('its exp is within 0.51 ulp of the exact exp from 0 down to underflow, subnormals rounded once', () => {
    const { points } = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'exp.json'), 'utf8')) as { points: [string, string, number][] };
    const xs = points.map(([x]) => Number(x));
    const got = expSimd(xs);
    assert.ok(got);
    let subnormals = 0;
    points.forEach(([x, near, off], i) => {
      const err = Math.abs(ulpError(got[i], near, off));
      assert.ok(err <= 0.51, `exp(${x}) = ${got[i]} is ${err.toFixed(3)} ulps from the exact ${near}`);
      if (Number(near) > 0 && Number(near) < 2 ** -1022) subnormals++;
    });
    assert.ok(subnormals >= 500, `only ${subnormals} subnormal results checked`);
  });

  for (const f of loadFixtures()) {
    it(`${f.name}: both paths give every probability correctly rounded (0 ulps) and Σp within 1 eps of 1`, () => {
      const x = logitsOf(f);
      const fromTs = tsSoftmax(x, f.temperature);
      const out = softmaxSimd(x, f.temperature);
      if (!out) {
        assert.ok(declinable(x, f.temperature), 'the SIMD kernel declined');
        return;
      }
      let worstTs = 0;
      let worstSimd = 0;
      for (const [i, near, off] of f.samples) {
        const eTs = Math.abs(ulpError(fromTs[i], near, off));
        const eSimd = Math.abs(ulpError(out[i], near, off));
        assert.ok(eSimd <= 3, `SIMD p[${i}] = ${out[i]} is ${eSimd.toFixed(2)} ulps from the exact ${near}`);
        assert.ok(eTs <= 3, `TS p[${i}] = ${fromTs[i]} is ${eTs.toFixed(2)} ulps from the exact ${near}`);
        assert.strictEqual(out[i], Number(near), `SIMD p[${i}]`);
        assert.strictEqual(fromTs[i], Number(near), `TS p[${i}]`);
        if (x[i] === -Infinity) assert.strictEqual(out[i], 0);
        worstTs = Math.max(worstTs, eTs);
        worstSimd = Math.max(worstSimd, eSimd);
      }
      const offTs = exactSumMinusOne(fromTs);
      const offSimd = exactSumMinusOne(out);
      assert.ok(Math.abs(offSimd) <= EPS, `SIMD Σp − 1 = ${offSimd}`);
      measured.push(`| ${f.name} | ${worstTs.toFixed(2)} | ${worstSimd.toFixed(2)} | ${(offTs / EPS).toFixed(2)} | ${(offSimd / EPS).toFixed(2)} |`);
    });
  }

  for (const f of loadFixtures().filter((g) => g.n >= 100000)) {
    it(`${f.name}: every element, not just the sampled ones, has the TS path's bits`, () => {
      const x = logitsOf(f);
      if (declinable(x, f.temperature) && !softmaxSimd(x, f.temperature)) return;
      assertSameAsTs(simd(x, f.temperature), tsSoftmax(x, f.temperature));
    });
  }

  const temperatureCases = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'temperature.json'), 'utf8')) as {
    name: string;
    temperature: number;
    logits: string[];
    p: [string, number][];
  }[];
  for (const c of temperatureCases) {
    it(`${c.name}: with the rounding of x / T recovered, both paths give the exact softmax correctly rounded`, () => {
      const x = c.logits.map(Number);
      const fromTs = tsSoftmax(x, c.temperature);
      const out = simd(x, c.temperature);
      let worstTs = 0;
      let worstSimd = 0;
      c.p.forEach(([near, off], i) => {
        const eSimd = Math.abs(ulpError(out[i], near, off));
        assert.ok(eSimd <= 3, `SIMD p[${i}] = ${out[i]} is ${eSimd.toFixed(2)} ulps from the exact ${near}`);
        assert.strictEqual(out[i], Number(near), `SIMD p[${i}]`);
        assert.strictEqual(fromTs[i], Number(near), `TS p[${i}]`);
        worstSimd = Math.max(worstSimd, eSimd);
        worstTs = Math.max(worstTs, Math.abs(ulpError(fromTs[i], near, off)));
      });
      assert.ok(Math.abs(exactSumMinusOne(out)) <= EPS);
      measured.push(`| ${c.name} | ${worstTs.toFixed(2)} | ${worstSimd.toFixed(2)} | ${(exactSumMinusOne(fromTs) / EPS).toFixed(2)} | ${(exactSumMinusOne(out) / EPS).toFixed(2)} |`);
    });
  }

  it('computes one row of a matrix into its place in the output, leaving the other rows alone', () => {
    const rows = 3;
    const cols = 1001;
    const values = Array.from({ length: rows * cols }, (_, i) => Math.cos(i) * 40);
    for (const input of [values, Float64Array.from(values)]) {
      const out = new Float64Array(rows * cols).fill(7);
      assert.ok(softmaxSimdInto(input, cols, cols, 1.5, out));
      assert.deepStrictEqual(out.subarray(cols, 2 * cols), simd(values.slice(cols, 2 * cols), 1.5));
      assert.ok(out.subarray(0, cols).every((v) => v === 7) && out.subarray(2 * cols).every((v) => v === 7));
    }
    assert.strictEqual(softmaxSimdInto([1, 2, NaN, 4], 2, 2, 1, new Float64Array(4)), false);
  });

  it('masks -Infinity to exactly 0 and handles an odd length', () => {
    const p = simd([-Infinity, 1, -Infinity, 1, 2]);
    assert.strictEqual(p[0], 0);
    assert.strictEqual(p[2], 0);
    assert.strictEqual(p[1], p[3]);
    assert.ok(Math.abs(exactSumMinusOne(p)) <= EPS);
  });

  it('on any input either gives the TypeScript path\'s numbers, bit for bit, or declines, and declines wherever it throws', () => {
    const logit = fc.oneof(
      { arbitrary: fc.double({ min: -50, max: 50, noNaN: true }), weight: 40 },
      { arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }), weight: 40 },
      { arbitrary: fc.constantFrom(-Infinity, -700, -745.2, 0, -0, 1e-310), weight: 10 },
      { arbitrary: fc.double({ noNaN: true }), weight: 2 },
      { arbitrary: fc.constantFrom(NaN, Infinity), weight: 1 },
    );
    const outcomes = { agree: 0, bothDecline: 0, kernelDeclines: 0 };
    const temperature = fc.oneof(fc.constant(1), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.constantFrom(0, -1, NaN));
    fc.assert(
      fc.property(fc.array(logit, { maxLength: 70 }), fc.nat(3), temperature, (values, repeat, t) => {
        const x = Array.from({ length: values.length * (repeat + 1) }, (_, i) => values[i % values.length]);
        let expected: Float64Array;
        try {
          expected = softmax(x, { temperature: t });
        } catch (e) {
          assert.ok(e instanceof SoftmaxInputError);
          assert.strictEqual(softmaxSimd(x, t), undefined);
          outcomes.bothDecline++;
          return;
        }
        const got = softmaxSimd(x, t);
        if (!got) {
          assert.ok(declinable(x, t), 'declined an input the TS path takes');
          outcomes.kernelDeclines++;
          return;
        }
        outcomes.agree++;
        // Both correctly rounded: the same bits (the old kernel was allowed 2 ulps from the TS path here).
        assertWithinUlpsOfTs(got, expected, 2);
        assertSameAsTs(got, tsSoftmax(x, t));
      }),
      { numRuns: 3000 },
    );
    assert.ok(outcomes.agree > 1000 && outcomes.bothDecline > 300, JSON.stringify(outcomes));
  });

  it('leaves NaN, +Infinity, all -Infinity, empty input and a bad temperature to the TypeScript path', () => {
    const declined: [ArrayLike<number>, number][] = [
      [[1, NaN, 2], 1],
      [[NaN, NaN], 1],
      [[1, Infinity], 1],
      [[-Infinity, -Infinity, -Infinity], 1],
      [[], 1],
      [[1, 2], 0],
      [[1, 2], -1],
      [[1, 2], NaN],
      [[1, 2], Infinity],
      [[1, 2], 2 ** 901],
      [[1e300, 2], 1e-10],
      [[2 ** 60, 1], 1],
    ];
    for (const [x, t] of declined) assert.strictEqual(softmaxSimd(x, t), undefined, `${JSON.stringify(x)} at T = ${t}`);
  });
});

describe('WebAssembly SIMD log-softmax, logsumexp and maximum', function () {
  this.timeout(120000);

  /** log softmax(x) by the TypeScript kernel alone. */
  function tsLogSoftmax(x: ArrayLike<number>): Float64Array {
    const out = new Float64Array(x.length);
    logSoftmaxRowInto(x, 0, x.length, 1, out, 0, vectorPlace);
    return out;
  }

  it('gives the TypeScript path\'s log-probabilities bit for bit or declines, also where a shift is half an ulp from a double', () => {
    // Few-bit logits far from the maximum make shifts exactly half an ulp off a double: the midpoint rule decides.
    const logit = fc.oneof(
      { arbitrary: fc.double({ min: -50, max: 50, noNaN: true }), weight: 30 },
      { arbitrary: fc.integer({ min: -(2 ** 20), max: 2 ** 20 }).map((k) => k / 8), weight: 20 },
      { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 10 },
      { arbitrary: fc.integer({ min: 2 ** 53 - 8, max: 2 ** 53 }).map((k) => k * 2 ** -45), weight: 10 },
      { arbitrary: fc.constantFrom(-Infinity, -700, -745.2, -1e4, 0, 1e-310), weight: 10 },
      { arbitrary: fc.constantFrom(NaN, Infinity), weight: 1 },
    );
    const outcomes = { agree: 0, bothDecline: 0, kernelDeclines: 0 };
    fc.assert(
      fc.property(fc.array(logit, { minLength: 1, maxLength: 90 }), fc.nat(3), (values, repeat) => {
        const x = Array.from({ length: values.length * (repeat + 2) }, (_, i) => values[i % values.length]);
        let expected: Float64Array;
        try {
          expected = tsLogSoftmax(x);
        } catch (e) {
          assert.ok(e instanceof SoftmaxInputError);
          assert.strictEqual(logSoftmaxSimd(x), undefined);
          outcomes.bothDecline++;
          return;
        }
        const got = logSoftmaxSimd(x);
        if (!got) {
          assert.ok(declinable(x, 1), 'declined an input the TS path takes');
          outcomes.kernelDeclines++;
          return;
        }
        outcomes.agree++;
        for (let i = 0; i < x.length; i++) assert.ok(Object.is(got[i], expected[i]), `log p[${i}] = ${got[i]}, TS ${expected[i]}`);
      }),
      { numRuns: 2000 },
    );
    assert.ok(outcomes.agree > 1000 && outcomes.bothDecline > 50, JSON.stringify(outcomes));
  });

  it('gives the TypeScript path\'s logsumexp bit for bit or declines, at any temperature', () => {
    const logit = fc.oneof(
      { arbitrary: fc.double({ min: -50, max: 50, noNaN: true }), weight: 30 },
      { arbitrary: fc.integer({ min: -(2 ** 20), max: 2 ** 20 }).map((k) => k / 8), weight: 20 },
      { arbitrary: fc.constantFrom(-Infinity, -700, -1e4, 0, 1e-310), weight: 10 },
      { arbitrary: fc.constantFrom(NaN, Infinity), weight: 1 },
    );
    const temperature = fc.oneof(
      { arbitrary: fc.constant(1), weight: 5 },
      { arbitrary: fc.double({ min: 1e-3, max: 1e3, noNaN: true }), weight: 4 },
      { arbitrary: fc.constantFrom(0, NaN), weight: 1 },
    );
    const outcomes = { agree: 0, bothDecline: 0, kernelDeclines: 0 };
    fc.assert(
      fc.property(fc.array(logit, { minLength: 1, maxLength: 90 }), fc.nat(3), temperature, (values, repeat, t) => {
        const x = Array.from({ length: values.length * (repeat + 2) }, (_, i) => values[i % values.length]);
        let expected: number;
        try {
          expected = logSumExpRow(x, 0, x.length, t, vectorPlace);
        } catch (e) {
          assert.ok(e instanceof SoftmaxInputError);
          assert.strictEqual(logSumExpSimd(x, t), undefined);
          outcomes.bothDecline++;
          return;
        }
        const got = logSumExpSimd(x, t);
        if (got === undefined) {
          assert.ok(declinable(x, t), 'declined an input the TS path takes');
          outcomes.kernelDeclines++;
          return;
        }
        outcomes.agree++;
        assert.ok(Object.is(got, expected), `logsumexp = ${got}, TS ${expected}`);
      }),
      { numRuns: 2000 },
    );
    assert.ok(outcomes.agree > 1000 && outcomes.bothDecline > 50, JSON.stringify(outcomes));
  });

  it('declines a temperature other than 1, which the TypeScript path computes', () => {
    assert.strictEqual(logSoftmaxSimd([1, 2, 3], 2), undefined);
    assert.ok(logSoftmaxSimd([1, 2, 3], 1));
  });

  it('finds the first largest logit whichever lane and block position holds it, and the last of an odd block', () => {
    let seed = 12345;
    const next = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % k;
    };
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + next(300);
      // Few distinct values, so the maximum is often tied, in either lane.
      const x = Float64Array.from({ length: n }, () => (next(10) === 0 ? -Infinity : next(4)));
      const kernel = kernelFor(n, false);
      assert.ok(kernel);
      const seen = load(blockOf(kernel, n, 1), x, 0, 0, 1);
      assert.ok(seen);
      const max = x.reduce((m, v) => Math.max(m, v), -Infinity);
      assert.strictEqual(seen.max, max);
      assert.strictEqual(seen.argmax, max === -Infinity ? -1 : x.indexOf(max), `n = ${n}, ${Array.from(x).join(',')}`);
    }
    // Rows of several pieces: the maximum alone in a later one, tied across two, or the odd row's last entry.
    const cases: [number, number[]][] = [
      [3 * PIECE, [PIECE + 5]],
      [3 * PIECE + 1, [PIECE + 5, 2 * PIECE + 1]],
      [2 * PIECE + 1, [2 * PIECE]],
      [2 * PIECE + 1, [2 * PIECE, PIECE - 1]],
    ];
    for (const [n, places] of cases) {
      const x = Float64Array.from({ length: n }, (_, i) => (i % 5) - 10);
      for (const i of places) x[i] = 1;
      const kernel = kernelFor(n, false);
      assert.ok(kernel);
      const seen = load(blockOf(kernel, n, 1), x, 0, 0, 1);
      assert.deepStrictEqual(seen && [seen.max, seen.min, seen.argmax], [1, -10, Math.min(...places)], `n = ${n}, maximum at ${places.join(', ')}`);
    }
  });
});
