// The sampling filters a language model's generate() applies after the temperature, in Hugging Face transformers'
// order (temperature → top-k → top-p → min-p), each seeing the distribution the one before it left, renormalized.
//
// Where this follows transformers and where it does not:
// - top-k keeps every entry whose probability is at least the k-th largest, so entries tied with the k-th all stay
//   (transformers: `scores < topk(scores, k)[-1]` is removed). k larger than the array keeps everything.
// - top-p keeps the fewest most probable entries whose probabilities add up to at least P (transformers removes an
//   entry when the ascending cumulative sum through it is ≤ 1 − P: the same set in exact arithmetic). Here the sum
//   runs from the top and is compensated, so a nucleus that reaches P exactly is found exactly; entries tied across
//   the boundary are taken by lower index (transformers leaves their order to torch.sort). P = 0 keeps the top entry.
// - min-p keeps p_i ≥ min_p · max p, decided as exp(z_i − m) ≥ min_p from the accurate shifted logits (the ratio
//   p_i / max p, unchanged by renormalizing), where transformers multiplies two rounded float32 probabilities.
// - Entries are ranked by their scaled logits z = x / T, as transformers sorts its scores, so entries whose
//   probabilities underflow to 0 keep their order.
// - Each filter always keeps the most probable entry (transformers' min_tokens_to_keep = 1); a filter set to its
//   off value (top-k 0, top-p 1, min-p 0) is skipped, as generate() skips it.
import { breakdownSteps, type Breakdown } from '../breakdown';
import { inRanges, runSteps, SoftmaxInputError, type Steps } from '../softmax';
import type { Compensated } from '../errorFree';
import { rankOrderSteps } from './order';

export interface SamplingOptions {
  /** Keep the k most probable entries (and any tied with the k-th). A whole number; 0 or undefined: off. */
  topK?: number;
  /** Keep the fewest most probable entries holding at least this much probability. In [0, 1]; 1 or undefined: off. */
  topP?: number;
  /** Keep the entries at least this fraction as probable as the most probable one. In [0, 1]; 0 or undefined: off. */
  minP?: number;
}

export type SamplingFilter = 'topK' | 'topP' | 'minP';

/** What one filter did. */
export interface SamplingStage {
  filter: SamplingFilter;
  /** k, P or min-p, as asked. */
  parameter: number;
  /** Entries the filter saw (the survivors of the filters before it) and entries it kept. */
  seen: number;
  kept: number;
  /**
   * top-k: the k-th largest probability p_(k) of the distribution it saw; top-p: the probability its survivors hold in
   * the distribution it saw (≥ P); min-p: its cut-off, min-p times the largest probability of the distribution it saw.
   */
  value: number;
}

export interface Sampled {
  /** 1 where an entry survives every filter, 0 where one cut it or its logit was −∞. */
  kept: Uint8Array;
  keptCount: number;
  /** The filters that were on, in the order they ran. */
  stages: SamplingStage[];
  /** Σ p_i over the survivors, in the distribution before any filter: what renormalizing divides by. */
  keptMass: number;
  /** The survivors renormalized (0 where cut): softmax of the scaled logits with every cut entry set to −∞. */
  after: Breakdown;
  /** Entropy before and after, in nats, and perplexity e^H: the number of equally likely choices it amounts to. */
  entropyBefore: number;
  entropyAfter: number;
  perplexityBefore: number;
  perplexityAfter: number;
}

function isOff(options: SamplingOptions): { topK: boolean; topP: boolean; minP: boolean } {
  return {
    topK: options.topK === undefined || options.topK === 0,
    topP: options.topP === undefined || options.topP === 1,
    minP: options.minP === undefined || options.minP === 0,
  };
}

/** Checks each filter's parameter; a wrong one names the filter and the range it takes. */
export function checkSamplingOptions(options: SamplingOptions): void {
  const { topK, topP, minP } = options;
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 0)) {
    throw new SoftmaxInputError(`Top-k must be a whole number, 0 to turn it off (got ${String(topK)}).`);
  }
  if (topP !== undefined && !(topP >= 0 && topP <= 1)) {
    throw new SoftmaxInputError(`Top-p must be a number from 0 to 1, 1 to turn it off (got ${String(topP)}).`);
  }
  if (minP !== undefined && !(minP >= 0 && minP <= 1)) {
    throw new SoftmaxInputError(`Min-p must be a number from 0 to 1, 0 to turn it off (got ${String(minP)}).`);
  }
}

/** True when at least one filter is on. */
export function samplingIsOn(options: SamplingOptions): boolean {
  const off = isOff(options);
  return !(off.topK && off.topP && off.minP);
}

/** The logits with every cut entry set to −∞, renormalized through the accurate softmax: what the next filter sees. */
function* survivorsSteps(b: Breakdown, kept: Uint8Array): Steps<Breakdown> {
  const masked = new Float64Array(b.logits.length);
  yield* inRanges(masked.length, (from, to) => {
    for (let i = from; i < to; i++) masked[i] = kept[i] === 1 ? b.logits[i] : -Infinity;
  });
  return yield* breakdownSteps(masked, { temperature: b.temperature });
}

/** Counts the entries kept[i] = 1, in steps. */
function* countSteps(kept: Uint8Array): Steps<number> {
  let count = 0;
  yield* inRanges(kept.length, (from, to) => {
    for (let i = from; i < to; i++) count += kept[i];
  });
  return count;
}

/** Top-k: cuts every survivor less probable than the k-th most probable entry. Returns p_(k). */
function* topKSteps(b: Breakdown, order: Uint32Array, k: number, kept: Uint8Array): Steps<number> {
  const at = order[Math.min(k, order.length) - 1];
  const threshold = b.scaled[at];
  yield* inRanges(kept.length, (from, to) => {
    for (let i = from; i < to; i++) if (b.scaled[i] < threshold) kept[i] = 0;
  });
  return b.probabilities[at];
}

/** Top-p: walks the survivors from the most probable, keeping them until they hold at least P. Returns their mass. */
function* topPSteps(seen: Breakdown, order: Uint32Array, p: number, kept: Uint8Array): Steps<number> {
  const sum: Compensated = { total: 0, comp: 0 };
  let reached = false;
  let taken = 0;
  yield* inRanges(order.length, (from, to) => {
    let { total, comp } = sum;
    for (let r = from; r < to; r++) {
      const i = order[r];
      if (kept[i] === 0) continue;
      const v = seen.probabilities[i];
      // Past the nucleus, or at an entry the distribution gives nothing (never sampled, as in transformers).
      if (reached || (v === 0 && taken > 0)) {
        kept[i] = 0;
        continue;
      }
      taken++;
      const s = total + v;
      comp += total >= v ? (total - s) + v : (v - s) + total;
      total = s;
      if (total + comp >= p) reached = true;
    }
    sum.total = total;
    sum.comp = comp;
  });
  return sum.total + sum.comp;
}

/** Min-p: cuts every survivor with exp(z_i − m) = p_i / max p below min-p. Returns the cut-off in the distribution seen. */
function* minPSteps(b: Breakdown, seen: Breakdown, minP: number, kept: Uint8Array): Steps<number> {
  yield* inRanges(kept.length, (from, to) => {
    for (let i = from; i < to; i++) if (b.exps[i] < minP) kept[i] = 0;
  });
  return minP * seen.probabilities[seen.argmax];
}

/** Σ p_i over the survivors (compensated), in the distribution before any filter. */
function* keptMassSteps(b: Breakdown, kept: Uint8Array): Steps<number> {
  const sum: Compensated = { total: 0, comp: 0 };
  yield* inRanges(kept.length, (from, to) => {
    let { total, comp } = sum;
    for (let i = from; i < to; i++) {
      if (kept[i] === 0) continue;
      const v = b.probabilities[i];
      const s = total + v;
      comp += total >= v ? (total - s) + v : (v - s) + total;
      total = s;
    }
    sum.total = total;
    sum.comp = comp;
  });
  return sum.total + sum.comp;
}

/** sampling() in steps of at most STEP entries of one pass; the same numbers. */
export function* samplingSteps(b: Breakdown, options: SamplingOptions): Steps<Sampled> {
  checkSamplingOptions(options);
  const n = b.probabilities.length;
  const off = isOff(options);
  // A masked logit (−∞) had no probability to begin with: no filter keeps or cuts it.
  const kept = new Uint8Array(n);
  yield* inRanges(n, (from, to) => {
    for (let i = from; i < to; i++) kept[i] = b.logProbabilities[i] === -Infinity ? 0 : 1;
  });
  const stages: SamplingStage[] = [];
  let seen = b;
  let seenCount = yield* countSteps(kept);
  // Both top-k and top-p need the ranking; min-p needs only a threshold.
  const order = off.topK && off.topP ? undefined : yield* rankOrderSteps(b.scaled);
  const filter = function* (stage: SamplingFilter, parameter: number, value: number): Steps<void> {
    const count = yield* countSteps(kept);
    stages.push({ filter: stage, parameter, seen: seenCount, kept: count, value });
    if (count < seenCount) seen = yield* survivorsSteps(b, kept);
    seenCount = count;
  };
  if (!off.topK && order) yield* filter('topK', options.topK!, yield* topKSteps(b, order, options.topK!, kept));
  if (!off.topP && order) yield* filter('topP', options.topP!, yield* topPSteps(seen, order, options.topP!, kept));
  if (!off.minP) yield* filter('minP', options.minP!, yield* minPSteps(b, seen, options.minP!, kept));
  const keptMass = yield* keptMassSteps(b, kept);
  return {
    kept,
    keptCount: seenCount,
    stages,
    keptMass,
    after: seen,
    entropyBefore: b.entropyNats,
    entropyAfter: seen.entropyNats,
    perplexityBefore: Math.exp(b.entropyNats),
    perplexityAfter: Math.exp(seen.entropyNats),
  };
}

/**
 * The sampling filters on the breakdown of softmax(x / T): which entries survive top-k, then top-p, then min-p, and
 * the survivors' probabilities renormalized, with the entropy and perplexity before and after.
 */
export function sampling(b: Breakdown, options: SamplingOptions): Sampled {
  return runSteps(samplingSteps(b, options));
}
