// Entries ranked from largest to smallest, in steps: a bottom-up merge sort whose passes are cut into ranges of
// the output (each range finds where it starts in its two runs by binary search), so a 200 000-entry vocabulary
// is ranked without one long block. Keys travel with their indices, so every pass reads memory in order.
import { inRanges, runSteps, type Steps } from '../softmax';

/** True when (x, i) ranks before (y, j): the larger value first, ties by the lower index, NaN last. */
function before(x: number, i: number, y: number, j: number): boolean {
  return x > y || (x === y && i < j) || (y !== y && (x === x || i < j));
}

/** Entries in some order: values and their indices side by side. */
interface Ranked {
  keys: Float64Array;
  indices: Uint32Array;
}

/** The first pass: runs of `firstRun` entries, each sorted by insertion. */
function sortRuns(values: ArrayLike<number>, out: Ranked, from: number, to: number): void {
  const { keys, indices } = out;
  for (let i = from; i < to; i++) {
    const x = values[i];
    let k = i;
    const start = i - (i % firstRun);
    while (k > start && before(x, i, keys[k - 1], indices[k - 1])) {
      keys[k] = keys[k - 1];
      indices[k] = indices[k - 1];
      k--;
    }
    keys[k] = x;
    indices[k] = i;
  }
}

const firstRun = 16;

/**
 * How many of the first `t` outputs of merging the runs [lo, mid) and [mid, hi) of src come from the left run:
 * the merge path, found by binary search.
 */
function leftTaken(src: Ranked, lo: number, mid: number, hi: number, t: number): number {
  const { keys, indices } = src;
  let low = Math.max(0, t - (hi - mid));
  let high = Math.min(t, mid - lo);
  while (low < high) {
    const i = (low + high) >> 1;
    const r = mid + t - i - 1;
    // The left run's entry i ranks before the right run's entry t − i − 1: more than i left entries come first.
    if (before(keys[lo + i], indices[lo + i], keys[r], indices[r])) low = i + 1;
    else high = i;
  }
  return low;
}

/** Writes dst[from, to) of the merge pass that joins neighbouring runs of `width` entries of src. */
function mergeRange(src: Ranked, dst: Ranked, width: number, from: number, to: number): void {
  const { keys, indices } = src;
  const n = keys.length;
  let k = from;
  while (k < to) {
    const lo = k - (k % (2 * width));
    const mid = Math.min(lo + width, n);
    const hi = Math.min(lo + 2 * width, n);
    const i = leftTaken(src, lo, mid, hi, k - lo);
    let a = lo + i;
    let b = mid + (k - lo - i);
    const end = Math.min(hi, to);
    for (; k < end; k++) {
      if (b >= hi || (a < mid && before(keys[a], indices[a], keys[b], indices[b]))) {
        dst.keys[k] = keys[a];
        dst.indices[k] = indices[a++];
      } else {
        dst.keys[k] = keys[b];
        dst.indices[k] = indices[b++];
      }
    }
  }
}

/** rankOrder in steps of at most STEP entries of one pass (about log2(n / 16) passes); the same order. */
export function* rankOrderSteps(values: ArrayLike<number>): Steps<Uint32Array> {
  const n = values.length;
  let src: Ranked = { keys: new Float64Array(n), indices: new Uint32Array(n) };
  let dst: Ranked = { keys: new Float64Array(n), indices: new Uint32Array(n) };
  const first = src;
  yield* inRanges(n, (from, to) => sortRuns(values, first, from, to));
  for (let width = firstRun; width < n; width *= 2) {
    const w = width;
    const s = src;
    const d = dst;
    yield* inRanges(n, (from, to) => mergeRange(s, d, w, from, to));
    src = d;
    dst = s;
  }
  return src.indices;
}

/** The indices of `values` from the largest value to the smallest; ties by the lower index, NaN last. */
export function rankOrder(values: ArrayLike<number>): Uint32Array {
  return runSteps(rankOrderSteps(values));
}
