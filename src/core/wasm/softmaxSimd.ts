// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- every program reaching this file needs the .wat typing
/// <reference path="./wat.d.ts" />
// The correctly rounded softmax on WebAssembly SIMD lanes (softmax.wat): the fast path in the kernel, in ranges
// so the editor's stepped path can use it too, and whatever Ziv's test leaves undecided settled by the
// TypeScript ladder. Same results as the TypeScript kernel, bit for bit: both are correctly rounded.
import kernelBytes from './softmax.wat';
import { normalizerOf, settleSteps, type Normalizer } from '../correctlyRounded';
import { doubleDouble } from '../doubleDouble';
import { SPLITTER } from '../errorFree';
import { INV_FACTORIAL, INV_LN2_4096, LN2_4096 } from '../expTable';
import { exp2Table, FAST_EXP_ERROR, SCALE_UP, TINY_SHIFT, UNDERFLOW_SHIFT } from '../fastExp';
import { roundedScaledOrNaN } from '../rounding';
import { divisionResidual, shiftErrorOf, shiftOf, type Row } from '../shift';
import { inRanges, runSteps, type Steps } from '../steps';
import type { RowSum } from '../terms';

/** The slice of the WebAssembly API used here; absent or throwing (no SIMD, a CSP without wasm) means "use TS". */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  range(start: number, end: number): number;
  divide(start: number, end: number, temperature: number, residuals: number): void;
  terms(start: number, end: number, lo: number, residuals: number, careful: number): void;
  termsPlain(start: number, end: number, lo: number, residuals: number, careful: number): void;
  termsCareful(start: number, end: number, lo: number, residuals: number, careful: number): void;
  probabilities(start: number, end: number, lo: number, residuals: number, first: number, small: number): void;
  probabilitiesPlain(start: number, end: number, lo: number, residuals: number, first: number, small: number): void;
  probabilitiesCareful(start: number, end: number, lo: number, residuals: number, first: number, small: number): void;
}

/** The kernel's exports with views of its whole memory, renewed when the memory grows (which detaches them). */
interface Kernel extends Exports {
  f64: Float64Array;
  i32: Int32Array;
}

function refreshViews(kernel: Kernel): void {
  if (kernel.f64.buffer !== kernel.memory.buffer) {
    kernel.f64 = new Float64Array(kernel.memory.buffer);
    kernel.i32 = new Int32Array(kernel.memory.buffer);
  }
}

const CONSTANTS = 131072;
const CALL = 131584;
const RESULTS = 131840;
const UNDECIDED = 132096;
/** Undecided entries the kernel records; past this many (never seen) the TypeScript path takes the row. */
const UNDECIDED_MAX = 1024;
/** The row's values start here; their low parts and residuals follow, each in an array of the row's size. */
const DATA = 139264;
const PAGE_BYTES = 65536;
/** A kernel with more memory than this is held only weakly, so the garbage collector can take a huge array's memory back. */
const KEPT_MEMORY_BYTES = 32 * 1024 * 1024;
/** Dekker's product q·T in the kernel stays exact inside this range of T and of every |x / T|. */
const QUOTIENT_RANGE = [2 ** -900, 2 ** 900];
const U2 = 2 ** -106;
/** The largest tiny term, out of the kernel's sum: e^TINY_SHIFT < 2^-959. */
const TINY_TERM = 2 ** -959;
/** Rows whose every shift is above this take the plain loops (see prepare). */
const PLAIN_SHIFT = -600;
/** Below this s′ the tiny terms matter, and the TypeScript path, which carries them, takes the row. */
const TINY_SUM = 2 ** -800;

let compiled: object | null | undefined;
let kept: Kernel | undefined;
/** Kernels of finished stepped computations, free for the next one. */
const idle: Kernel[] = [];
/** Fresh memory costs about as much as the whole softmax (page faults), so a large one is reused while it lives. */
let large: WeakRef<Kernel> | undefined;

/** Writes v into both lanes of the f64x2 at byte `at`. */
function splat(kernel: Kernel, at: number, v: number): void {
  kernel.f64[at >> 3] = kernel.f64[(at >> 3) + 1] = v;
}

function splatBits(kernel: Kernel, at: number, v: bigint): void {
  const f = new BigInt64Array(kernel.memory.buffer, at, 2);
  f[0] = f[1] = v;
}

function instantiate(): Kernel | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    if (compiled === undefined) compiled = wasm ? new wasm.Module(kernelBytes) : null;
    if (!compiled || !wasm) return undefined;
    const exports = new wasm.Instance(compiled, {}).exports as Exports;
    const kernel: Kernel = Object.assign(Object.create(null) as object, exports, {
      f64: new Float64Array(exports.memory.buffer),
      i32: new Int32Array(exports.memory.buffer),
    }) as Kernel;
    const table = exp2Table();
    for (let j = 0; j < 4096; j++) {
      kernel.f64[2 * j] = table[4 * j];
      kernel.f64[2 * j + 1] = table[4 * j + 1];
    }
    const values = [1.5 * 2 ** 52, INV_LN2_4096, LN2_4096[0], LN2_4096[1], LN2_4096[2], INV_FACTORIAL[3], INV_FACTORIAL[4], INV_FACTORIAL[5], SPLITTER, 0.5, TINY_SHIFT, UNDERFLOW_SHIFT];
    values.forEach((v, k) => splat(kernel, CONSTANTS + 16 * k, v));
    splatBits(kernel, CONSTANTS + 192, 0x3ffn << 52n);
    splatBits(kernel, CONSTANTS + 208, -(1n << 52n));
    splatBits(kernel, CONSTANTS + 224, BigInt(SCALE_UP) << 52n);
    splatBits(kernel, CONSTANTS + 240, -(1n << 63n));
    [2 ** -44, 2 ** -51, 2 ** -105, 2 ** -968, -1000].forEach((v, k) => splat(kernel, CONSTANTS + 256 + 16 * k, v));
    [2 ** SCALE_UP, 2 ** -SCALE_UP, 1, 2 ** -1021].forEach((v, k) => splat(kernel, CALL + 112 + 16 * k, v));
    return kernel;
  } catch {
    compiled = null;
    return undefined;
  }
}

/**
 * A kernel with at least `bytes` of memory. A computation that yields between its steps gets one of its own
 * (`own`): other calls may run meanwhile, and the editor drops unwanted computations without a word.
 */
function kernelWithMemory(bytes: number, own = false): Kernel | undefined {
  let kernel = own ? idle.pop() : bytes <= KEPT_MEMORY_BYTES ? (kept ??= instantiate()) : large?.deref();
  if (!kernel) {
    kernel = instantiate();
    if (!kernel) return undefined;
    if (!own) large = new WeakRef(kernel);
  }
  const missing = Math.ceil((bytes - kernel.memory.buffer.byteLength) / PAGE_BYTES);
  try {
    if (missing > 0) kernel.memory.grow(missing);
  } catch {
    return undefined;
  }
  refreshViews(kernel);
  return kernel;
}

/** Gives a finished stepped computation's kernel back (a few small ones are kept). */
function release(kernel: Kernel): void {
  if (idle.length < 2 && kernel.memory.buffer.byteLength <= KEPT_MEMORY_BYTES) idle.push(kernel);
}

/** A row in the kernel's memory, as the ladder sees it (its shifts recomputed from the logits when asked). */
interface KernelRow extends Row {
  kernel: Kernel;
  /** Byte offsets of the values (then terms, then probabilities), their low parts and the residuals (0: T = 1). */
  x: number;
  lo: number;
  residuals: number;
  padded: number;
  careful: boolean;
}

function rowView(kernel: Kernel, at: number, n: number): Float64Array {
  return new Float64Array(kernel.memory.buffer, at, n);
}

/**
 * Copies logits[offset, offset + n) into the kernel, divides by T and finds the exact maximum; undefined where
 * the TypeScript path must answer: no WebAssembly, bad input (its error is named there), or a row out of the
 * kernel's range (T or some |x / T| beyond 2^±900).
 */
function prepare(logits: ArrayLike<number>, offset: number, n: number, temperature: number, own: boolean): KernelRow | undefined {
  if (n === 0 || !(temperature >= QUOTIENT_RANGE[0] && temperature <= QUOTIENT_RANGE[1])) return undefined;
  const padded = n + (n & 1);
  const bytes = padded * 8;
  const residuals = temperature === 1 ? 0 : 2 * bytes;
  const kernel = kernelWithMemory(DATA + (residuals ? 3 : 2) * bytes, own);
  if (!kernel) return undefined;
  const x = rowView(kernel, DATA, padded);
  if (offset === 0 && n === logits.length) {
    x.set(logits);
  } else if (ArrayBuffer.isView(logits)) {
    x.set((logits as unknown as Float64Array).subarray(offset, offset + n));
  } else {
    for (let i = 0; i < n; i++) x[i] = logits[offset + i];
  }
  if (padded > n) x[n] = -Infinity;
  if (residuals) kernel.divide(DATA, DATA + bytes, temperature, residuals);
  // The range of the row's own values: an odd row's last one (beside its padding) apart.
  const even = n - (n & 1);
  let max = even > 0 ? kernel.range(DATA, DATA + even * 8) : -Infinity;
  let min = even > 0 ? kernel.f64[(RESULTS + 32) >> 3] : Infinity;
  if (n & 1) {
    const last = x[n - 1];
    if (last !== last) return undefined;
    max = Math.max(max, last);
    min = Math.min(min, last);
  }
  if (!(max < Infinity) || max === -Infinity) return undefined;
  if (residuals && !(Math.max(Math.abs(max), Math.abs(min === -Infinity ? max : min)) <= QUOTIENT_RANGE[1])) return undefined;
  // The exact maximum: the first largest x / T, and among equal quotients the largest x.
  let argmax = x.indexOf(max);
  if (residuals && x.lastIndexOf(max) !== argmax) {
    for (let i = argmax + 1; i < n; i++) if (x[i] === max && logits[offset + i] > logits[offset + argmax]) argmax = i;
  }
  const res = residuals ? rowView(kernel, DATA + residuals, padded) : undefined;
  const maxResidual = res ? res[argmax] : 0;
  // Exactness of the residuals: the product q·T must not underflow either.
  if (res) {
    for (let i = 0; i < n; i++) {
      const a = Math.abs(x[i]);
      if (a < QUOTIENT_RANGE[0] && a !== 0) return undefined;
    }
  }
  const row: KernelRow = {
    kernel,
    logits,
    offset,
    n,
    temperature,
    max,
    argmax,
    maxResidual,
    x: DATA,
    lo: bytes,
    residuals,
    padded,
    // Without a shift below −600 no term is tiny and no product below 2^-900 (for n < 2^34).
    careful: min - max < PLAIN_SHIFT,
    shiftAt(i, out) {
      const q = logits[offset + i] / temperature;
      return shiftOf(q, temperature === 1 ? 0 : divisionResidual(logits[offset + i], q, temperature), max, maxResidual, out);
    },
    shiftError(i) {
      const q = logits[offset + i] / temperature;
      return shiftErrorOf(row, i, q, temperature === 1 ? 0 : divisionResidual(logits[offset + i], q, temperature));
    },
  };
  return row;
}

/**
 * Relative error bound of the kernel's sum after `flushes` block flushes: each lane sums 32 terms by TwoSum
 * from zero, terms whose low part is not renormalized (|lo| ≤ λ hi, λ = 2^-41), so within a block
 * u²(B + B²/2) + uλ(B + 1) of the block's sum (B = 32, u = 2^-53), and each flush adds 3u² of the running sum.
 */
function kernelSumError(flushes: number): number {
  const B = 32;
  return 1.01 * (U2 * (B + (B * B) / 2) + 2 ** -53 * 2 ** -41 * (B + 1) + 3 * U2 * flushes);
}

/** Pairs per step of the kernel's passes (a STEP of elements). */
const PAIRS_PER_STEP = 1 << 15;

/** A range of pairs for the terms pass, [from, to), and whether it needs the careful loop. */
type PairRange = [number, number, boolean];

/**
 * Sets up the terms pass and returns its ranges: the maximum's pair runs apart, its own entry masked (its term
 * is exactly 1, not part of s′), and an odd row's last pair with its padding, both carefully.
 */
function startTerms(row: KernelRow): PairRange[] {
  const { kernel, x: base, n, padded, argmax } = row;
  splat(kernel, CALL, row.max);
  splat(kernel, CALL + 16, row.maxResidual);
  kernel.f64.fill(0, RESULTS >> 3, (RESULTS >> 3) + 3);
  kernel.f64[(base >> 3) + argmax] = -Infinity;
  const pairOfMax = argmax >> 1;
  const lastPair = n & 1 ? n >> 1 : -1;
  const ranges: PairRange[] = [];
  let start = 0;
  for (const p of lastPair > pairOfMax ? [pairOfMax, lastPair] : lastPair >= 0 && lastPair < pairOfMax ? [lastPair, pairOfMax] : [pairOfMax]) {
    if (start < p) ranges.push([start, p, row.careful]);
    ranges.push([p, p + 1, true]);
    start = p + 1;
  }
  if (start < padded >> 1) ranges.push([start, padded >> 1, row.careful]);
  return ranges;
}

/** The terms pass over pairs [from, to), by the loop made for the case (T = 1 or not, tiny terms or not). */
function termsOver(row: KernelRow, from: number, to: number, careful: boolean): void {
  const { kernel, x: base, lo, residuals } = row;
  if (residuals !== 0) kernel.terms(base + 16 * from, base + 16 * to, lo, residuals, careful ? 1 : 0);
  else if (careful) kernel.termsCareful(base + 16 * from, base + 16 * to, lo, 0, 1);
  else kernel.termsPlain(base + 16 * from, base + 16 * to, lo, 0, 0);
}

/** s′ with its bound once the terms pass is done (`calls`: how many kernel calls it took); undefined: use TS. */
function finishTerms(row: KernelRow, calls: number): RowSum | undefined {
  const { kernel, x: base, lo, n, padded, argmax } = row;
  const f = kernel.f64;
  const r = RESULTS >> 3;
  const hi = f[r];
  if (!Number.isFinite(hi) || !Number.isFinite(f[r + 2])) return undefined;
  if (row.careful && hi < TINY_SUM) return undefined;
  f[(base >> 3) + argmax] = 1;
  f[((base + lo) >> 3) + argmax] = 0;
  // Blocks flushed: every 32 pairs, and each call's last (partial) one, for both lanes.
  const flushes = 2 * (Math.ceil(padded / 64) + calls);
  const perTerm = (FAST_EXP_ERROR + 2 * U2) * 1.001;
  const error = (perTerm + kernelSumError(flushes)) * hi + 1.01 * f[r + 2] + (row.careful ? n * TINY_TERM : 0);
  return { hi, lo: f[r + 1], scale: 0, error };
}

/** The terms pass at once: e^(d_i) in the kernel's memory, and s′ with its bound. */
function terms(row: KernelRow): RowSum | undefined {
  const ranges = startTerms(row);
  for (const [from, to, careful] of ranges) termsOver(row, from, to, careful);
  return finishTerms(row, ranges.length);
}

/** terms() in steps of PAIRS_PER_STEP pairs. */
function* termsSteps(row: KernelRow): Steps<RowSum | undefined> {
  let calls = 0;
  for (const [from, to, careful] of startTerms(row)) {
    for (let p = from; p < to; p += PAIRS_PER_STEP) {
      yield;
      termsOver(row, p, Math.min(to, p + PAIRS_PER_STEP), careful);
      calls++;
    }
  }
  return finishTerms(row, calls);
}

/** Writes 1/S and the test's bound for the probabilities pass. */
function startProbabilities(row: KernelRow, norm: Normalizer): void {
  const { kernel } = row;
  splat(kernel, CALL + 32, norm.rh);
  splat(kernel, CALL + 48, norm.rl);
  // Ziv's test inline in the kernel carries no slack of its own: the roundings of pl ± bound, with pl up to
  // 2^-41 p (the terms are not renormalized), stay below 2^-93 p.
  splat(kernel, CALL + 64, FAST_EXP_ERROR + norm.rBound / norm.rh + 8 * U2 + 2 ** -92);
  const c = SPLITTER * norm.rh;
  const high = c - (c - norm.rh);
  splat(kernel, CALL + 80, high);
  splat(kernel, CALL + 96, norm.rh - high);
  kernel.i32[(RESULTS + 24) >> 2] = 0;
}

/** The probabilities pass over pairs [from, to), in place, by the loop made for the case. */
function probabilitiesOver(row: KernelRow, from: number, to: number): void {
  const { kernel, x: base, lo, residuals } = row;
  if (residuals !== 0) kernel.probabilities(base + 16 * from, base + 16 * to, lo, residuals, 2 * from, row.careful ? 1 : 0);
  else if (row.careful) kernel.probabilitiesCareful(base + 16 * from, base + 16 * to, lo, 0, 2 * from, 1);
  else kernel.probabilitiesPlain(base + 16 * from, base + 16 * to, lo, 0, 2 * from, 0);
}

/** The undecided entries after the probabilities pass (undefined: too many to list, use TS). */
function finishProbabilities(row: KernelRow): number[] | undefined {
  const { kernel } = row;
  const count = kernel.i32[(RESULTS + 24) >> 2];
  if (count > UNDECIDED_MAX) return undefined;
  const undecided: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = kernel.i32[(UNDECIDED >> 2) + k];
    if (i < row.n) undecided.push(i);
  }
  return undecided;
}

/** What a SIMD row gives: its probabilities, and what its ladder needs. */
export interface SimdSoftmax {
  row: Row;
  norm: Normalizer;
  /** The undecided entries hold approximations until settled. */
  probabilities: Float64Array;
  undecided: number[];
  /** The exps e^(d_i) as the breakdown shows them, when asked for. */
  exps?: Float64Array;
}

/**
 * softmax of logits[offset, offset + n) / T on the kernel, in steps, or undefined where the TypeScript path
 * must answer (see prepare). With `exps` (the breakdown), the terms are copied out before they become
 * probabilities, log S is computed too, the kernel is the computation's own (see kernelWithMemory) and the
 * probabilities come out in a new array; without, they are a view of the kernel's memory.
 */
export function* softmaxSimdSteps(logits: ArrayLike<number>, offset: number, n: number, temperature: number, exps = false): Steps<SimdSoftmax | undefined> {
  const row = prepare(logits, offset, n, temperature, exps);
  if (!row) return undefined;
  const result = yield* simdSteps(row, exps);
  // The computation's own kernel goes back for the next one only once its numbers are out (not if it is dropped).
  if (exps) release(row.kernel);
  return result;
}

function* simdSteps(row: KernelRow, exps: boolean): Steps<SimdSoftmax | undefined> {
  const { n } = row;
  const sum = yield* termsSteps(row);
  if (!sum) return undefined;
  const norm = normalizerOf(sum, exps);
  let shown: Float64Array | undefined;
  if (exps) {
    const terms = rowView(row.kernel, row.x, n);
    const low = rowView(row.kernel, row.x + row.lo, n);
    const out = (shown = new Float64Array(n));
    // hi + lo, to the nearest double; tiny terms (stored negated, scaled up) scaled back.
    yield* inRanges(n, (from, to) => {
      for (let i = from; i < to; i++) {
        const h = terms[i];
        out[i] = h < 0 ? (low[i] - h) * 2 ** -SCALE_UP : h + low[i];
      }
    });
  }
  startProbabilities(row, norm);
  yield* inRanges(row.padded >> 1, (from, to) => probabilitiesOver(row, from, to), 0, PAIRS_PER_STEP);
  const undecided = finishProbabilities(row);
  if (!undecided) return undefined;
  let probabilities = rowView(row.kernel, row.x, n);
  if (exps) {
    const fast = probabilities;
    const out = (probabilities = new Float64Array(n));
    yield* inRanges(n, (from, to) => out.set(fast.subarray(from, to), from));
  }
  return { row, norm, probabilities, undecided, exps: shown };
}

/** softmaxSimdSteps without exps, at once (no generator: a matrix has many rows). */
function softmaxSimdNow(logits: ArrayLike<number>, offset: number, n: number, temperature: number): SimdSoftmax | undefined {
  const row = prepare(logits, offset, n, temperature, false);
  if (!row) return undefined;
  const sum = terms(row);
  if (!sum) return undefined;
  const norm = normalizerOf(sum, false);
  startProbabilities(row, norm);
  probabilitiesOver(row, 0, row.padded >> 1);
  const undecided = finishProbabilities(row);
  if (!undecided) return undefined;
  return { row, norm, probabilities: rowView(row.kernel, row.x, n), undecided };
}

/** Settles what Ziv's test left undecided, writing into out from `at`. */
function settleInto(result: SimdSoftmax, out: Float64Array, at: number): void {
  if (result.undecided.length === 0) return;
  runSteps(settleSteps(result.row, result.norm, { probabilities: { indices: result.undecided, out, at } }));
}

/**
 * softmax(logits / temperature), correctly rounded, as a new array; undefined when WebAssembly SIMD is
 * unavailable or the input needs the TypeScript path (see prepare). The kernel is compiled on the first call.
 */
export function softmaxSimd(logits: ArrayLike<number>, temperature = 1): Float64Array | undefined {
  const result = softmaxSimdNow(logits, 0, logits.length, temperature);
  if (!result) return undefined;
  const out = result.probabilities.slice();
  settleInto(result, out, 0);
  return out;
}

/**
 * As softmaxSimd for the row values[offset, offset + length) of a row-major matrix, written to
 * out[offset, offset + length); false where softmaxSimd would give undefined.
 */
export function softmaxSimdInto(values: ArrayLike<number>, offset: number, length: number, temperature: number, out: Float64Array): boolean {
  const result = softmaxSimdNow(values, offset, length, temperature);
  if (!result) return false;
  out.set(result.probabilities, offset);
  settleInto(result, out, offset);
  return true;
}

const term = doubleDouble();

/** e^x for every x ≤ 0 through the kernel's exp, rounded to double once; undefined without WebAssembly SIMD. */
export function expSimd(xs: ArrayLike<number>): Float64Array | undefined {
  const n = xs.length;
  const padded = n + (n & 1);
  const kernel = kernelWithMemory(DATA + 2 * padded * 8);
  if (!kernel) return undefined;
  for (let i = 0; i < n; i++) if (!(xs[i] <= 0)) return undefined;
  const x = rowView(kernel, DATA, padded);
  x.set(xs);
  if (n & 1) x[n] = -Infinity;
  splat(kernel, CALL, 0);
  splat(kernel, CALL + 16, 0);
  kernel.terms(DATA, DATA + padded * 8, padded * 8, 0, 1);
  const lo = rowView(kernel, DATA + padded * 8, padded);
  return Float64Array.from({ length: n }, (_, i) => {
    const tiny = x[i] < 0;
    term.hi = tiny ? -x[i] : x[i];
    term.lo = lo[i];
    const v = roundedScaledOrNaN(term.hi, term.lo, 0, tiny ? -SCALE_UP : 0);
    return v === v ? v : term.hi * (tiny ? 2 ** -SCALE_UP : 1);
  });
}

