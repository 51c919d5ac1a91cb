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
  /** First index of the maximum. */
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
 * on a million logits) may let other work run before it calls `next()` again. Each step is one linear pass.
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
  if (n === 0) throw new SoftmaxInputError('Softmax needs at least one number, and got none.');
  const scaled = new Float64Array(n);
  let residual: Float64Array | null = null;
  if (temperature === 1) {
    for (let i = 0; i < n; i++) scaled[i] = logits[offset + i];
  } else {
    residual = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = logits[offset + i];
      const q = x / temperature;
      scaled[i] = q;
      if (q !== 0 && Number.isFinite(q)) residual[i] = divisionResidual(x, q, temperature);
    }
  }
  let max = -Infinity;
  let argmax = -1;
  let sawNaN = false;
  for (let i = 0; i < n; i++) {
    const v = scaled[i];
    if (v > max) {
      max = v;
      argmax = i;
    } else if (v !== v) {
      sawNaN = true;
    }
  }
  if (sawNaN || max === Infinity || argmax < 0) rejectFirstBad(logits, offset, n, where, temperature, scaled);
  const maxResidual = residual === null ? 0 : residual[argmax];
  const shifted = new Float64Array(n);
  let delta: Float64Array | null = null;
  for (let i = 0; i < n; i++) {
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
      if (delta === null) delta = new Float64Array(n);
      delta[i] = e;
    }
  }
  return { scaled, max, argmax, shifted, delta, maxResidual };
}

/**
 * Fills exps[i] = exp(shifted_i + delta_i) and returns the compensated sum of every term except the
 * maximum's (which is exactly 1): the s′ of logsumexp = m + log1p(s′).
 */
export function expTerms(row: ShiftedRow, exps: Float64Array): number {
  const { shifted, delta, argmax } = row;
  const n = shifted.length;
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const v = expShifted(shifted[i], delta === null ? 0 : delta[i]);
    exps[i] = v;
    if (i === argmax) continue;
    const s = sum + v;
    comp += sum >= v ? (sum - s) + v : (v - s) + sum;
    sum = s;
  }
  return sum + comp;
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
  const total = 1 + rest;
  for (let i = 0; i < exps.length; i++) out[offset + i] = exps[i] / total;
  return total;
}

/** log p_i = (shifted_i − log1p(s′)) + delta_i, written into out from offset. */
export function logProbabilitiesOf(row: ShiftedRow, rest: number, out: Float64Array, offset = 0): void {
  const l = Math.log1p(rest);
  const { shifted, delta } = row;
  for (let i = 0; i < shifted.length; i++) {
    const d = shifted[i];
    out[offset + i] = delta === null || d === -Infinity ? d - l : (d - l) + delta[i];
  }
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

/** Elements per step of softmaxRowsSteps: a few milliseconds of work. */
const ROWS_STEP = 1 << 16;

/** softmaxRows() in steps of about ROWS_STEP elements (whole rows), yielding between them; the same numbers. */
export function* softmaxRowsSteps(values: ArrayLike<number>, shape: readonly number[], options?: SoftmaxOptions): Steps<Float64Array> {
  const t = temperatureOf(options);
  const { rows, cols } = rowsOf(values.length, shape);
  const out = new Float64Array(values.length);
  let sinceYield = 0;
  for (let r = 0; r < rows; r++) {
    sinceYield += cols;
    if (sinceYield > ROWS_STEP && r > 0) {
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
