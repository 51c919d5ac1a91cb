// One row of logits made ready for the exact kernel: checked, divided by the temperature with the exact rounding
// error of each x / T kept, and shifted by the exact maximum, so that d_i = x_i/T − max_j x_j/T is known as a
// double-double within a proved bound (exactly when T = 1).
import { productError, twoSumError } from './errorFree';
import type { DoubleDouble } from './doubleDouble';
import { add, exactOf, mul, negate, roundedOrNaN as roundReal } from './exactReal';
import { inRanges, STEP, type Steps } from './steps';
import { rejectEmpty, rejectFirstBad, vectorPlace, type Locate } from './softmaxInput';

/** Past this, dl is folded into dh, so the exp's argument reduction keeps |dl| ≤ 2^-44. */
const FOLD_FROM = 2 ** -44;
/** Dekker's product of q and T stays exact (no overflow of the split, no underflow) inside this range. */
const DEKKER_RANGE = [2 ** -900, 2 ** 900];

/** What every rung of the kernel needs of a row: the shift of any entry, and how far from exact it is. */
export interface Row {
  logits: ArrayLike<number>;
  offset: number;
  n: number;
  temperature: number;
  /** max_j x_j / T rounded to double. */
  max: number;
  /** First index of the largest logit: the exact maximum of x / T, and the reference of every shift. */
  argmax: number;
  /** x_argmax / T − max, within 2^-106 · |max| (0 when T = 1). */
  maxResidual: number;
  /** The shift of entry i: out.hi + out.lo approximates d_i within shiftError(i). */
  shiftAt(i: number, out: DoubleDouble): DoubleDouble;
  /** A bound on |d_i − (out.hi + out.lo)| for shiftAt(i). */
  shiftError(i: number): number;
}

/** Arrays a row may be computed into (each at least n long), so that short rows allocate nothing. */
export interface RowBuffers {
  scaled: Float64Array;
  residual: Float64Array;
  shifted: Float64Array;
  delta: Float64Array;
}

/** A row whose shifts are all computed, as the breakdown shows them. */
export interface ShiftedRow extends Row {
  /** x_i / T rounded to double. */
  scaled: Float64Array;
  /** What rounding x_i / T lost, divided by T (null when T = 1). */
  residual: Float64Array | null;
  /** d_i rounded: scaled_i − max, with any large residual folded in. */
  shifted: Float64Array;
  /** d_i − shifted_i (null when every shift was exact). */
  delta: Float64Array | null;
  /** Where delta goes when it is needed, if the caller lent buffers. */
  spareDelta?: Float64Array;
}

/** x − q·T exactly, for q = fl(x / T): the remainder of a correctly rounded division is a double. */
export function divisionRemainder(x: number, q: number, t: number): number {
  const a = Math.abs(q);
  if (a >= DEKKER_RANGE[0] && a <= DEKKER_RANGE[1] && t >= DEKKER_RANGE[0] && t <= DEKKER_RANGE[1]) {
    const p = q * t;
    return (x - p) - productError(q, t, p);
  }
  // Near the ends of the double range the product would overflow or underflow: exact rational arithmetic.
  const r = add(exactOf(x), negate(mul(exactOf(q), exactOf(t), 2200)), 2200);
  return roundReal(r);
}

/** (x − q·T) / T: what rounding x / T to q lost. */
export function divisionResidual(x: number, q: number, t: number): number {
  // When x / T rounds to 0 it is below 2^-1074: what is lost is within shiftError's absolute 2^-1060.
  if (q === 0 || !Number.isFinite(q)) return 0;
  return divisionRemainder(x, q, t) / t;
}

interface MaxSoFar {
  max: number;
  argmax: number;
  sawNaN: boolean;
}

/** scaled[i] = x_i / T (with the division's rounding in residual when T ≠ 1), and the running maximum of x. */
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
    // T = 1: the logits themselves; a Float64Array (the usual input) is copied in one memcpy, not element by element.
    if (logits instanceof Float64Array) scaled.set(logits.subarray(offset + from, offset + to), from);
    else for (let i = from; i < to; i++) scaled[i] = logits[offset + i];
  } else {
    for (let i = from; i < to; i++) {
      const x = logits[offset + i];
      const q = x / temperature;
      scaled[i] = q;
      residual[i] = Number.isFinite(q) ? divisionResidual(x, q, temperature) : 0;
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
    } else if (v === max && argmax >= 0 && logits[offset + i] > logits[offset + argmax]) {
      // x / T rounded to the same double, but this x is larger: it is the exact maximum.
      argmax = i;
    }
  }
  running.max = max;
  running.argmax = argmax;
  if (sawNaN) running.sawNaN = true;
}

/**
 * The shift of one entry, d = (q + ρ) − (max + ρ_max) ≈ out.hi + out.lo: q − max by TwoSum, the residuals added
 * to its error, folded into out.hi past 2^-44. NaN in out.lo (at −∞) means "no correction".
 */
export function shiftOf(q: number, residual: number, max: number, maxResidual: number, out: DoubleDouble): DoubleDouble {
  let d = q - max;
  let e = twoSumError(q, -max, d);
  if (residual !== 0 || maxResidual !== 0) {
    e += residual - maxResidual;
    if (Math.abs(e) > FOLD_FROM) {
      const s = d + e;
      if (Number.isFinite(s)) {
        e = twoSumError(d, e, s);
        d = s;
      }
    }
  }
  out.hi = d;
  out.lo = e;
  return out;
}

const one: DoubleDouble = { hi: 0, lo: 0 };

/** shifted[i] = scaled_i − max with the rest of the shift in delta, allocated on the first nonzero one. */
function shiftRange(row: ShiftedRow, from: number, to: number): void {
  const { scaled, residual, max, maxResidual, shifted } = row;
  let delta = row.delta;
  if (residual === null && maxResidual === 0) {
    // T = 1: d_i = x_i − m exactly as shiftOf gives it (TwoSum's error, nothing folded), inlined: no call per entry.
    for (let i = from; i < to; i++) {
      const q = scaled[i];
      const d = q - max;
      const e = twoSumError(q, -max, d);
      shifted[i] = d;
      if (e !== 0 && e === e) {
        if (delta === null) delta = row.delta = row.spareDelta?.fill(0, 0, row.n) ?? new Float64Array(row.n);
        delta[i] = e;
      }
    }
    return;
  }
  for (let i = from; i < to; i++) {
    shiftOf(scaled[i], residual === null ? 0 : residual[i], max, maxResidual, one);
    shifted[i] = one.hi;
    const e = one.lo;
    if (e !== 0 && e === e) {
      if (delta === null) delta = row.delta = row.spareDelta?.fill(0, 0, row.n) ?? new Float64Array(row.n);
      delta[i] = e;
    }
  }
}

function startRow(logits: ArrayLike<number>, offset: number, n: number, temperature: number, buffers?: RowBuffers): { row: ShiftedRow; running: MaxSoFar } {
  rejectEmpty(n);
  const residual = temperature === 1 ? null : buffers?.residual ?? new Float64Array(n);
  const row: ShiftedRow = {
    logits,
    offset,
    n,
    temperature,
    scaled: buffers?.scaled ?? new Float64Array(n),
    residual,
    max: -Infinity,
    argmax: -1,
    maxResidual: 0,
    shifted: buffers?.shifted ?? new Float64Array(n),
    delta: null,
    spareDelta: buffers?.delta,
    shiftAt(i, out) {
      out.hi = row.shifted[i];
      out.lo = row.delta === null ? 0 : row.delta[i];
      return out;
    },
    shiftError(i) {
      return shiftErrorOf(row, i, row.scaled[i], row.residual === null ? 0 : row.residual[i]);
    },
  };
  return { row, running: { max: -Infinity, argmax: -1, sawNaN: false } };
}

/**
 * The bound on a shift's error: 0 for T = 1, for a logit equal to the maximum and wherever x / T was exact;
 * else the roundings of the residuals ρ = (x − q·T)/T (each within 2^-53 |ρ|), of their difference and of its
 * sum with TwoSum's error: 2^-51 (|ρ_i| + |ρ_max|) + 2^-105 |d_i|, and 2^-1060 where x / T underflowed.
 */
export function shiftErrorOf(row: Row, i: number, scaled: number, residual: number): number {
  if (row.temperature === 1 || row.logits[row.offset + i] === row.logits[row.offset + row.argmax]) return 0;
  const rho = Math.abs(residual) + Math.abs(row.maxResidual);
  const underflow = Math.abs(scaled) < 2 ** -1000 || Math.abs(row.max) < 2 ** -1000 ? 2 ** -1060 : 0;
  return rho === 0 ? underflow : 2 ** -51 * rho + 2 ** -105 * Math.abs(scaled - row.max) + underflow;
}

/** After scaling: rejects bad input and fixes the maximum. */
function finishScale(row: ShiftedRow, running: MaxSoFar, where: Locate): void {
  const { max, argmax, sawNaN } = running;
  if (sawNaN || max === Infinity || argmax < 0) rejectFirstBad(row.logits, row.offset, row.n, where, row.temperature, row.scaled);
  row.max = max;
  row.argmax = argmax;
  row.maxResidual = row.residual === null ? 0 : row.residual[argmax];
}

/**
 * Checks logits[offset, offset + n), divides by T and shifts by the maximum, recording the rounding errors.
 * Throws SoftmaxInputError for empty input, NaN, +∞, all −∞, or an overflowing x / T.
 */
export function shiftRow(logits: ArrayLike<number>, offset: number, n: number, temperature: number, where: Locate = vectorPlace, buffers?: RowBuffers): ShiftedRow {
  const { row, running } = startRow(logits, offset, n, temperature, buffers);
  scaleRange(logits, offset, temperature, row.scaled, row.residual, 0, n, running);
  finishScale(row, running, where);
  shiftRange(row, 0, n);
  return row;
}

/** shiftRow in steps of STEP elements. */
export function* shiftRowSteps(logits: ArrayLike<number>, offset: number, n: number, temperature: number, where: Locate = vectorPlace): Steps<ShiftedRow> {
  const { row, running } = startRow(logits, offset, n, temperature);
  // The first range runs before any yield: input of up to STEP logits is checked at the first step.
  scaleRange(logits, offset, temperature, row.scaled, row.residual, 0, Math.min(n, STEP), running);
  yield* inRanges(n, (from, to) => scaleRange(logits, offset, temperature, row.scaled, row.residual, from, to, running), STEP);
  finishScale(row, running, where);
  yield* inRanges(n, (from, to) => shiftRange(row, from, to));
  return row;
}
