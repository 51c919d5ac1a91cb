// The accurate softmax kernel: shift by the maximum with the rounding of x − m recovered by TwoSum,
// a Neumaier-compensated sum, one division per element, and the log1p form for the log variants.
import { expShifted } from './fastExp';
import { softmaxSimd, softmaxSimdInto } from './wasm/softmaxSimd';

export interface SoftmaxOptions {
  /** Divides the logits first; must be finite and > 0. Default 1. */
  temperature?: number;
}

/** An input softmax cannot take, with a message written for the person who gave it. */
export class SoftmaxInputError extends Error {
  constructor(message: string, readonly index?: number) {
    super(message);
    this.name = 'SoftmaxInputError';
  }
}

/**
 * One validated row of logits, divided by the temperature and shifted so that its maximum is exactly 0.
 * The exact shifted logit i is `shifted[i] + delta[i]`; `delta` is null when every shift was exact.
 */
export interface ShiftedRow {
  /** x_i / T rounded to double. */
  scaled: Float64Array;
  /** max(scaled), the shift. */
  max: number;
  /** First index of the exact maximum of x / T (a rounding tie of x / T goes to the larger x). */
  argmax: number;
  /** scaled_i − max, rounded. */
  shifted: Float64Array;
  /** What the rounding of x_i / T and of scaled_i − max lost, relative to the exact shifted logit. */
  delta: Float64Array | null;
  /** The part of the exact maximum that `max` leaves out (nonzero only when T ≠ 1). */
  maxResidual: number;
}

/**
 * A computation done in steps: each `yield` marks a point where a caller that must not block (an editor view
 * on a million logits) may let other work run before it calls `next()` again. A step is at most STEP elements
 * of one linear pass.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once: the synchronous answer. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The temperature the options ask for, after checking it is usable. */
export function temperatureOf(options?: SoftmaxOptions): number {
  const t = options?.temperature ?? 1;
  if (typeof t !== 'number' || !Number.isFinite(t) || !(t > 0)) {
    throw new SoftmaxInputError(`Temperature must be a finite number greater than 0 (got ${String(t)}).`);
  }
  return t;
}

/** Where a logit sits, in words: "3" in a vector, "2 in row 1" in a matrix. */
type Locate = (i: number) => string;

const vectorPlace: Locate = (i) => `${i}`;

/** Throws the error for a logit that softmax cannot take; `raw` is what the person gave. */
function reject(raw: number, i: number, temperature: number, where: Locate, flatIndex: number): never {
  if (Number.isNaN(raw)) {
    throw new SoftmaxInputError(`Logit ${where(i)} is NaN — softmax needs numbers.`, flatIndex);
  }
  if (raw === Infinity) {
    throw new SoftmaxInputError(
      `Logit ${where(i)} is +∞ — softmax is undefined with an infinite logit (−∞ is allowed: it masks that entry to 0).`,
      flatIndex,
    );
  }
  throw new SoftmaxInputError(
    `Logit ${where(i)} divided by the temperature ${temperature} overflows — use a larger temperature.`,
    flatIndex,
  );
}

/** A correction of x − m larger than this no longer fits exp's reduced range; the WebAssembly kernel never meets one. */
const FOLD_FROM = 2 ** -20;

// 2^27 + 1: Veltkamp's constant, splits a double into two 26-bit halves.
const SPLIT = 134217729;

/** The exact residual x − q·T (Dekker's product), divided by T: what rounding x / T to q lost. */
function divisionResidual(x: number, q: number, t: number): number {
  const p = q * t;
  let c = SPLIT * q;
  const qh = c - (c - q);
  const ql = q - qh;
  c = SPLIT * t;
  const th = c - (c - t);
  const tl = t - th;
  const perr = ((qh * th - p) + qh * tl + ql * th) + ql * tl;
  const r = ((x - p) - perr) / t;
  return Number.isFinite(r) ? r : 0;
}

/** Elements per step of a computation done in steps: a millisecond or two of work. */
export const STEP = 1 << 16;

/*
 * Each pass below is a plain function over a range [from, to): the synchronous functions run it over the whole
 * row at once, the `…Steps` generators a STEP at a time through `inRanges`. The loops stay out of generators
 * and closures, where V8 runs them about half as fast, and the synchronous functions create no generator (a
 * matrix has many rows).
 */

/** Calls `pass(from, to)` over [start, n) a STEP at a time, yielding before each range. */
export function* inRanges(n: number, pass: (from: number, to: number) => void, start = 0): Steps<void> {
  for (let from = start; from < n; from += STEP) {
    yield;
    pass(from, Math.min(n, from + STEP));
  }
}

/** scaled[i] = x_i / T (with the division's rounding in residual when T ≠ 1), and the running max. */
function scaleRange(
  logits: ArrayLike<number>,
  offset: number,
  temperature: number,
  scaled: Float64Array,
  residual: Float64Array | null,
  from: number,
  to: number,
  running: MaxSoFar,
): void {
  if (residual === null) {
    for (let i = from; i < to; i++) scaled[i] = logits[offset + i];
  } else {
    for (let i = from; i < to; i++) {
      const x = logits[offset + i];
      const q = x / temperature;
      scaled[i] = q;
      if (q !== 0 && Number.isFinite(q)) residual[i] = divisionResidual(x, q, temperature);
    }
  }
  let max = running.max;
  let argmax = running.argmax;
  let sawNaN = false;
  for (let i = from; i < to; i++) {
    const v = scaled[i];
    if (v > max) {
      max = v;
      argmax = i;
    } else if (v !== v) {
      sawNaN = true;
    } else if (v === max && residual !== null && residual[i] > residual[argmax]) {
      // x / T rounded to the same double, but this one is larger exactly: it is the maximum.
      argmax = i;
    }
  }
  running.max = max;
  running.argmax = argmax;
  if (sawNaN) running.sawNaN = true;
}

interface MaxSoFar {
  max: number;
  argmax: number;
  sawNaN: boolean;
}

/** shifted[i] = scaled_i − max with TwoSum's error in delta (allocated on the first nonzero one); returns delta. */
function shiftRange(
  scaled: Float64Array,
  residual: Float64Array | null,
  max: number,
  maxResidual: number,
  shifted: Float64Array,
  delta: Float64Array | null,
  from: number,
  to: number,
): Float64Array | null {
  for (let i = from; i < to; i++) {
    const x = scaled[i];
    let d = x - max;
    // Knuth's TwoSum: d + e == x − max exactly. NaN at −∞ means "no correction".
    const b = d - x;
    let e = (x - (d - b)) + (-max - b);
    if (residual !== null) {
      e += residual[i] - maxResidual;
      // Past |x / T| ≈ 2^40 the division residuals are too large for exp's correction term: fold them into d.
      const s = d + e;
      if (Math.abs(e) > FOLD_FROM && Number.isFinite(s)) {
        const bs = s - d;
        e = (d - (s - bs)) + (e - bs);
        d = s;
      }
    }
    shifted[i] = d;
    if (e !== 0 && e === e) {
      if (delta === null) delta = new Float64Array(scaled.length);
      delta[i] = e;
    }
  }
  return delta;
}

/** A shift in progress: what scaleRange fills, then what shiftRange fills. */
interface Shifting {
  scaled: Float64Array;
  residual: Float64Array | null;
  running: MaxSoFar;
  shifted: Float64Array;
  delta: Float64Array | null;
}

function startShift(n: number, temperature: number): Shifting {
  if (n === 0) throw new SoftmaxInputError('Softmax needs at least one number, and got none.');
  const residual = temperature === 1 ? null : new Float64Array(n);
  return { scaled: new Float64Array(n), residual, running: { max: -Infinity, argmax: -1, sawNaN: false }, shifted: new Float64Array(n), delta: null };
}

/** After scaling: rejects bad input, and returns the residual of the maximum. */
function checkScaled(logits: ArrayLike<number>, offset: number, n: number, temperature: number, where: Locate, w: Shifting): number {
  const { max, argmax, sawNaN } = w.running;
  if (sawNaN || max === Infinity || argmax < 0) rejectFirstBad(logits, offset, n, where, temperature, w.scaled);
  return w.residual === null ? 0 : w.residual[argmax];
}

function shiftedRow(w: Shifting, maxResidual: number): ShiftedRow {
  return { scaled: w.scaled, max: w.running.max, argmax: w.running.argmax, shifted: w.shifted, delta: w.delta, maxResidual };
}

/**
 * Validates logits[offset, offset + n), divides by T and shifts by the maximum, recording the rounding
 * errors. Throws SoftmaxInputError for empty input, NaN, +∞, all −∞, or an overflowing x / T.
 */
export function shiftRow(
  logits: ArrayLike<number>,
  offset: number,
  n: number,
  temperature: number,
  where: Locate = vectorPlace,
): ShiftedRow {
  const w = startShift(n, temperature);
  scaleRange(logits, offset, temperature, w.scaled, w.residual, 0, n, w.running);
  const maxResidual = checkScaled(logits, offset, n, temperature, where, w);
  w.delta = shiftRange(w.scaled, w.residual, w.running.max, maxResidual, w.shifted, null, 0, n);
  return shiftedRow(w, maxResidual);
}

/** shiftRow in steps of STEP elements. */
export function* shiftRowSteps(
  logits: ArrayLike<number>,
  offset: number,
  n: number,
  temperature: number,
  where: Locate = vectorPlace,
): Steps<ShiftedRow> {
  const w = startShift(n, temperature);
  // The first range runs before any yield: input of up to STEP logits is checked at the first step.
  scaleRange(logits, offset, temperature, w.scaled, w.residual, 0, Math.min(n, STEP), w.running);
  yield* inRanges(n, (from, to) => scaleRange(logits, offset, temperature, w.scaled, w.residual, from, to, w.running), STEP);
  const maxResidual = checkScaled(logits, offset, n, temperature, where, w);
  yield* inRanges(n, (from, to) => {
    w.delta = shiftRange(w.scaled, w.residual, w.running.max, maxResidual, w.shifted, w.delta, from, to);
  });
  return shiftedRow(w, maxResidual);
}

/** exps[i] = exp(shifted_i + delta_i); adds every term but the maximum's to the compensated sum in `sum`. */
function expRange(row: ShiftedRow, exps: Float64Array, from: number, to: number, sum: Compensated): void {
  const { shifted, delta, argmax } = row;
  let total = sum.total;
  let comp = sum.comp;
  for (let i = from; i < to; i++) {
    const v = expShifted(shifted[i], delta === null ? 0 : delta[i]);
    exps[i] = v;
    if (i === argmax) continue;
    const s = total + v;
    comp += total >= v ? (total - s) + v : (v - s) + total;
    total = s;
  }
  sum.total = total;
  sum.comp = comp;
}

/** A Neumaier sum carried from one range to the next. */
export interface Compensated {
  total: number;
  comp: number;
}

/**
 * Fills exps[i] = exp(shifted_i + delta_i) and returns the compensated sum of every term except the
 * maximum's (which is exactly 1): the s′ of logsumexp = m + log1p(s′).
 */
export function expTerms(row: ShiftedRow, exps: Float64Array): number {
  const sum: Compensated = { total: 0, comp: 0 };
  expRange(row, exps, 0, row.shifted.length, sum);
  return sum.total + sum.comp;
}

/** expTerms in steps of STEP elements, the compensated sum carried from one to the next. */
export function* expTermsSteps(row: ShiftedRow, exps: Float64Array): Steps<number> {
  const sum: Compensated = { total: 0, comp: 0 };
  yield* inRanges(row.shifted.length, (from, to) => expRange(row, exps, from, to, sum));
  return sum.total + sum.comp;
}

/**
 * The fast path for softmax of one row of a Float64Array: the same arithmetic as shiftRow + expTerms,
 * fused into two passes over memory with no temporaries. Writes out[offset, offset + n).
 */
function softmaxInto(
  x: ArrayLike<number>,
  offset: number,
  n: number,
  out: Float64Array,
  where: Locate,
): void {
  if (n === 0) throw new SoftmaxInputError('Softmax needs at least one number, and got none.');
  const end = offset + n;
  let max = -Infinity;
  let argmax = -1;
  // NaN never wins `v > max` and turns the sum into NaN: it is found after the loops, keeping them lean.
  for (let i = offset; i < end; i++) {
    const v = x[i];
    if (v > max) {
      max = v;
      argmax = i;
    }
  }
  if (max === Infinity || argmax < 0) rejectFirstBad(x, offset, n, where, 1, null);
  let sum = 0;
  let comp = 0;
  const negMax = -max;
  for (let i = offset; i < end; i++) {
    const v = x[i];
    const d = v - max;
    const b = d - v;
    const e = (v - (d - b)) + (negMax - b);
    // e is NaN only at −∞, where expShifted gives 0 without looking at it.
    const term = expShifted(d, e);
    out[i] = term;
    if (i === argmax) continue;
    const s = sum + term;
    comp += sum >= term ? (sum - s) + term : (term - s) + sum;
    sum = s;
  }
  out[argmax] = 1;
  // 1 + s′ rounded once, exactly as normalize() does, so every path gives the same numbers.
  const total = 1 + (sum + comp);
  if (total !== total) rejectFirstBad(x, offset, n, where, 1, null);
  for (let i = offset; i < end; i++) out[i] /= total;
}

/**
 * Throws for the first logit in x[offset, offset + n) that is NaN or +∞ (after dividing by T, when
 * `scaled` holds x / T), or, if there is none, because all are −∞.
 */
function rejectFirstBad(
  x: ArrayLike<number>,
  offset: number,
  n: number,
  where: Locate,
  temperature: number,
  scaled: Float64Array | null,
): never {
  for (let i = 0; i < n; i++) {
    const raw = x[offset + i];
    const v = scaled === null ? raw : scaled[i];
    if (v !== v || v === Infinity) reject(raw, i, temperature, where, offset + i);
  }
  const all = n === 1 ? 'The only logit is −∞' : `All ${n} logits are −∞`;
  throw new SoftmaxInputError(`${all}, so every entry is masked and softmax is undefined.`);
}

/** Normalizes exps in place (exps[argmax] must be 1) given s′ from expTerms. */
export function normalize(exps: Float64Array, rest: number, out: Float64Array = exps, offset = 0): number {
  normalizeRange(exps, 1 + rest, out, offset, 0, exps.length);
  return 1 + rest;
}

function normalizeRange(exps: Float64Array, total: number, out: Float64Array, offset: number, from: number, to: number): void {
  for (let i = from; i < to; i++) out[offset + i] = exps[i] / total;
}

/** normalize in steps of STEP elements. */
export function* normalizeSteps(exps: Float64Array, rest: number, out: Float64Array = exps, offset = 0): Steps<number> {
  const total = 1 + rest;
  yield* inRanges(exps.length, (from, to) => normalizeRange(exps, total, out, offset, from, to));
  return total;
}

/** log p_i = (shifted_i − log1p(s′)) + delta_i, written into out from offset. */
export function logProbabilitiesOf(row: ShiftedRow, rest: number, out: Float64Array, offset = 0): void {
  logProbabilityRange(row, Math.log1p(rest), out, offset, 0, row.shifted.length);
}

function logProbabilityRange(row: ShiftedRow, l: number, out: Float64Array, offset: number, from: number, to: number): void {
  const { shifted, delta } = row;
  for (let i = from; i < to; i++) {
    const d = shifted[i];
    out[offset + i] = delta === null || d === -Infinity ? d - l : (d - l) + delta[i];
  }
}

/** logProbabilitiesOf in steps of STEP elements. */
export function* logProbabilitiesSteps(row: ShiftedRow, rest: number, out: Float64Array, offset = 0): Steps<void> {
  const l = Math.log1p(rest);
  yield* inRanges(row.shifted.length, (from, to) => logProbabilityRange(row, l, out, offset, from, to));
}

/** logsumexp of the row: (max + residual) + log1p(s′). */
export function logSumExpOf(row: ShiftedRow, rest: number): number {
  return row.max + (Math.log1p(rest) + row.maxResidual);
}

/** From this many logits on, softmax runs on the WebAssembly SIMD kernel where the host allows it (bench/softmaxSimd.ts). */
const SIMD_FROM = 512;

/** softmax(x / T): probabilities within 3 ulps of exact, −∞ gives exactly 0. */
export function softmax(logits: ArrayLike<number>, options?: SoftmaxOptions): Float64Array {
  const t = temperatureOf(options);
  // The kernel declines bad input and hosts without WebAssembly; the TS path below then answers or names the error.
  const fast = logits.length >= SIMD_FROM ? softmaxSimd(logits, t) : undefined;
  if (fast) return fast;
  const out = new Float64Array(logits.length);
  if (t === 1) {
    softmaxInto(logits, 0, logits.length, out, vectorPlace);
    return out;
  }
  const row = shiftRow(logits, 0, logits.length, t);
  normalize(out, expTerms(row, out));
  return out;
}

/** log softmax(x / T), in the log1p form: exact at the maximum, −∞ where the logit is −∞. */
export function logSoftmax(logits: ArrayLike<number>, options?: SoftmaxOptions): Float64Array {
  const row = shiftRow(logits, 0, logits.length, temperatureOf(options));
  const exps = new Float64Array(logits.length);
  const out = new Float64Array(logits.length);
  logProbabilitiesOf(row, expTerms(row, exps), out);
  return out;
}

/** log Σ exp(x_i / T), without overflow. */
export function logSumExp(logits: ArrayLike<number>, options?: SoftmaxOptions): number {
  const row = shiftRow(logits, 0, logits.length, temperatureOf(options));
  return logSumExpOf(row, expTerms(row, new Float64Array(logits.length)));
}

/** The last-axis length and row count of a row-major shape, checked against the number of values. */
export function rowsOf(length: number, shape: readonly number[]): { rows: number; cols: number } {
  if (shape.length === 0) throw new SoftmaxInputError('Softmax needs a shape with at least one axis.');
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new SoftmaxInputError(`The shape [${shape.join(', ')}] has an axis that is not a whole number.`);
    }
    size *= d;
  }
  if (size !== length) {
    throw new SoftmaxInputError(`The shape [${shape.join(', ')}] needs ${size} values, but there are ${length}.`);
  }
  const cols = shape[shape.length - 1];
  if (cols === 0) throw new SoftmaxInputError('Softmax needs at least one number in each row, and got none.');
  return { rows: size / cols, cols };
}

/** A matrix position in words, for errors about one row of many. */
export function rowPlace(shape: readonly number[], row: number): Locate {
  return shape.length === 1 ? vectorPlace : (i) => `${i} in row ${row}`;
}

/** Softmax along the last axis of a row-major array of the given shape (as torch.softmax(x, -1)). */
export function softmaxRows(values: ArrayLike<number>, shape: readonly number[], options?: SoftmaxOptions): Float64Array {
  return runSteps(softmaxRowsSteps(values, shape, options));
}

/** softmaxRows() in steps of about STEP elements (whole rows), yielding between them; the same numbers. */
export function* softmaxRowsSteps(values: ArrayLike<number>, shape: readonly number[], options?: SoftmaxOptions): Steps<Float64Array> {
  const t = temperatureOf(options);
  const { rows, cols } = rowsOf(values.length, shape);
  const out = new Float64Array(values.length);
  let sinceYield = 0;
  for (let r = 0; r < rows; r++) {
    sinceYield += cols;
    if (sinceYield > STEP && r > 0) {
      sinceYield = cols;
      yield;
    }
    if (cols >= SIMD_FROM && softmaxSimdInto(values, r * cols, cols, t, out)) continue;
    if (t === 1) {
      softmaxInto(values, r * cols, cols, out, rowPlace(shape, r));
    } else {
      const row = shiftRow(values, r * cols, cols, t, rowPlace(shape, r));
      const exps = new Float64Array(cols);
      normalize(exps, expTerms(row, exps), out, r * cols);
    }
  }
  return out;
}
