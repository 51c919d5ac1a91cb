// The last rung of the correctly rounded kernel: softmax, log-softmax and logsumexp of a row in exact interval
// arithmetic, at a precision doubled until every asked-for value rounds to one double (Ziv's loop). Equal
// logits share one term, so long rows of ties stay cheap; everything else costs BigInt work per distinct logit.
import { add, approximate, divPositive, exactOf, exp, ln, negate, roundedOrNaN, type Real } from './exactReal';
import type { Row } from './shift';
import type { Steps } from './steps';

export interface ExactRequest {
  probabilities: number[];
  logProbabilities: number[];
  logSumExp: boolean;
}

export interface ExactValues {
  probabilities: Map<number, number>;
  logProbabilities: Map<number, number>;
  logSumExp: number;
}

/** Below this d, e^d < 2^-1442: bounded by that instead of computed (its probability rounds to 0 anyway). */
const NEGLIGIBLE_SHIFT = -1000;
const NEGLIGIBLE: Real = { lo: 0n, hi: 1n, e: -1442 };
const FIRST_BITS = 128;
const LAST_BITS = 1 << 15;
/** Terms computed between yields. */
const TERMS_PER_STEP = 32;

/**
 * The correctly rounded values asked for, by interval arithmetic on the exact d_i = (x_i − x_argmax) / T.
 * Past 2^15 bits (never seen: by Lindemann–Weierstrass no value here is exactly a rounding midpoint, so the loop
 * ends, but nothing bounds when) the nearest double to the interval's lower end is given.
 */
export function* exactValuesSteps(row: Row, request: ExactRequest): Steps<ExactValues> {
  const { logits, offset, n } = row;
  const t = exactOf(row.temperature);
  const xa = exactOf(logits[offset + row.argmax]);
  const result: ExactValues = { probabilities: new Map(), logProbabilities: new Map(), logSumExp: NaN };
  let pending = request.probabilities.length + request.logProbabilities.length + (request.logSumExp ? 1 : 0);
  for (let bits = FIRST_BITS; pending > 0; bits *= 2) {
    const last = bits >= LAST_BITS;
    const shiftOf = (x: number): Real => divPositive(add(exactOf(x), negate(xa), bits + 64), t, bits + 32);
    // s′ over distinct logits: one exp per value, times how often it occurs.
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (i === row.argmax) continue;
      const x = logits[offset + i];
      if (x !== -Infinity) counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    const terms = new Map<number, Real>();
    let rest: Real = { lo: 0n, hi: 0n, e: 0 };
    let done = 0;
    for (const [x, count] of counts) {
      const d = shiftOf(x);
      const term = d.hi < 0n && approximate(d) < NEGLIGIBLE_SHIFT ? NEGLIGIBLE : exp(d, bits + 16);
      terms.set(x, term);
      rest = add(rest, { lo: term.lo * BigInt(count), hi: term.hi * BigInt(count), e: term.e }, bits + 16);
      if (++done % TERMS_PER_STEP === 0) yield;
    }
    const one: Real = { lo: 1n, hi: 1n, e: 0 };
    const total = add(one, rest, bits + 16);
    const logTotal = ln(total, bits + 16);
    const settle = (value: Real): number => {
      const v = roundedOrNaN(value);
      if (v === v || !last) return v;
      return roundedOrNaN({ lo: value.lo, hi: value.lo, e: value.e });
    };
    for (const i of request.probabilities) {
      if (result.probabilities.has(i)) continue;
      const x = logits[offset + i];
      const term = i === row.argmax ? one : x === -Infinity ? { lo: 0n, hi: 0n, e: 0 } : terms.get(x) ?? one;
      const v = settle(divPositive(term, total, bits));
      if (v === v) {
        result.probabilities.set(i, v);
        pending--;
      }
    }
    for (const i of request.logProbabilities) {
      if (result.logProbabilities.has(i)) continue;
      const d = i === row.argmax ? { lo: 0n, hi: 0n, e: 0 } : shiftOf(logits[offset + i]);
      const v = settle(add(d, negate(logTotal), bits));
      if (v === v) {
        result.logProbabilities.set(i, v);
        pending--;
      }
    }
    if (request.logSumExp && result.logSumExp !== result.logSumExp) {
      const v = settle(add(divPositive(xa, t, bits + 32), logTotal, bits));
      if (v === v) {
        result.logSumExp = v;
        pending--;
      }
    }
    if (pending > 0) yield;
  }
  return result;
}
