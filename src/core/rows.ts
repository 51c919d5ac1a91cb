// One row of logits through the TypeScript kernel, synchronously: the fast pass, then the ladder for whatever
// Ziv's test leaves undecided (rarely anything).
import { logProbabilitiesRange, logSumExpOf, normalizerOf, probabilitiesRange, settleSteps } from './correctlyRounded';
import { shiftRow, type RowBuffers } from './shift';
import type { Locate } from './softmaxInput';
import { runSteps } from './steps';
import { sumTerms } from './terms';

/** Rows up to this long are computed in arrays kept from call to call: allocation costs more than the math. */
const KEPT_UP_TO = 4096;

interface Buffers extends RowBuffers {
  hi: Float64Array;
  lo: Float64Array;
}

let kept: Buffers | undefined;

function buffersFor(n: number): Buffers | undefined {
  if (n > KEPT_UP_TO) return undefined;
  if (!kept || kept.hi.length < n) {
    const size = Math.max(n, 64);
    const make = (): Float64Array => new Float64Array(size);
    kept = { scaled: make(), residual: make(), shifted: make(), delta: make(), hi: make(), lo: make() };
  }
  return kept;
}

/** softmax of logits[offset, offset + n) / T into out[at, at + n). */
export function softmaxRowInto(logits: ArrayLike<number>, offset: number, n: number, t: number, out: Float64Array, at: number, where: Locate): void {
  const buffers = buffersFor(n);
  const row = shiftRow(logits, offset, n, t, where, buffers);
  const hi = buffers?.hi ?? new Float64Array(n);
  const lo = buffers?.lo ?? new Float64Array(n);
  const norm = normalizerOf(sumTerms(row, hi, lo), false);
  const undecided: number[] = [];
  probabilitiesRange(row, hi, lo, norm, out, at, 0, n, undecided);
  if (undecided.length > 0) runSteps(settleSteps(row, norm, { probabilities: { indices: undecided, out, at } }));
}

/** log softmax of logits[offset, offset + n) / T into out[at, at + n). */
export function logSoftmaxRowInto(logits: ArrayLike<number>, offset: number, n: number, t: number, out: Float64Array, at: number, where: Locate): void {
  const buffers = buffersFor(n);
  const row = shiftRow(logits, offset, n, t, where, buffers);
  const norm = normalizerOf(sumTerms(row, buffers?.hi ?? new Float64Array(n), buffers?.lo ?? new Float64Array(n)), true);
  const undecided: number[] = [];
  logProbabilitiesRange(row, norm, out, at, 0, n, undecided);
  if (undecided.length > 0) runSteps(settleSteps(row, norm, { logProbabilities: { indices: undecided, out, at } }));
}

/** logsumexp of logits[offset, offset + n) / T. */
export function logSumExpRow(logits: ArrayLike<number>, offset: number, n: number, t: number, where: Locate): number {
  const buffers = buffersFor(n);
  const row = shiftRow(logits, offset, n, t, where, buffers);
  const norm = normalizerOf(sumTerms(row, buffers?.hi ?? new Float64Array(n), buffers?.lo ?? new Float64Array(n)), true);
  const result = { value: logSumExpOf(row, norm) };
  if (result.value !== result.value) runSteps(settleSteps(row, norm, { logSumExp: result }));
  return result.value;
}
