// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- every program reaching this file needs the .wat typing
/// <reference path="./wat.d.ts" />
// The SIMD kernel (softmax.wat) as the rest of the core uses it: one instance kept, its memory grown for the
// block of entries at hand, the shared table and constants written once, and the passes over a block.
import kernelBytes from './softmax.wat';
import type { Normalizer } from '../correctlyRounded';
import { SPLITTER } from '../errorFree';
import { INV_FACTORIAL, INV_LN2_4096, LN2_4096 } from '../expTable';
import { exp2Table, FAST_EXP_ERROR, SCALE_UP, TINY_SHIFT, UNDERFLOW_SHIFT } from '../fastExp';

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
  logProbabilities(start: number, end: number, first: number, lh: number, ll: number, lBound: number): void;
}

/** The kernel's exports with views of its whole memory, renewed when the memory grows (which detaches them). */
export interface Kernel extends Exports {
  f64: Float64Array;
  i32: Int32Array;
}

const CONSTANTS = 131072;
const CALL = 131584;
const RESULTS = 131840;
const UNDECIDED = 132096;
/** Undecided entries the kernel records; past this many (never seen) the TypeScript path takes the row. */
const UNDECIDED_MAX = 1024;
/** A block's values start here; their low parts and residuals follow, each in an array of the block's size. */
export const DATA = 139264;
const PAGE_BYTES = 65536;
/** A kernel with more memory than this is held only weakly, so the garbage collector can take a huge array's memory back. */
const KEPT_MEMORY_BYTES = 32 * 1024 * 1024;
const U2 = 2 ** -106;

let compiled: object | null | undefined;
let kept: Kernel | undefined;
/** Fresh memory costs about as much as the whole softmax (page faults), so a large one is reused while it lives. */
let large: WeakRef<Kernel> | undefined;

/** Writes v into both lanes of the f64x2 at byte `at`. */
function splat(kernel: Kernel, at: number, v: number): void {
  kernel.f64[at >> 3] = kernel.f64[(at >> 3) + 1] = v;
}

function instantiate(): Kernel | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    if (compiled === undefined) compiled = wasm ? new wasm.Module(kernelBytes) : null;
    if (!compiled || !wasm) return undefined;
    const exports = new wasm.Instance(compiled, {}).exports as Exports;
    const kernel = Object.assign(Object.create(null) as object, exports, {
      f64: new Float64Array(exports.memory.buffer),
      i32: new Int32Array(exports.memory.buffer),
    }) as Kernel;
    // The table and constants of fastExp.ts, so both kernels compute with the same numbers.
    const table = exp2Table();
    for (let j = 0; j < 4096; j++) {
      kernel.f64[2 * j] = table[4 * j];
      kernel.f64[2 * j + 1] = table[4 * j + 1];
    }
    const values = [1.5 * 2 ** 52, INV_LN2_4096, LN2_4096[0], LN2_4096[1], LN2_4096[2], INV_FACTORIAL[3], INV_FACTORIAL[4], INV_FACTORIAL[5], SPLITTER, 0.5, TINY_SHIFT, UNDERFLOW_SHIFT];
    values.forEach((v, k) => splat(kernel, CONSTANTS + 16 * k, v));
    const bits = new BigInt64Array(exports.memory.buffer, CONSTANTS + 192, 8);
    [0x3ffn << 52n, -(1n << 52n), BigInt(SCALE_UP) << 52n, -(1n << 63n)].forEach((v, k) => (bits[2 * k] = bits[2 * k + 1] = v));
    [2 ** -44, 2 ** -51, 2 ** -105, 2 ** -968, -1000].forEach((v, k) => splat(kernel, CONSTANTS + 256 + 16 * k, v));
    [2 ** SCALE_UP, 2 ** -SCALE_UP, 1, 2 ** -1021].forEach((v, k) => splat(kernel, CALL + 112 + 16 * k, v));
    return kernel;
  } catch {
    compiled = null;
    return undefined;
  }
}

/** The kernel, with memory for a block of `entries` (and their residuals), or undefined without WebAssembly SIMD. */
export function kernelFor(entries: number, residuals: boolean): Kernel | undefined {
  const bytes = DATA + (residuals ? 3 : 2) * padded(entries) * 8;
  let kernel = bytes <= KEPT_MEMORY_BYTES ? (kept ??= instantiate()) : large?.deref();
  if (!kernel) {
    kernel = instantiate();
    if (!kernel) return undefined;
    large = new WeakRef(kernel);
  }
  const missing = Math.ceil((bytes - kernel.memory.buffer.byteLength) / PAGE_BYTES);
  try {
    if (missing > 0) kernel.memory.grow(missing);
  } catch {
    return undefined;
  }
  if (kernel.f64.buffer !== kernel.memory.buffer) {
    kernel.f64 = new Float64Array(kernel.memory.buffer);
    kernel.i32 = new Int32Array(kernel.memory.buffer);
  }
  return kernel;
}

/** Entries rounded up to whole pairs of lanes. */
export function padded(entries: number): number {
  return entries + (entries & 1);
}

/** Where a block's values (then terms, then probabilities), low parts and residuals are, as f64 indices. */
export interface Block {
  kernel: Kernel;
  entries: number;
  /** Byte offsets from DATA of the low parts and of the residuals (0: T = 1). */
  lo: number;
  residuals: number;
}

export function blockOf(kernel: Kernel, entries: number, temperature: number): Block {
  const bytes = padded(entries) * 8;
  return { kernel, entries, lo: bytes, residuals: temperature === 1 ? 0 : 2 * bytes };
}

/**
 * Entries per piece of a pass that touches each entry twice: small enough (128 KB of values) that the second
 * touch finds them in the cache, not in memory.
 */
export const PIECE = 16384;

/** Copies logits[start + from, start + to) into a block's entries [from, to), an odd block's padding −∞. */
function copyPiece(block: Block, logits: ArrayLike<number>, start: number, from: number, to: number): void {
  const { kernel, entries } = block;
  const at = (DATA >> 3) + from;
  const f = kernel.f64;
  if (ArrayBuffer.isView(logits)) f.set((logits as unknown as Float64Array).subarray(start + from, start + to), at);
  else for (let i = 0; i < to - from; i++) f[at + i] = logits[start + from + i];
  if (to === entries && entries & 1) f[(DATA >> 3) + entries] = -Infinity;
}

/** Copies logits[start, start + entries) into a block, an odd block's padding −∞. */
export function copyIn(block: Block, logits: ArrayLike<number>, start: number): void {
  copyPiece(block, logits, start, 0, block.entries);
}

/**
 * Copies logits[offset + from, offset + from + entries) into a block, divides by T (residuals beside), and returns
 * the largest and smallest quotient of its own entries and the first index of the largest (−1 when none is above
 * −∞; NaN skipped by the kernel: it reaches the sum later), or undefined at a NaN the kernel would not see (an odd
 * block's last entry). Piece by piece, each range taken while its piece is still in the cache.
 */
export function load(block: Block, logits: ArrayLike<number>, offset: number, from: number, temperature: number): { max: number; min: number; argmax: number } | undefined {
  const { kernel, entries, residuals } = block;
  const f = kernel.f64;
  const even = entries - (entries & 1);
  let max = -Infinity;
  let min = Infinity;
  let argmax = -1;
  for (let start = 0; start < entries; start += PIECE) {
    const end = Math.min(entries, start + PIECE);
    copyPiece(block, logits, offset + from, start, end);
    if (residuals) kernel.divide(DATA + start * 8, DATA + padded(end) * 8, temperature, residuals);
    const stop = Math.min(end, even);
    if (stop <= start) continue;
    const m = kernel.range(DATA + start * 8, DATA + stop * 8);
    min = Math.min(min, f[(RESULTS + 32) >> 3]);
    if (m > max) {
      max = m;
      argmax = start + kernel.i32[(RESULTS + 40) >> 2];
    }
  }
  if (entries & 1) {
    const last = f[(DATA >> 3) + entries - 1];
    if (last !== last) return undefined;
    if (last > max) {
      max = last;
      argmax = entries - 1;
    }
    min = Math.min(min, last);
  }
  return { max, min, argmax };
}

/** The block's values (then terms, then probabilities) as f64 indices [at, at + entries). */
export const VALUES = DATA >> 3;

/** Writes the shift (m, ρ_max) and zeroes the sum before a terms pass. */
export function startTerms(kernel: Kernel, max: number, maxResidual: number): void {
  splat(kernel, CALL, max);
  splat(kernel, CALL + 16, maxResidual);
  kernel.f64.fill(0, RESULTS >> 3, (RESULTS >> 3) + 3);
}

/**
 * The terms pass over a block whose entry `masked` (or −1) is the maximum, masked out of the sum (its term is
 * exactly 1): its pair and an odd block's last pair (beside its padding) run carefully, the rest by the loop
 * made for the case. Returns the number of kernel calls (each flushes its last block).
 */
export function terms(block: Block, careful: boolean, masked: number): number {
  const { kernel, entries, lo, residuals } = block;
  const pairs = padded(entries) >> 1;
  if (masked >= 0) kernel.f64[VALUES + masked] = -Infinity;
  const special = [masked >= 0 ? masked >> 1 : -1, entries & 1 ? entries >> 1 : -1].filter((p) => p >= 0).sort((a, b) => a - b);
  let calls = 0;
  const run = (from: number, to: number, carefully: boolean): void => {
    if (from >= to) return;
    const start = DATA + 16 * from;
    const end = DATA + 16 * to;
    if (residuals !== 0) kernel.terms(start, end, lo, residuals, carefully ? 1 : 0);
    else if (carefully) kernel.termsCareful(start, end, lo, 0, 1);
    else kernel.termsPlain(start, end, lo, 0, 0);
    calls++;
  };
  let start = 0;
  for (const p of special) {
    if (p < start) continue;
    run(start, p, careful);
    run(p, p + 1, true);
    start = p + 1;
  }
  run(start, pairs, careful);
  if (masked >= 0) {
    kernel.f64[VALUES + masked] = 1;
    kernel.f64[VALUES + (lo >> 3) + masked] = 0;
  }
  return calls;
}

/** The sum the terms passes gathered: s′ = hi + lo, and Σ E · shift error (T ≠ 1). */
export function sumOf(kernel: Kernel): { hi: number; lo: number; weighted: number } {
  const r = RESULTS >> 3;
  return { hi: kernel.f64[r], lo: kernel.f64[r + 1], weighted: kernel.f64[r + 2] };
}

/**
 * Relative error bound of the kernel's sum after `flushes` block flushes: each lane sums 32 terms by TwoSum
 * from zero, terms whose low part is not renormalized (|lo| ≤ λ hi, λ = 2^-41), so within a block
 * u²(B + B²/2) + uλ(B + 1) of the block's sum (B = 32, u = 2^-53), and each flush adds 3u² of the running sum.
 */
export function kernelSumError(flushes: number): number {
  const B = 32;
  return 1.01 * (U2 * (B + (B * B) / 2) + 2 ** -53 * 2 ** -41 * (B + 1) + 3 * U2 * flushes);
}

/** Flushes of the kernel's sum over `entries` terms in `calls` calls (every 32 pairs, and each call's last). */
export function flushesOf(entries: number, calls: number): number {
  return 2 * (Math.ceil(padded(entries) / 64) + calls);
}

/** Writes 1/S and the test's bound for a probabilities pass, and zeroes the undecided count. */
export function startProbabilities(kernel: Kernel, norm: Normalizer): void {
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

/**
 * The probabilities pass over a block, in place, each piece copied to out[at, …) while still in the cache; its
 * entries are numbered from `first` in the undecided list.
 */
export function probabilities(block: Block, careful: boolean, first: number, out: Float64Array, at: number): void {
  const { kernel, entries, lo, residuals } = block;
  for (let start = 0; start < entries; start += PIECE) {
    const end = Math.min(entries, start + PIECE);
    const from = DATA + start * 8;
    const to = DATA + padded(end) * 8;
    if (residuals !== 0) kernel.probabilities(from, to, lo, residuals, first + start, careful ? 1 : 0);
    else if (careful) kernel.probabilitiesCareful(from, to, lo, 0, first + start, 1);
    else kernel.probabilitiesPlain(from, to, lo, 0, first + start, 0);
    out.set(kernel.f64.subarray(VALUES + start, VALUES + end), at + start);
  }
}

/**
 * The log-probabilities pass (T = 1, log S unscaled) over a block of logits loaded afresh, in place; its entries are
 * numbered from `first` in the undecided list. The shift m must be written (startTerms) first.
 */
export function logProbabilities(block: Block, norm: Normalizer, first: number): void {
  const { kernel, entries } = block;
  kernel.i32[(RESULTS + 24) >> 2] = 0;
  kernel.logProbabilities(DATA, DATA + padded(entries) * 8, first, norm.lh, norm.ll, norm.lBound);
}

/** The entries Ziv's test left undecided (below `limit`), or undefined when too many to list. */
export function undecidedOf(kernel: Kernel, limit: number): number[] | undefined {
  const count = kernel.i32[(RESULTS + 24) >> 2];
  if (count > UNDECIDED_MAX) return undefined;
  const undecided: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = kernel.i32[(UNDECIDED >> 2) + k];
    if (i < limit) undecided.push(i);
  }
  return undecided;
}
