// What training does with a softmax: the gradient of the cross-entropy loss and the Jacobian of softmax itself, with
// respect to the scaled logits z = x / T. 1 − p_i is taken as −expm1(ln p_i), which keeps its digits when p_i is
// near 1 (there 1 − p_i in floating point would cancel to a few bits, or to 0).
import type { Breakdown } from '../breakdown';
import { inRanges, runSteps, type Steps } from '../softmax';
import { checkTarget } from '../stats';

/** 1 − p_i from the accurate log-probability (0 − rather than unary minus: 1 − 1 is 0, not −0). */
function complement(b: Breakdown, i: number): number {
  return 0 - Math.expm1(b.logProbabilities[i]);
}

/** crossEntropyGradient in steps of at most STEP entries; the same numbers. */
export function* crossEntropyGradientSteps(b: Breakdown, target: number): Steps<Float64Array> {
  const n = b.probabilities.length;
  checkTarget(target, n);
  const g = new Float64Array(n);
  yield* inRanges(n, (from, to) => {
    for (let i = from; i < to; i++) g[i] = b.probabilities[i];
  });
  // p_y − 1 = expm1(ln p_y): all its digits, even for p_y within an ulp of 1.
  g[target] = Math.expm1(b.logProbabilities[target]);
  return g;
}

/**
 * ∂L/∂z_i of the loss L = −ln p_y: p_i − [i = y]. Its entries add up to 0: the target's is pulled up by as much as
 * the rest together are pushed down. (With respect to the logits x themselves, divide by T.)
 */
export function crossEntropyGradient(b: Breakdown, target: number): Float64Array {
  return runSteps(crossEntropyGradientSteps(b, target));
}

/** ∂p_i/∂z_j = p_i([i = j] − p_j), row-major n × n: diag(p) − p pᵀ, symmetric, each row adding up to 0. n² numbers. */
export function softmaxJacobian(b: Breakdown): Float64Array {
  const n = b.probabilities.length;
  const p = b.probabilities;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = i === j ? p[i] * complement(b, i) : -(p[i] * p[j]);
  }
  return out;
}
