// Every number the hover and the walkthrough show, from one accurate pass, so views never recompute.
import {
  type SoftmaxOptions,
  expTermsSteps,
  logProbabilitiesSteps,
  logSumExpOf,
  normalizeSteps,
  rowPlace,
  rowsOf,
  runSteps,
  shiftRowSteps,
  temperatureOf,
  type Steps,
} from './softmax';
import { entropySteps } from './stats';

export interface Breakdown {
  /** As given. */
  logits: Float64Array;
  temperature: number;
  /** x_i / T. */
  scaled: Float64Array;
  /** m = max(scaled). */
  max: number;
  /** scaled_i − m. */
  shifted: Float64Array;
  /** e^(shifted_i), with the rounding of the shift corrected. */
  exps: Float64Array;
  /** S = Σ exps (compensated). */
  sum: number;
  /** The accurate softmax: the same numbers as softmax(). */
  probabilities: Float64Array;
  logProbabilities: Float64Array;
  logSumExp: number;
  /** First index of the largest probability. */
  argmax: number;
  entropyNats: number;
  entropyBits: number;
}

function* breakdownAt(
  values: ArrayLike<number>,
  offset: number,
  n: number,
  temperature: number,
  shape: readonly number[],
  row: number,
): Steps<Breakdown> {
  const shifted = yield* shiftRowSteps(values, offset, n, temperature, rowPlace(shape, row));
  const exps = new Float64Array(n);
  const rest = yield* expTermsSteps(shifted, exps);
  const probabilities = new Float64Array(n);
  const sum = yield* normalizeSteps(exps, rest, probabilities);
  const logProbabilities = new Float64Array(n);
  yield* logProbabilitiesSteps(shifted, rest, logProbabilities);
  const entropyNats = yield* entropySteps(probabilities, logProbabilities);
  yield;
  const logits = new Float64Array(n);
  for (let i = 0; i < n; i++) logits[i] = values[offset + i];
  return {
    logits,
    temperature,
    scaled: shifted.scaled,
    max: shifted.max,
    shifted: shifted.shifted,
    exps,
    sum,
    probabilities,
    logProbabilities,
    logSumExp: logSumExpOf(shifted, rest),
    argmax: shifted.argmax,
    entropyNats,
    entropyBits: entropyNats / Math.LN2,
  };
}

/** The whole computation of softmax(x / T) for one vector of logits, step by step. */
export function breakdown(logits: ArrayLike<number>, options?: SoftmaxOptions): Breakdown {
  return runSteps(breakdownSteps(logits, options));
}

/** breakdown() in steps of at most 64 K elements of one pass, for callers that let other work run between them; the same numbers. */
export function breakdownSteps(logits: ArrayLike<number>, options?: SoftmaxOptions): Steps<Breakdown> {
  return breakdownAt(logits, 0, logits.length, temperatureOf(options), [logits.length], 0);
}

/** breakdownSteps of the logits of one row of an array of that shape: an error names the row ("Logit 2 in row 1"). */
export function rowBreakdownSteps(logits: ArrayLike<number>, shape: readonly number[], row: number, options?: SoftmaxOptions): Steps<Breakdown> {
  return breakdownAt(logits, 0, logits.length, temperatureOf(options), shape, row);
}

/** One breakdown per row of a row-major array (softmax along the last axis). */
export function breakdownRows(values: ArrayLike<number>, shape: readonly number[], options?: SoftmaxOptions): Breakdown[] {
  const t = temperatureOf(options);
  const { rows, cols } = rowsOf(values.length, shape);
  const out: Breakdown[] = [];
  for (let r = 0; r < rows; r++) out.push(runSteps(breakdownAt(values, r * cols, cols, t, shape, r)));
  return out;
}
