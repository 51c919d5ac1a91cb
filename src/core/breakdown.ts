// Every number the hover and the walkthrough show, from one correctly rounded pass, so views never recompute.
import { logProbabilitiesRange, logSumExpOf, normalizerOf, probabilitiesRange, settleSteps, type Normalizer } from './correctlyRounded';
import { shiftRowSteps } from './shift';
import { rowPlace, rowsOf, temperatureOf, type SoftmaxOptions } from './softmaxInput';
import { entropySteps } from './stats';
import { inRanges, runSteps, type Steps } from './steps';
import { sumTermsSteps } from './terms';
import { SIMD_FROM } from './simdFrom';
import { logProbabilitiesSimdRange, softmaxSimdSteps } from './wasm/softmaxSimd';

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
  /** The correctly rounded softmax: the same numbers as softmax(). */
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
  // Long rows: the probabilities (and the terms shown beside them) from the SIMD kernel, as softmax() gets them.
  const simd = n >= SIMD_FROM ? yield* softmaxSimdSteps(values, offset, n, temperature) : undefined;
  let exps: Float64Array;
  let norm: Normalizer;
  let probabilities: Float64Array;
  let undecided: number[];
  if (simd && simd.exps) {
    exps = simd.exps;
    norm = simd.norm;
    undecided = simd.undecided;
    probabilities = simd.probabilities;
  } else {
    exps = new Float64Array(n);
    const expsLo = new Float64Array(n);
    norm = normalizerOf(yield* sumTermsSteps(shifted, exps, expsLo), true);
    probabilities = new Float64Array(n);
    undecided = [];
    yield* inRanges(n, (from, to) => probabilitiesRange(shifted, exps, expsLo, norm, probabilities, 0, from, to, undecided));
  }
  const logProbabilities = new Float64Array(n);
  const logUndecided: number[] = [];
  yield* inRanges(n, (from, to) => {
    if (!simd || !logProbabilitiesSimdRange(shifted, norm, logProbabilities, 0, from, to, logUndecided)) logProbabilitiesRange(shifted, norm, logProbabilities, 0, from, to, logUndecided);
  });
  const logSumExp = { value: logSumExpOf(shifted, norm) };
  yield* settleSteps(shifted, norm, {
    probabilities: { indices: undecided, out: probabilities, at: 0 },
    logProbabilities: { indices: logUndecided, out: logProbabilities, at: 0 },
    logSumExp,
  });
  const entropyNats = yield* entropySteps(probabilities, logProbabilities);
  yield;
  // A Float64Array (the usual input) is copied in one memcpy; other array-likes element by element.
  let logits: Float64Array;
  if (values instanceof Float64Array) {
    logits = values.slice(offset, offset + n);
  } else {
    logits = new Float64Array(n);
    for (let i = 0; i < n; i++) logits[i] = values[offset + i];
  }
  return {
    logits,
    temperature,
    scaled: shifted.scaled,
    max: shifted.max,
    shifted: shifted.shifted,
    exps,
    sum: 1 + (norm.sum.hi + norm.sum.lo) * 2 ** norm.sum.scale,
    probabilities,
    logProbabilities,
    logSumExp: logSumExp.value,
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
