// Correctly rounded softmax, log-softmax and logsumexp: every finite result is the double nearest the exact value
// of the function at the exact quotients x_i / T. How: docs/correct-rounding.md. The rows below run the
// TypeScript kernel; long rows run on the WebAssembly SIMD kernel where the host has it (same results, bit for bit).
import { logSoftmaxRowInto, logSumExpRow, softmaxRowInto } from './rows';
import { rowPlace, rowsOf, temperatureOf, vectorPlace, type SoftmaxOptions } from './softmaxInput';
import { SIMD_FROM } from './simdFrom';
import { runSteps, STEP, type Steps } from './steps';
import { logSoftmaxSimd, logSumExpSimd, softmaxSimd, softmaxSimdInto } from './wasm/softmaxSimd';

export { SoftmaxInputError, rowPlace, rowsOf, temperatureOf, type SoftmaxOptions } from './softmaxInput';
export { inRanges, runSteps, STEP, type Steps } from './steps';


/** softmax(x / T), correctly rounded; −∞ gives exactly 0. */
export function softmax(logits: ArrayLike<number>, options?: SoftmaxOptions): Float64Array {
  const t = temperatureOf(options);
  // The kernel declines bad input and hosts without WebAssembly; the TS path below then answers or names the error.
  const fast = logits.length >= SIMD_FROM ? softmaxSimd(logits, t) : undefined;
  if (fast) return fast;
  const out = new Float64Array(logits.length);
  softmaxRowInto(logits, 0, logits.length, t, out, 0, vectorPlace);
  return out;
}

/** log softmax(x / T), correctly rounded: 0 at a lone maximum, −∞ where the logit is −∞. */
export function logSoftmax(logits: ArrayLike<number>, options?: SoftmaxOptions): Float64Array {
  const t = temperatureOf(options);
  const fast = logits.length >= SIMD_FROM ? logSoftmaxSimd(logits, t) : undefined;
  if (fast) return fast;
  const out = new Float64Array(logits.length);
  logSoftmaxRowInto(logits, 0, logits.length, t, out, 0, vectorPlace);
  return out;
}

/** log Σ exp(x_i / T), correctly rounded, without overflow. */
export function logSumExp(logits: ArrayLike<number>, options?: SoftmaxOptions): number {
  const t = temperatureOf(options);
  const fast = logits.length >= SIMD_FROM ? logSumExpSimd(logits, t) : undefined;
  return fast ?? logSumExpRow(logits, 0, logits.length, t, vectorPlace);
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
    softmaxRowInto(values, r * cols, cols, t, out, r * cols, rowPlace(shape, r));
  }
  return out;
}
