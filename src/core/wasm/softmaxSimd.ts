// The correctly rounded softmax on WebAssembly SIMD lanes: the fast path in the kernel (kernel.ts, softmax.wat),
// whatever Ziv's test leaves undecided settled by the TypeScript ladder. Same results as the TypeScript kernel,
// bit for bit: both are correctly rounded. A whole row at once for softmax(); in blocks of a STEP for the
// editor's stepped path, each step copying its block in and out, so nothing waits in the kernel between steps.
import { addDD, doubleDouble } from '../doubleDouble';
import { logProbabilityOf, logSumExpOf, normalizerOf, settleSteps, type Normalizer } from '../correctlyRounded';
import { FAST_EXP_ERROR, SCALE_UP } from '../fastExp';
import { roundedScaledOrNaN } from '../rounding';
import { divisionResidual, shiftErrorOf, shiftOf, type Row } from '../shift';
import { runSteps, STEP, type Steps } from '../steps';
import type { RowSum } from '../terms';
import { blockOf, copyIn, flushesOf, kernelFor, kernelSumError, load, logProbabilities, probabilities, startProbabilities, startTerms, sumOf, terms, undecidedOf, VALUES, type Block } from './kernel';

/** The kernel's Dekker products of q·T stay exact inside this range of T and of every |x / T|. */
const QUOTIENT_RANGE = [2 ** -900, 2 ** 900];
/** Rows whose every shift is above this take the plain loops: no term is tiny, no product below 2^-968 (n < 2^34). */
const PLAIN_SHIFT = -600;
/** Below this s′ the tiny terms matter, and the TypeScript path, which carries them, takes the row. */
const TINY_SUM = 2 ** -800;
/** The largest tiny term, out of the kernel's sum: e^TINY_SHIFT < 2^-959. */
const TINY_TERM = 2 ** -959;
const U2 = 2 ** -106;

/** What a SIMD row gives: its probabilities (the undecided ones approximate until settled) and what its ladder needs. */
export interface SimdSoftmax {
  row: Row;
  norm: Normalizer;
  probabilities: Float64Array;
  undecided: number[];
  /** The terms e^(d_i) as the breakdown shows them (softmaxSimdSteps). */
  exps?: Float64Array;
}

/** The row as the ladder sees it: every shift recomputed from the logits when asked. */
function rowOf(logits: ArrayLike<number>, offset: number, n: number, temperature: number, max: number, argmax: number): Row {
  const residualOf = (i: number, q: number): number => (temperature === 1 ? 0 : divisionResidual(logits[offset + i], q, temperature));
  const maxResidual = residualOf(argmax, max);
  const row: Row = {
    logits,
    offset,
    n,
    temperature,
    max,
    argmax,
    maxResidual,
    shiftAt(i, out) {
      const q = logits[offset + i] / temperature;
      return shiftOf(q, residualOf(i, q), max, maxResidual, out);
    },
    shiftError(i) {
      const q = logits[offset + i] / temperature;
      return shiftErrorOf(row, i, q, residualOf(i, q));
    },
  };
  return row;
}

/** The running maximum over blocks: the first largest x / T, and among equal quotients the largest x. */
interface Extremes {
  max: number;
  min: number;
  argmax: number;
}

/** Folds a loaded block's quotients [from, to) into the extremes; false where the kernel must decline. */
function foldBlock(block: Block, seen: { max: number; min: number; argmax: number }, logits: ArrayLike<number>, offset: number, from: number, temperature: number, e: Extremes): boolean {
  const f = block.kernel.f64;
  const n = block.entries;
  if (temperature !== 1) {
    // Exactness of the residuals: the quotients must stay inside the range of Dekker's product.
    if (!(Math.max(Math.abs(seen.max), seen.min === -Infinity ? 0 : Math.abs(seen.min)) <= QUOTIENT_RANGE[1])) return false;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(f[VALUES + i]);
      if (a < QUOTIENT_RANGE[0] && a !== 0) return false;
    }
  }
  e.min = Math.min(e.min, seen.min);
  if (seen.max < e.max || seen.argmax < 0) return true;
  if (seen.max > e.max || e.argmax < 0) {
    e.max = seen.max;
    e.argmax = from + seen.argmax;
  }
  // Equal quotients of different logits (T ≠ 1): the largest logit is the maximum, the first among equal ones.
  if (temperature !== 1) {
    for (let i = seen.argmax; i < n; i++) {
      if (f[VALUES + i] === seen.max && logits[offset + from + i] > logits[offset + e.argmax]) e.argmax = from + i;
    }
  }
  return true;
}

/** s′ and its bound from the kernel's sum over `entries` terms; undefined where the TypeScript path must take it. */
function sumOfRow(hi: number, lo: number, weighted: number, entries: number, flushes: number, careful: boolean, extraAdds: number): RowSum | undefined {
  if (!Number.isFinite(hi) || !Number.isFinite(weighted)) return undefined;
  if (careful && hi < TINY_SUM) return undefined;
  const perTerm = (FAST_EXP_ERROR + 2 * U2) * 1.001;
  const error = (perTerm + kernelSumError(flushes) + 3.01 * U2 * extraAdds) * hi + 1.01 * weighted + (careful ? entries * TINY_TERM : 0);
  return { hi, lo, scale: 0, error };
}

/** The kernel's row with its sum s′ and normalizer, the block holding the terms; undefined: use the TypeScript path. */
function sumNow(logits: ArrayLike<number>, offset: number, n: number, temperature: number, withLog: boolean): { block: Block; row: Row; norm: Normalizer; careful: boolean } | undefined {
  if (n === 0 || !(temperature >= QUOTIENT_RANGE[0] && temperature <= QUOTIENT_RANGE[1])) return undefined;
  const kernel = kernelFor(n, temperature !== 1);
  if (!kernel) return undefined;
  const block = blockOf(kernel, n, temperature);
  const seen = load(block, logits, offset, 0, temperature);
  const e: Extremes = { max: -Infinity, min: Infinity, argmax: -1 };
  if (!seen || !foldBlock(block, seen, logits, offset, 0, temperature, e) || !(e.max > -Infinity && e.max < Infinity)) return undefined;
  const row = rowOf(logits, offset, n, temperature, e.max, e.argmax);
  const careful = e.min - e.max < PLAIN_SHIFT;
  startTerms(kernel, e.max, row.maxResidual);
  const calls = terms(block, careful, e.argmax);
  const s = sumOf(kernel);
  const sum = sumOfRow(s.hi, s.lo, s.weighted, n, flushesOf(n, calls), careful, 0);
  return sum && { block, row, norm: normalizerOf(sum, withLog), careful };
}

/** What Ziv's test left undecided in a row, and what its ladder needs. */
interface Unsettled {
  row: Row;
  norm: Normalizer;
  undecided: number[];
}

/**
 * softmax of logits[offset, offset + n) / T at once into out[at, at + n), the undecided entries approximate until
 * settled; undefined: use the TypeScript path (out may be written).
 */
function softmaxSimdNow(logits: ArrayLike<number>, offset: number, n: number, temperature: number, out: Float64Array, at: number): Unsettled | undefined {
  const now = sumNow(logits, offset, n, temperature, false);
  if (!now) return undefined;
  const { block, row, norm, careful } = now;
  startProbabilities(block.kernel, norm);
  probabilities(block, careful, 0, out, at);
  const undecided = undecidedOf(block.kernel, n);
  return undecided && { row, norm, undecided };
}

const shift = doubleDouble();

/**
 * out[at + i] = log p_i for i in [from, to) of a row with T = 1 by the kernel, as logProbabilitiesRange
 * (correctlyRounded.ts) gives them, the entries still undecided pushed to `undecided`; false where that range
 * must compute them (T ≠ 1, log S scaled, no WebAssembly SIMD).
 */
export function logProbabilitiesSimdRange(row: Row, norm: Normalizer, out: Float64Array, at: number, from: number, to: number, undecided: number[]): boolean {
  if (row.temperature !== 1 || norm.lScale !== 0 || !(norm.lBound >= 0)) return false;
  const kernel = kernelFor(to - from, false);
  if (!kernel) return false;
  const block = blockOf(kernel, to - from, 1);
  copyIn(block, row.logits, row.offset + from);
  startTerms(kernel, row.max, 0);
  logProbabilities(block, norm, from);
  const left = undecidedOf(kernel, to);
  if (!left) return false;
  out.set(kernel.f64.subarray(VALUES, VALUES + (to - from)), at + from);
  // The kernel's test is the quick one; the three-part test's rule at midpoints, then the ladder, for the rest.
  for (const i of left) {
    row.shiftAt(i, shift);
    const v = logProbabilityOf(row, i, norm, shift.hi, shift.lo);
    if (v === v) {
      out[at + i] = v;
    } else {
      out[at + i] = shift.hi - norm.lh;
      undecided.push(i);
    }
  }
  return true;
}

/**
 * log softmax(logits), correctly rounded, as a new array; undefined where the TypeScript path must answer (as
 * softmaxSimd, and for T ≠ 1).
 */
export function logSoftmaxSimd(logits: ArrayLike<number>, temperature = 1): Float64Array | undefined {
  if (temperature !== 1) return undefined;
  const n = logits.length;
  const now = sumNow(logits, 0, n, 1, true);
  if (!now) return undefined;
  const out = new Float64Array(n);
  const undecided: number[] = [];
  if (!logProbabilitiesSimdRange(now.row, now.norm, out, 0, 0, n, undecided)) return undefined;
  if (undecided.length > 0) runSteps(settleSteps(now.row, now.norm, { logProbabilities: { indices: undecided, out, at: 0 } }));
  return out;
}

/** log Σ exp(x_i / T), correctly rounded, from the kernel's sum; undefined where the TypeScript path must answer (as softmaxSimd). */
export function logSumExpSimd(logits: ArrayLike<number>, temperature = 1): number | undefined {
  const now = sumNow(logits, 0, logits.length, temperature, true);
  if (!now) return undefined;
  const result = { value: logSumExpOf(now.row, now.norm) };
  if (result.value !== result.value) runSteps(settleSteps(now.row, now.norm, { logSumExp: result }));
  return result.value;
}

/** Settles what Ziv's test left undecided, writing into out from `at`. */
function settleInto(result: Unsettled, out: Float64Array, at: number): void {
  if (result.undecided.length === 0) return;
  runSteps(settleSteps(result.row, result.norm, { probabilities: { indices: result.undecided, out, at } }));
}

/**
 * softmax(logits / temperature), correctly rounded, as a new array; undefined when WebAssembly SIMD is
 * unavailable or the input needs the TypeScript path: bad input (its error is named there), T or some |x / T|
 * beyond 2^±900, or every term but the maximum's below e^-550. The kernel is compiled on the first call.
 */
export function softmaxSimd(logits: ArrayLike<number>, temperature = 1): Float64Array | undefined {
  const out = new Float64Array(logits.length);
  const result = softmaxSimdNow(logits, 0, logits.length, temperature, out, 0);
  if (!result) return undefined;
  settleInto(result, out, 0);
  return out;
}

/**
 * As softmaxSimd for the row values[offset, offset + length) of a row-major matrix, written to
 * out[offset, offset + length); false where softmaxSimd would give undefined (that part of out then undefined).
 */
export function softmaxSimdInto(values: ArrayLike<number>, offset: number, length: number, temperature: number, out: Float64Array): boolean {
  const result = softmaxSimdNow(values, offset, length, temperature, out, offset);
  if (!result) return false;
  settleInto(result, out, offset);
  return true;
}

/**
 * softmax of logits[offset, offset + n) / T in steps of a STEP of entries, with the terms shown beside it and log S
 * (the breakdown), or undefined where the TypeScript path must answer (as softmaxSimd). Each step loads its block
 * into the kernel and takes its results out: other computations may use the kernel between steps.
 */
export function* softmaxSimdSteps(logits: ArrayLike<number>, offset: number, n: number, temperature: number): Steps<SimdSoftmax | undefined> {
  if (n === 0 || !(temperature >= QUOTIENT_RANGE[0] && temperature <= QUOTIENT_RANGE[1])) return undefined;
  const blockFor = (from: number, to: number): Block | undefined => {
    const kernel = kernelFor(to - from, temperature !== 1);
    return kernel && blockOf(kernel, to - from, temperature);
  };
  // Pass 1: the maximum.
  const e: Extremes = { max: -Infinity, min: Infinity, argmax: -1 };
  for (let from = 0; from < n; from += STEP) {
    yield;
    const to = Math.min(n, from + STEP);
    const block = blockFor(from, to);
    const seen = block && load(block, logits, offset, from, temperature);
    if (!block || !seen || !foldBlock(block, seen, logits, offset, from, temperature, e)) return undefined;
  }
  if (!(e.max > -Infinity && e.max < Infinity)) return undefined;
  const row = rowOf(logits, offset, n, temperature, e.max, e.argmax);
  const careful = e.min - e.max < PLAIN_SHIFT;
  // Pass 2: the terms, kept out here (with each entry's shift error bound, T ≠ 1) for pass 3.
  const hi = new Float64Array(n);
  const lo = new Float64Array(n);
  const bounds = temperature === 1 ? undefined : new Float64Array(n);
  const exps = new Float64Array(n);
  const total = doubleDouble();
  const part = doubleDouble();
  let weighted = 0;
  let flushes = 0;
  let blocks = 0;
  for (let from = 0; from < n; from += STEP) {
    yield;
    const to = Math.min(n, from + STEP);
    const block = blockFor(from, to);
    if (!block || !load(block, logits, offset, from, temperature)) return undefined;
    const { kernel } = block;
    startTerms(kernel, e.max, row.maxResidual);
    const masked = e.argmax >= from && e.argmax < to ? e.argmax - from : -1;
    flushes += flushesOf(to - from, terms(block, careful, masked));
    const s = sumOf(kernel);
    part.hi = s.hi + s.lo;
    part.lo = s.lo - (part.hi - s.hi);
    addDD(total, part, total);
    weighted += s.weighted;
    blocks++;
    hi.set(kernel.f64.subarray(VALUES, VALUES + (to - from)), from);
    lo.set(kernel.f64.subarray(VALUES + (block.lo >> 3), VALUES + (block.lo >> 3) + (to - from)), from);
    // The terms as shown, while the block is still in the cache: hi + lo to the nearest double, tiny ones (stored
    // negated, scaled up) scaled back.
    const f = kernel.f64;
    const l = VALUES + (block.lo >> 3);
    for (let i = 0; i < to - from; i++) {
      const h = f[VALUES + i];
      exps[from + i] = h < 0 ? (f[l + i] - h) * 2 ** -SCALE_UP : h + f[l + i];
    }
    if (bounds) bounds.set(kernel.f64.subarray(VALUES + (block.residuals >> 3), VALUES + (block.residuals >> 3) + (to - from)), from);
  }
  const sum = sumOfRow(total.hi, total.lo, weighted, n, flushes, careful, blocks);
  if (!sum) return undefined;
  const norm = normalizerOf(sum, true);
  // Pass 3: the probabilities, block by block from the terms.
  const p = new Float64Array(n);
  const undecided: number[] = [];
  for (let from = 0; from < n; from += STEP) {
    yield;
    const to = Math.min(n, from + STEP);
    const block = blockFor(from, to);
    if (!block) return undefined;
    const { kernel } = block;
    const f = kernel.f64;
    f.set(hi.subarray(from, to), VALUES);
    f.set(lo.subarray(from, to), VALUES + (block.lo >> 3));
    if (bounds) f.set(bounds.subarray(from, to), VALUES + (block.residuals >> 3));
    if ((to - from) & 1) {
      f[VALUES + (to - from)] = f[VALUES + (block.lo >> 3) + (to - from)] = 0;
      if (bounds) f[VALUES + (block.residuals >> 3) + (to - from)] = 0;
    }
    startProbabilities(kernel, norm);
    probabilities(block, careful, from, p, from);
    const left = undecidedOf(kernel, n);
    if (!left) return undefined;
    undecided.push(...left);
  }
  return { row, norm, probabilities: p, undecided, exps };
}

const term = doubleDouble();

/** e^x for every x ≤ 0 through the kernel's exp, rounded to double once; undefined without WebAssembly SIMD. */
export function expSimd(xs: ArrayLike<number>): Float64Array | undefined {
  const n = xs.length;
  for (let i = 0; i < n; i++) if (!(xs[i] <= 0)) return undefined;
  const kernel = kernelFor(n, false);
  if (!kernel) return undefined;
  const block = blockOf(kernel, n, 1);
  load(block, xs, 0, 0, 1);
  startTerms(kernel, 0, 0);
  terms(block, true, -1);
  const f = kernel.f64;
  const lo = VALUES + (block.lo >> 3);
  return Float64Array.from({ length: n }, (_, i) => {
    const tiny = f[VALUES + i] < 0;
    term.hi = tiny ? -f[VALUES + i] : f[VALUES + i];
    term.lo = f[lo + i];
    const v = roundedScaledOrNaN(term.hi, term.lo, 0, tiny ? -SCALE_UP : 0);
    return v === v ? v : term.hi * (tiny ? 2 ** -SCALE_UP : 1);
  });
}
