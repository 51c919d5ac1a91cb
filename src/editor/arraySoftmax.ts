import { argmax, breakdown, rowsOf, softmaxRows, type Breakdown, type FoundArray } from '../core';

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

/**
 * Softmax of the array along its last axis, at the given temperature. Remembered per array object, so a
 * hover that moves inside one array (the cache keeps the same object per document version) costs nothing.
 * Throws the core's SoftmaxInputError for input softmax cannot take.
 */
export function softmaxOfArray(array: FoundArray, temperature: number): ArraySoftmax {
  const known = recent.get(array);
  if (known && Object.is(known.temperature, temperature)) return known;
  const { rows, cols } = rowsOf(array.values.length, array.shape);
  let result: ArraySoftmax;
  if (array.shape.length === 1) {
    const steps = breakdown(array.values, { temperature });
    result = { array, temperature, rows: 1, cols, probabilities: steps.probabilities, steps };
  } else {
    result = { array, temperature, rows, cols, probabilities: softmaxRows(array.values, array.shape, { temperature }) };
  }
  recent.set(array, result);
  return result;
}

export function isMatrix(result: ArraySoftmax): boolean {
  return result.array.shape.length > 1;
}

/** The probabilities of one row (a view, not a copy). */
export function rowProbabilities(result: ArraySoftmax, row: number): Float64Array {
  return result.probabilities.subarray(row * result.cols, (row + 1) * result.cols);
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
