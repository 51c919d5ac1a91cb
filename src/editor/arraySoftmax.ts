import {
  argmax,
  breakdownSteps,
  probabilityFacts,
  requireWholeArray,
  rowsOf,
  softmaxRowsSteps,
  type Breakdown,
  type FoundArray,
  type ProbabilityFacts,
  type Steps,
} from '../core';
import { computeSoon } from './turns';

/** The softmax of one found array, as every editor view needs it. */
export interface ArraySoftmax {
  array: FoundArray;
  temperature: number;
  /** Rows × columns: a vector is one row; deeper shapes are taken along the last axis. */
  rows: number;
  cols: number;
  /** Row-major, the same layout as the array's values. */
  probabilities: Float64Array;
  /** Every step of the computation, for a vector only (a matrix's rows are summarised, not broken down). */
  steps?: Breakdown;
}

const recent = new WeakMap<FoundArray, ArraySoftmax>();

/** A computation under way, shared by every request for the same array and temperature while any of them still wants it. */
interface Flight {
  temperature: number;
  result: Promise<ArraySoftmax | undefined>;
  wanted: Set<() => boolean>;
}
const inFlight = new WeakMap<FoundArray, Flight>();

function* softmaxSteps(array: FoundArray, temperature: number): Steps<ArraySoftmax> {
  requireWholeArray(array);
  const { rows, cols } = rowsOf(array.values.length, array.shape);
  if (array.shape.length === 1) {
    const steps = yield* breakdownSteps(array.values, { temperature });
    return { array, temperature, rows: 1, cols, probabilities: steps.probabilities, steps };
  }
  const probabilities = yield* softmaxRowsSteps(array.values, array.shape, { temperature });
  return { array, temperature, rows, cols, probabilities };
}

function remembered(array: FoundArray, temperature: number): ArraySoftmax | undefined {
  const known = recent.get(array);
  return known && Object.is(known.temperature, temperature) ? known : undefined;
}

/**
 * Softmax of the array along its last axis, at the given temperature, without blocking: a large array is
 * computed a step (64 K elements of one pass) per event-loop turn. Remembered per array object, so a hover that moves inside one array
 * (the cache keeps the same object per document version) costs nothing, and shared while under way, so ten hovers
 * at once compute it once. Undefined when `stillWanted` turns false on the way (the document changed, the request
 * was cancelled). Rejects with the core's SoftmaxInputError for input softmax cannot take.
 */
export async function softmaxOfArraySoon(array: FoundArray, temperature: number, stillWanted: () => boolean = () => true): Promise<ArraySoftmax | undefined> {
  const known = remembered(array, temperature);
  if (known) return known;
  let flight = inFlight.get(array);
  if (flight === undefined || !Object.is(flight.temperature, temperature)) {
    const wanted = new Set<() => boolean>([stillWanted]);
    const started: Flight = { temperature, wanted, result: Promise.resolve(undefined) };
    started.result = computeSoon(softmaxSteps(array, temperature), array.values.length, () => [...wanted].some((w) => w()));
    const landed = () => {
      if (inFlight.get(array) === started) inFlight.delete(array);
    };
    started.result.then(landed, landed);
    inFlight.set(array, started);
    flight = started;
  }
  flight.wanted.add(stillWanted);
  let result: ArraySoftmax | undefined;
  try {
    result = await flight.result;
  } finally {
    flight.wanted.delete(stillWanted);
  }
  if (result) recent.set(array, result);
  // Everyone else gave up before this request joined: compute it for this one.
  else if (stillWanted()) return softmaxOfArraySoon(array, temperature, stillWanted);
  return result;
}

export function isMatrix(result: ArraySoftmax): boolean {
  return result.array.shape.length > 1;
}

/** The probabilities of one row (a view, not a copy). */
export function rowProbabilities(result: ArraySoftmax, row: number): Float64Array {
  return result.probabilities.subarray(row * result.cols, (row + 1) * result.cols);
}

/** What formatProbability needs about each entry of one row (masked, alone, its log where it underflowed). */
export function rowFacts(result: ArraySoftmax, row: number): (i: number) => ProbabilityFacts {
  if (result.steps) return probabilityFacts(result.steps.logits, result.probabilities, result.temperature, result.steps.logProbabilities);
  const logits = result.array.values.slice(row * result.cols, (row + 1) * result.cols);
  return probabilityFacts(logits, rowProbabilities(result, row), result.temperature);
}

/** The largest probability's index in the row. */
export function rowArgmax(result: ArraySoftmax, row: number): number {
  return argmax(rowProbabilities(result, row));
}

/** The probabilities as plain arrays: a list for a vector, a list of rows for a matrix. */
export function plainProbabilities(result: ArraySoftmax): number[] | number[][] {
  if (!isMatrix(result)) return Array.from(result.probabilities);
  return Array.from({ length: result.rows }, (_, r) => Array.from(rowProbabilities(result, r)));
}

/** The logits as plain arrays, in the same layout as plainProbabilities. */
export function plainValues(result: ArraySoftmax): number[] | number[][] {
  const { values } = result.array;
  if (!isMatrix(result)) return values.slice();
  return Array.from({ length: result.rows }, (_, r) => values.slice(r * result.cols, (r + 1) * result.cols));
}
