// Two distributions over the same classes, compared the ways training and distillation compare them: KL divergence
// both ways, cross-entropy and total variation, with the term each entry adds. The log terms come from the accurate
// log-softmax, so a probability that underflows to 0 still has its true logarithm.
import { inRanges, runSteps, SoftmaxInputError, type Steps } from '../softmax';
import type { Compensated } from '../errorFree';

/** A distribution as the lab takes it: probabilities and their natural logarithms (−∞ where p = 0 exactly). */
export interface Distribution {
  probabilities: ArrayLike<number>;
  logProbabilities: ArrayLike<number>;
}

export interface Comparison {
  /** KL(p‖q) = Σ p_i ln(p_i / q_i), in nats; +∞ when some q_i = 0 < p_i. */
  klPQ: number;
  /** KL(q‖p) = Σ q_i ln(q_i / p_i); +∞ when some p_i = 0 < q_i. */
  klQP: number;
  /** H(p, q) = −Σ p_i ln q_i = H(p) + KL(p‖q); +∞ when some q_i = 0 < p_i. */
  crossEntropy: number;
  /** TV(p, q) = ½ Σ |p_i − q_i|, from 0 (the same) to 1 (no class in common). */
  totalVariation: number;
  /** The term each entry adds to each sum; an entry with p_i = 0 adds nothing to KL(p‖q) or H(p, q), whatever q_i. */
  terms: { klPQ: Float64Array; klQP: Float64Array; crossEntropy: Float64Array; totalVariation: Float64Array };
  /** Entries where q_i = 0 < p_i (KL(p‖q) and H(p, q) are infinite there), and where p_i = 0 < q_i (KL(q‖p) is): 0 exactly, ln = −∞. */
  onlyInP: Support;
  onlyInQ: Support;
}

/** How many entries one distribution gives probability and the other none, and the first of them (−1: none). */
export interface Support {
  count: number;
  first: number;
}

/** p ln(p / q) from the logs: 0 where p = 0 (the limit of x ln x), +∞ where only q is 0. */
function klTerm(p: number, logP: number, logQ: number): number {
  if (logP === -Infinity) return 0;
  if (logQ === -Infinity) return Infinity;
  return p * (logP - logQ);
}

/** −p ln q: 0 where p = 0, +∞ where only q is 0. */
function crossTerm(p: number, logP: number, logQ: number): number {
  if (logP === -Infinity) return 0;
  if (logQ === -Infinity) return Infinity;
  return -p * logQ;
}

interface Sums {
  klPQ: Compensated;
  klQP: Compensated;
  crossEntropy: Compensated;
  totalVariation: Compensated;
}

function add(sum: Compensated, v: number): void {
  const s = sum.total + v;
  sum.comp += Math.abs(sum.total) >= Math.abs(v) ? (sum.total - s) + v : (v - s) + sum.total;
  sum.total = s;
}

/** A compensated sum of terms; +∞ stays +∞ (the comp of an infinite sum is NaN and means nothing). */
function total(sum: Compensated): number {
  return sum.total === Infinity ? Infinity : sum.total + sum.comp;
}

/** compare() in steps of at most STEP entries; the same numbers. */
export function* compareSteps(p: Distribution, q: Distribution): Steps<Comparison> {
  const n = p.probabilities.length;
  if (q.probabilities.length !== n) {
    throw new SoftmaxInputError(`Two distributions can be compared only over the same classes; these have ${n} and ${q.probabilities.length}.`);
  }
  const terms = { klPQ: new Float64Array(n), klQP: new Float64Array(n), crossEntropy: new Float64Array(n), totalVariation: new Float64Array(n) };
  const fresh = (): Compensated => ({ total: 0, comp: 0 });
  const sums: Sums = { klPQ: fresh(), klQP: fresh(), crossEntropy: fresh(), totalVariation: fresh() };
  const onlyInP: Support = { count: 0, first: -1 };
  const onlyInQ: Support = { count: 0, first: -1 };
  yield* inRanges(n, (from, to) => {
    for (let i = from; i < to; i++) {
      const pi = p.probabilities[i];
      const qi = q.probabilities[i];
      const lp = p.logProbabilities[i];
      const lq = q.logProbabilities[i];
      // By the logs: a probability that underflowed to 0 still has its finite logarithm, and a finite term.
      if (lq === -Infinity && lp > -Infinity && onlyInP.count++ === 0) onlyInP.first = i;
      if (lp === -Infinity && lq > -Infinity && onlyInQ.count++ === 0) onlyInQ.first = i;
      const kpq = klTerm(pi, lp, lq);
      const kqp = klTerm(qi, lq, lp);
      const ce = crossTerm(pi, lp, lq);
      const tv = 0.5 * Math.abs(pi - qi);
      terms.klPQ[i] = kpq;
      terms.klQP[i] = kqp;
      terms.crossEntropy[i] = ce;
      terms.totalVariation[i] = tv;
      add(sums.klPQ, kpq);
      add(sums.klQP, kqp);
      add(sums.crossEntropy, ce);
      add(sums.totalVariation, tv);
    }
  });
  return {
    // KL is never negative; a sum of rounded terms of a nearly equal pair may dip just below 0.
    klPQ: Math.max(0, total(sums.klPQ)),
    klQP: Math.max(0, total(sums.klQP)),
    crossEntropy: total(sums.crossEntropy),
    totalVariation: Math.min(1, total(sums.totalVariation)),
    terms,
    onlyInP,
    onlyInQ,
  };
}

/** KL(p‖q), KL(q‖p), the cross-entropy H(p, q) and the total variation of two distributions over the same classes. */
export function compare(p: Distribution, q: Distribution): Comparison {
  return runSteps(compareSteps(p, q));
}
