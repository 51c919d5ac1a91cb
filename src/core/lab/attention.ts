// Scaled dot-product attention's softmax: each query's row of scores divided by √d, the keys after it hidden by a
// causal mask (−∞ above the diagonal, as in a decoder), and softmax taken per row. Dividing by √d is the softmax
// temperature T = √d, so the weights are exactly as accurate as softmax's (√d is rounded to a double: exact when d
// is a perfect square, as 16, 64 and 128 are).
import { rowBreakdownSteps, type Breakdown } from '../breakdown';
import { inRanges, rowsOf, runSteps, SoftmaxInputError, softmaxRowsSteps, type Steps } from '../softmax';

export interface AttentionOptions {
  /** The dimension of the queries and keys: the scores are divided by √d. A whole number ≥ 1. */
  d: number;
  /** Hide every key after the query (column j > row i) with −∞, so position i attends only to 0 … i. */
  causal: boolean;
}

/** √d, after checking d is a dimension. */
export function attentionScale(d: number): number {
  if (!Number.isInteger(d) || d < 1) {
    throw new SoftmaxInputError(`The dimension d must be a whole number from 1 up (got ${String(d)}).`);
  }
  return Math.sqrt(d);
}

/** The query a row is: its index within the last two axes (a batch of score matrices repeats 0 … rows − 1). */
function queryOf(shape: readonly number[], row: number): number {
  return shape.length >= 2 ? row % shape[shape.length - 2] : row;
}

/** Row `row` of the scores with the causal mask applied: −∞ at every column after the query. */
export function maskedScores(values: ArrayLike<number>, shape: readonly number[], row: number, causal: boolean): Float64Array {
  const { rows, cols } = rowsOf(values.length, shape);
  if (!Number.isInteger(row) || row < 0 || row >= rows) throw new SoftmaxInputError(`There is no row ${String(row)}; the rows are 0 to ${rows - 1}.`);
  const out = new Float64Array(cols);
  const query = queryOf(shape, row);
  for (let j = 0; j < cols; j++) out[j] = causal && j > query ? -Infinity : values[row * cols + j];
  return out;
}

/** The breakdown of one query's weights, softmax(s_r / √d + m_r), for the walkthrough of that row. */
export function* attentionRowSteps(values: ArrayLike<number>, shape: readonly number[], row: number, options: AttentionOptions): Steps<Breakdown> {
  const temperature = attentionScale(options.d);
  const scores = maskedScores(values, shape, row, options.causal);
  return yield* rowBreakdownSteps(scores, shape, row, { temperature });
}

/** attentionWeights in steps of about STEP entries; the same numbers. */
export function* attentionWeightsSteps(values: ArrayLike<number>, shape: readonly number[], options: AttentionOptions): Steps<Float64Array> {
  const temperature = attentionScale(options.d);
  const { cols } = rowsOf(values.length, shape);
  const masked = new Float64Array(values.length);
  yield* inRanges(values.length, (from, to) => {
    for (let k = from; k < to; k++) {
      const row = Math.floor(k / cols);
      masked[k] = options.causal && k - row * cols > queryOf(shape, row) ? -Infinity : values[k];
    }
  });
  return yield* softmaxRowsSteps(masked, shape, { temperature });
}

/** softmax(S / √d + M) per row of a row-major array of scores (queries × keys), M the causal mask when asked. */
export function attentionWeights(values: ArrayLike<number>, shape: readonly number[], options: AttentionOptions): Float64Array {
  return runSteps(attentionWeightsSteps(values, shape, options));
}
