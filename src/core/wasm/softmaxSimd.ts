// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- every program reaching this file needs the .wat typing
/// <reference path="./wat.d.ts" />
// Softmax over WebAssembly SIMD lanes, as accurate as the TypeScript core and faster on large arrays.
import kernelBytes from './softmax.wat';

/** The slice of the WebAssembly API used here; absent or throwing (no SIMD, a CSP without wasm) means "use TS". */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

interface Kernel {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  range(start: number, end: number): number;
  divideByTemperature(start: number, end: number, temperature: number, floor: number, maxResidual: number, residuals: number): void;
  expSum(start: number, end: number, max: number, floor: number, residuals: number, careful: number): number;
  divide(start: number, end: number, sum: number): void;
}

/** The kernel's exp table and constants fill the memory below this byte offset; the array starts here. */
const ARRAY_START = 4096;
/** `range` leaves the smallest logit here. */
const MIN_AT = 2240;
const PAGE_BYTES = 65536;
/** A kernel with more memory than this is held only weakly, so the garbage collector can take a huge array's memory back. */
const KEPT_MEMORY_BYTES = 32 * 1024 * 1024;
/** Beyond this maximum, x - m is no longer exact enough to cut off at m - 800; the TS path handles such logits. */
const LARGEST_MAX = 2 ** 50;
/** With a temperature, beyond this maximum the residuals of x / T outgrow exp's correction term (the TS path folds them in). */
const LARGEST_SCALED_MAX = 2 ** 30;
/** Within this range the exact product q·T behind the rounding of x / T cannot overflow. */
const TEMPERATURE_RANGE = [2 ** -900, 2 ** 900];

let compiled: object | null | undefined;
let kept: Kernel | undefined;
/** Fresh memory costs about as much as the whole softmax (page faults), so a large one is reused while it lives. */
let large: WeakRef<Kernel> | undefined;

function instantiate(): Kernel | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    if (compiled === undefined) compiled = wasm ? new wasm.Module(kernelBytes) : null;
    return compiled && wasm ? (new wasm.Instance(compiled, {}).exports as Kernel) : undefined;
  } catch {
    compiled = null;
    return undefined;
  }
}

function kernelWithMemory(bytes: number): Kernel | undefined {
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
  return kernel;
}

/** x / t − q up to a rounding of the result, for q = x / t rounded: Dekker's exact product q·t. */
function quotientResidual(x: number, q: number, t: number): number {
  if (t === 1) return 0;
  const halves = (v: number): [number, number] => {
    const c = 134217729 * v;
    const high = c - (c - v);
    return [high, v - high];
  };
  const [qh, ql] = halves(q);
  const [th, tl] = halves(t);
  const product = q * t;
  return (x - product - (qh * th - product + qh * tl + ql * th + ql * tl)) / t;
}

/**
 * softmax(logits / temperature) as a new array, or undefined when WebAssembly SIMD is unavailable or the
 * input needs the TypeScript path: empty, NaN, +Infinity, all -Infinity, a temperature outside
 * [2^-900, 2^900], or x / T beyond ±2^50. The kernel is compiled on the first call, not at import.
 */
export function softmaxSimd(logits: ArrayLike<number>, temperature = 1): Float64Array | undefined {
  return probabilities(logits, temperature)?.slice();
}

/**
 * As softmaxSimd for the row values[offset, offset + length) (of a row-major matrix), written to
 * out[offset, offset + length); false where softmaxSimd would give undefined.
 */
export function softmaxSimdInto(
  values: ArrayLike<number>,
  offset: number,
  length: number,
  temperature: number,
  out: Float64Array,
): boolean {
  const p = probabilities(values, temperature, offset, length);
  if (p) out.set(p, offset);
  return p !== undefined;
}

/** The probabilities in the kernel's memory (valid until its next call), or undefined as for softmaxSimd. */
function probabilities(
  logits: ArrayLike<number>,
  temperature: number,
  offset = 0,
  n = logits.length,
): Float64Array | undefined {
  if (n === 0 || !(temperature >= TEMPERATURE_RANGE[0] && temperature <= TEMPERATURE_RANGE[1])) return undefined;
  const padded = n + (n & 1);
  const end = ARRAY_START + padded * 8;
  // With T != 1, the roundings of x / T are kept in a second array right after the first.
  const residuals = temperature === 1 ? 0 : padded * 8;
  const kernel = kernelWithMemory(end + residuals);
  if (!kernel) return undefined;
  const x = new Float64Array(kernel.memory.buffer, ARRAY_START, padded);
  if (offset === 0 && n === logits.length) {
    x.set(logits);
  } else if (ArrayBuffer.isView(logits)) {
    x.set((logits as unknown as Float64Array).subarray(offset, offset + n));
  } else {
    for (let i = 0; i < n; i++) x[i] = logits[offset + i];
  }
  if (padded > n) x[n] = -Infinity;
  // Division by T > 0 keeps the order, so the largest x / T is the largest x divided by T.
  const largest = kernel.range(ARRAY_START, end);
  const max = largest / temperature;
  if (!(Math.abs(max) <= (residuals ? LARGEST_SCALED_MAX : LARGEST_MAX))) return undefined;
  const floor = max - 800;
  if (residuals) {
    kernel.divideByTemperature(ARRAY_START, end, temperature, floor, quotientResidual(largest, max, temperature), residuals);
  }
  const smallest = new Float64Array(kernel.memory.buffer, MIN_AT, 1)[0] / temperature;
  // 1 + s′ rounded once, as the TS path forms it, so that both give the same bits.
  const sum = 1 + kernel.expSum(ARRAY_START, end, max, floor, residuals, smallest - max >= -700 ? 0 : 1);
  if (!(sum >= 1 && sum < Infinity)) return undefined;
  kernel.divide(ARRAY_START, end, sum);
  return x.subarray(0, n);
}

/** exp(x) for every x ≤ 0 (the only arguments softmax needs); undefined without WebAssembly SIMD. */
export function expSimd(xs: ArrayLike<number>): Float64Array | undefined {
  const n = xs.length;
  const end = ARRAY_START + (n + (n & 1)) * 8;
  const kernel = kernelWithMemory(end);
  if (!kernel) return undefined;
  const x = new Float64Array(kernel.memory.buffer, ARRAY_START, n + (n & 1));
  x.set(xs);
  if (n & 1) x[n] = -Infinity;
  for (let i = 0; i < n; i++) if (!(x[i] <= 0)) return undefined;
  kernel.expSum(ARRAY_START, end, 0, -800, 0, 1);
  return x.slice(0, n);
}
