// The numbers people want beside a softmax, each taken from the same correctly rounded probabilities and
// log-probabilities the views show.
import { addCompensated, type Compensated } from './errorFree';
import { logSoftmaxRowInto, softmaxRowInto } from './rows';
import { SoftmaxInputError, rowPlace, rowsOf, temperatureOf, vectorPlace, type SoftmaxOptions } from './softmaxInput';
import { inRanges, type Steps } from './steps';

/** First index of the largest value; NaN is never the largest. −1 when empty or all NaN. */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > max || (best < 0 && v === -Infinity)) {
      max = v;
      best = i;
    }
  }
  return best;
}

/** True when value a at index i ranks before value b at index j: larger first, ties by lower index. */
function ranksBefore(a: number, i: number, b: number, j: number): boolean {
  return a > b || (a === b && i < j) || (b !== b && a === a);
}

/**
 * Indices of the k largest values, largest first, ties by lower index; NaN ranks last.
 * k is floored and clamped to [0, values.length]; NaN asks for none.
 */
export function topK(values: ArrayLike<number>, k: number): number[] {
  const n = values.length;
  const want = k >= n ? n : k > 0 ? Math.floor(k) : 0;
  if (want === 0) return [];
  if (want > 64) {
    const all = Array.from({ length: n }, (_, i) => i);
    all.sort((i, j) => (ranksBefore(values[i], i, values[j], j) ? -1 : 1));
    return all.slice(0, want);
  }
  // A short sorted buffer: each value is compared with the current k-th first, so this is O(n) typically.
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (top.length === want && !ranksBefore(v, i, values[top[want - 1]], top[want - 1])) continue;
    let at = top.length === want ? want - 1 : top.length;
    while (at > 0 && ranksBefore(v, i, values[top[at - 1]], top[at - 1])) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = i;
  }
  return top;
}

/**
 * The compensated (Neumaier) sum of each row along the last axis: how a printed probability vector is
 * checked against 1 without rounding making a true one look off.
 */
export function rowSums(values: ArrayLike<number>, shape: readonly number[]): Float64Array {
  const { rows, cols } = rowsOf(values.length, shape);
  const sums = new Float64Array(rows);
  const sum: Compensated = { total: 0, comp: 0 };
  for (let r = 0; r < rows; r++) {
    sum.total = sum.comp = 0;
    for (let i = r * cols; i < (r + 1) * cols; i++) addCompensated(sum, values[i]);
    sums[r] = sum.total + sum.comp;
  }
  return sums;
}

/** −Σ p_i log p_i, compensated; terms with p_i = 0 (masked or underflowed) add nothing. */
export function entropyOf(probabilities: Float64Array, logProbabilities: Float64Array): number {
  const sum: Compensated = { total: 0, comp: 0 };
  entropyRange(probabilities, logProbabilities, 0, probabilities.length, sum);
  return Math.max(0, sum.total + sum.comp);
}

function entropyRange(probabilities: Float64Array, logProbabilities: Float64Array, from: number, to: number, sum: Compensated): void {
  for (let i = from; i < to; i++) {
    const p = probabilities[i];
    if (p !== 0) addCompensated(sum, -p * logProbabilities[i]);
  }
}

/** entropyOf in steps of STEP elements, the compensated sum carried from one to the next. */
export function* entropySteps(probabilities: Float64Array, logProbabilities: Float64Array): Steps<number> {
  const sum: Compensated = { total: 0, comp: 0 };
  yield* inRanges(probabilities.length, (from, to) => entropyRange(probabilities, logProbabilities, from, to, sum));
  return Math.max(0, sum.total + sum.comp);
}

/**
 * Entropy of softmax(x / T) in nats and bits. Computed as −Σ p log p from the correctly rounded probabilities
 * and log-probabilities, which stays accurate near one-hot where logsumexp − Σ p x would cancel.
 */
export function entropy(logits: ArrayLike<number>, options?: SoftmaxOptions): { nats: number; bits: number } {
  const t = temperatureOf(options);
  const n = logits.length;
  const logP = new Float64Array(n);
  logSoftmaxRowInto(logits, 0, n, t, logP, 0, vectorPlace);
  const p = new Float64Array(n);
  softmaxRowInto(logits, 0, n, t, p, 0, vectorPlace);
  const nats = entropyOf(p, logP);
  return { nats, bits: nats / Math.LN2 };
}

/** Checks that target names one of n classes. */
export function checkTarget(target: number, n: number, where = ''): void {
  if (!Number.isInteger(target) || target < 0 || target >= n) {
    throw new SoftmaxInputError(
      `The target class${where} must be a whole number from 0 to ${n - 1} (got ${String(target)}).`,
    );
  }
}

function crossEntropyAt(logits: ArrayLike<number>, offset: number, n: number, target: number, t: number, row: number, shape: readonly number[]): number {
  const one = new Float64Array(n);
  logSoftmaxRowInto(logits, offset, n, t, one, 0, rowPlace(shape, row));
  return -one[target];
}

/**
 * Cross-entropy of softmax(x / T) against a target class: logsumexp − x_t = −log p_t, in nats.
 * A target whose logit is −∞ (masked) gives +∞, the loss of assigning it probability 0.
 */
export function crossEntropy(logits: ArrayLike<number>, target: number, options?: SoftmaxOptions): number {
  const t = temperatureOf(options);
  checkTarget(target, logits.length);
  return crossEntropyAt(logits, 0, logits.length, target, t, 0, [logits.length]);
}

/** Mean cross-entropy over the rows of a row-major array, one target class per row. */
export function meanCrossEntropy(
  values: ArrayLike<number>,
  shape: readonly number[],
  targets: ArrayLike<number>,
  options?: SoftmaxOptions,
): number {
  const t = temperatureOf(options);
  const { rows, cols } = rowsOf(values.length, shape);
  if (targets.length !== rows) {
    throw new SoftmaxInputError(`There are ${rows} rows of logits but ${targets.length} target classes; give one per row.`);
  }
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    checkTarget(targets[r], cols, rows > 1 ? ` of row ${r}` : '');
    sum += crossEntropyAt(values, r * cols, cols, targets[r], t, r, shape);
  }
  return sum / rows;
}

/**
 * Perplexity: exp of the mean cross-entropy over the rows (one target per row), as language models
 * report it. 1 when every target has probability 1; +∞ when a target is masked.
 */
export function perplexity(
  values: ArrayLike<number>,
  shape: readonly number[],
  targets: ArrayLike<number>,
  options?: SoftmaxOptions,
): number {
  return Math.exp(meanCrossEntropy(values, shape, targets, options));
}
