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
/** Entries looked at between yields (a Map look-up each). */
const ENTRIES_PER_STEP = 1 << 15;

/**
 * The correctly rounded values asked for, by interval arithmetic on the exact d_i = (x_i − x_argmax) / T.
 * Entries with equal logits share their values, computed once per precision. When the row has another finite
 * logit, log S is irrational and so is every value asked for but an exact 0 or 1 (Lindemann–Weierstrass), so
 * the intervals round with their ends left out: d_i − log S is decided even when d_i is a rounding midpoint
 * and log S is below any precision reached (terms under e^-1000 are bounded, not computed). Past 2^15 bits
 * (never seen: nothing bounds the loop but the distance to a midpoint) the nearest double to the interval's
 * lower end is given.
 */
export function* exactValuesSteps(row: Row, request: ExactRequest): Steps<ExactValues> {
  const { logits, offset, n } = row;
  const t = exactOf(row.temperature);
  const xa = exactOf(logits[offset + row.argmax]);
  const result: ExactValues = { probabilities: new Map(), logProbabilities: new Map(), logSumExp: NaN };
  // s′ over distinct logits: one exp per value, times how often it occurs.
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (i === row.argmax) continue;
    const x = logits[offset + i];
    if (x !== -Infinity) counts.set(x, (counts.get(x) ?? 0) + 1);
    if ((i + 1) % ENTRIES_PER_STEP === 0) yield;
  }
  const open = counts.size > 0;
  let pending = request.probabilities.length + request.logProbabilities.length + (request.logSumExp ? 1 : 0);
  for (let bits = FIRST_BITS; pending > 0; bits *= 2) {
    const last = bits >= LAST_BITS;
    const shiftOf = (x: number): Real => divPositive(add(exactOf(x), negate(xa), bits + 64), t, bits + 32);
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
      const v = roundedOrNaN(value, open);
      if (v === v || !last) return v;
      return roundedOrNaN({ lo: value.lo, hi: value.lo, e: value.e });
    };
    // Per distinct logit (the maximum's entry has x_argmax, d = 0 and term 1, as every logit equal to it).
    const probabilityOf = new Map<number, number>();
    const logProbabilityOf = new Map<number, number>();
    let looked = 0;
    for (const i of request.probabilities) {
      if (++looked % ENTRIES_PER_STEP === 0) yield;
      if (result.probabilities.has(i)) continue;
      const x = logits[offset + i];
      let v = probabilityOf.get(x);
      if (v === undefined) {
        const term = i === row.argmax ? one : x === -Infinity ? { lo: 0n, hi: 0n, e: 0 } : terms.get(x) ?? one;
        v = settle(divPositive(term, total, bits));
        probabilityOf.set(x, v);
      }
      if (v === v) {
        result.probabilities.set(i, v);
        pending--;
      }
    }
    for (const i of request.logProbabilities) {
      if (++looked % ENTRIES_PER_STEP === 0) yield;
      if (result.logProbabilities.has(i)) continue;
      const x = logits[offset + i];
      let v = logProbabilityOf.get(x);
      if (v === undefined) {
        const d = i === row.argmax ? { lo: 0n, hi: 0n, e: 0 } : shiftOf(x);
        v = settle(add(d, negate(logTotal), bits));
        logProbabilityOf.set(x, v);
      }
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
