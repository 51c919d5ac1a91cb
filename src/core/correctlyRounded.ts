// From a row and its sum s′, the correctly rounded probabilities p_i = e^(d_i) / S, log-probabilities
// d_i − log S and logsumexp max + log S, with S = 1 + s′. Each is first taken from the fast double-double values
// with Ziv's test; what the test cannot decide climbs a ladder: the entry's term with the accurate exp (2^-102),
// then S itself again with the accurate exp (O(n), about 2^-98), then exact interval arithmetic.
import { accurateExp, ACCURATE_EXP_ERROR, accurateLog1p, ACCURATE_LOG1P_ERROR, reciprocal } from './accurateExp';
import { addNumber, doubleDouble, mulDD } from './doubleDouble';
import { SPLITTER, twoSumError } from './errorFree';
import { exactValuesSteps } from './exactSoftmax';
import { FAST_EXP_ERROR, SCALE_UP, TINY_SHIFT, UNDERFLOW_SHIFT } from './fastExp';
import { POW2 } from './powersOfTwo';
import { roundedBetweenOrNaN, roundedNearOrNaN, roundedOrNaN, roundedScaledOrNaN } from './rounding';
import type { Row, ShiftedRow } from './shift';
import { accurateSumSteps, type RowSum } from './terms';
import type { Steps } from './steps';

const U2 = 2 ** -106;
/** Below this a product p = e · (1/S) is formed scaled up by 2^SCALE_UP, clear of the subnormal range. */
const SMALL_PRODUCT = 2 ** -900;

/** 1/S and log S = log1p(s′) of a row, from its sum, each with an absolute error bound. */
export interface Normalizer {
  sum: RowSum;
  /** 1/S = rh + rl within rBound. */
  rh: number;
  rl: number;
  rBound: number;
  /** log S = (lh + ll) · 2^lScale within lBound · 2^lScale (lScale = sum.scale). */
  lh: number;
  ll: number;
  lScale: number;
  lBound: number;
}

/** The normalizer of a row's sum; log S only `withLog` (it costs more than everything else for a short row). */
export function normalizerOf(sum: RowSum, withLog: boolean): Normalizer {
  const down = POW2[1074 + sum.scale];
  const s = sum.scale === 0 ? addNumber(doubleDouble(sum.hi, sum.lo), 1, doubleDouble()) : doubleDouble(1, sum.hi * down);
  const r = reciprocal(s, doubleDouble());
  // S's relative error becomes 1/S's, with the reciprocal's 16u² and the sum with 1's 2u².
  const rBound = ((sum.error * down) / s.hi) * (1 + 2 ** -50) * r.hi + 20 * U2 * r.hi;
  let l = doubleDouble(sum.hi, sum.lo);
  let lBound: number;
  if (!withLog) {
    lBound = NaN;
  } else if (sum.scale !== 0) {
    // log1p(s′) = s′(1 − s′/2 + …) with s′ < 2^-800: s′ itself, within 2^-799 relative.
    lBound = sum.error + 2 ** -799 * sum.hi;
  } else {
    if (sum.hi !== 0) l = accurateLog1p(l, doubleDouble());
    // An error Δ in s′ moves log(1 + s′) by at most Δ / (1 + s′).
    lBound = (sum.error / s.hi) * (1 + 2 ** -50) + ACCURATE_LOG1P_ERROR * l.hi;
  }
  return { sum, rh: r.hi, rl: r.lo, rBound, lh: l.hi, ll: l.lo, lScale: sum.scale, lBound };
}

/** p of the maximum's entry: 1/S. */
function maxProbability(norm: Normalizer): number {
  return roundedOrNaN(norm.rh, norm.rl, norm.rBound);
}

/**
 * out[at + i] = p_i for i in [from, to) from the terms hi[i] + lo[i] of sumTerms, or the nearest double to the
 * fast value with i added to `undecided` when Ziv's test cannot decide. Tiny terms, stored scaled up, are
 * scaled back in hi (the breakdown shows them).
 */
export function probabilitiesRange(
  row: ShiftedRow,
  hi: Float64Array,
  lo: Float64Array,
  norm: Normalizer,
  out: Float64Array,
  at: number,
  from: number,
  to: number,
  undecided: number[],
): void {
  const { shifted, argmax, residual } = row;
  const rh = norm.rh;
  const rl = norm.rl;
  const c = SPLITTER * rh;
  const rH = c - (c - rh);
  const rL = rh - rH;
  const relative = FAST_EXP_ERROR + norm.rBound / rh + 8 * U2;
  const up = 2 ** SCALE_UP;
  for (let i = from; i < to; i++) {
    if (i === argmax) {
      const v = maxProbability(norm);
      out[at + i] = v === v ? v : rh;
      if (v !== v) undecided.push(i);
      continue;
    }
    const d = shifted[i];
    if (!(d >= UNDERFLOW_SHIFT)) {
      // e^d < 2^-1075 (or a masked logit): p rounds to 0, and so does the term the breakdown shows, kept scaled till now.
      out[at + i] = 0;
      hi[i] = 0;
      continue;
    }
    let eh = hi[i];
    let el = lo[i];
    let scaled = d < TINY_SHIFT;
    if (scaled) hi[i] = eh * 2 ** -SCALE_UP;
    else if (eh * rh < SMALL_PRODUCT) {
      eh *= up;
      el *= up;
      scaled = true;
    }
    const ph = eh * rh;
    // productError (errorFree.ts) with rh's halves hoisted: p = ph + pl.
    const ce = SPLITTER * eh;
    const eH = ce - (ce - eh);
    const eL = eh - eH;
    const pl = (((eH * rH - ph) + eH * rL + eL * rH) + eL * rL) + (eh * rl + el * rh);
    const bound = (residual === null ? relative : relative + row.shiftError(i)) * ph;
    const v = scaled ? roundedScaledOrNaN(ph, pl, bound, -SCALE_UP) : roundedOrNaN(ph, pl, bound);
    if (v === v) {
      out[at + i] = v;
    } else {
      out[at + i] = scaled ? ph * 2 ** -SCALE_UP : ph;
      undecided.push(i);
    }
  }
}

/** log p_i = d_i − log S from the shift and the normalizer alone; NaN when Ziv's test cannot decide. */
export function logProbabilityOf(row: Row, i: number, norm: Normalizer, dh: number, dl: number): number {
  const v = logProbabilityNear(row, i, norm, dh, dl);
  // Only the maximum's entry can round to zero. With another finite logit log S > 0 (its term may be only
  // bounded, e^-2000 beside 1), so log p < 0 and rounds to −0, as IEEE 754 rounds it; alone, log p = 0 exactly.
  return v === 0 && (norm.lh > 0 || norm.lBound > 0) ? -0 : v;
}

function logProbabilityNear(row: Row, i: number, norm: Normalizer, dh: number, dl: number): number {
  if (dh === -Infinity) return -Infinity;
  const err = row.shiftError(i);
  if (norm.lScale === 0) {
    // d − log S = (dh − lh) + (dl − ll), in three parts: dl may be exactly half an ulp and ll what tips it.
    const s = dh - norm.lh;
    const e = twoSumError(dh, -norm.lh, s);
    const r = e + dl;
    return roundedNearOrNaN(s, r, twoSumError(e, dl, r) - norm.ll, norm.lBound + err);
  }
  // log S < 2^-800: exactly what the maximum's entry is, a residual elsewhere.
  if (i === row.argmax) return roundedScaledOrNaN(-norm.lh, -norm.ll, norm.lBound, -SCALE_UP);
  const logS = norm.lh * 2 ** -SCALE_UP;
  const bound = (norm.lBound + norm.lh * 2 ** -52) * 2 ** -SCALE_UP + 2 ** -1074;
  // log S > 0 (the row has terms, if only dropped ones), so log p_i < d_i: where log S is within its bound of 0
  // the value lies in [d_i − log S − bound, d_i), decided even when d_i is a rounding midpoint.
  return logS <= bound ? roundedBetweenOrNaN(dh, dl, -logS, bound + err, logS + err, 1) : roundedNearOrNaN(dh, dl, -logS, bound + err);
}

/** out[at + i] = log p_i for i in [from, to), as probabilitiesRange. */
export function logProbabilitiesRange(row: ShiftedRow, norm: Normalizer, out: Float64Array, at: number, from: number, to: number, undecided: number[]): void {
  const { shifted, delta, residual } = row;
  const { lh, ll, lBound } = norm;
  const twoParts = norm.lScale === 0;
  for (let i = from; i < to; i++) {
    const dh = shifted[i];
    const dl = delta === null || dh === -Infinity ? 0 : delta[i];
    if (twoParts && dh !== -Infinity) {
      // logProbabilityOf's value in two parts, where they decide: s + e = dh − lh exactly (TwoSum), and
      // r = (e + dl) − ll within 2^-53 (|e + dl| + |r|), r within ulp(s); the three-part test for the rest.
      const s = dh - lh;
      const e = twoSumError(dh, -lh, s);
      const t = e + dl;
      const r = t - ll;
      if (Math.abs(r) <= 2 ** -53 * Math.abs(s)) {
        const bound = lBound + (residual === null ? 0 : row.shiftError(i)) + 2 ** -53 * (Math.abs(t) + Math.abs(r));
        const quick = roundedOrNaN(s, r, bound);
        if (quick === quick) {
          out[at + i] = quick;
          continue;
        }
      }
    }
    const v = logProbabilityOf(row, i, norm, dh, dl);
    if (v === v) {
      out[at + i] = v;
    } else {
      out[at + i] = dh - norm.lh;
      undecided.push(i);
    }
  }
}

/** logsumexp = x_argmax/T + log S; NaN when Ziv's test cannot decide. */
export function logSumExpOf(row: Row, norm: Normalizer): number {
  const qa = row.max;
  const ra = row.maxResidual;
  // x_argmax / T = qa + ra within 2^-106·|qa|: ra, below ulp(qa)/2, is rounded once. Below 2^-1000 (T ≠ 1)
  // ρ = (x − qa·T)/T is rounded on the subnormal grid, or lost with a quotient that rounded to 0: 2^-1073 more.
  const residualError = 2 ** -105 * Math.abs(qa) + (row.temperature !== 1 && Math.abs(qa) < 2 ** -1000 ? 2 ** -1073 : 0);
  if (norm.lScale === 0) {
    const s = qa + norm.lh;
    const e = twoSumError(qa, norm.lh, s);
    const r = e + ra;
    return roundedNearOrNaN(s, r, twoSumError(e, ra, r) + norm.ll, norm.lBound + residualError);
  }
  if (row.logits[row.offset + row.argmax] === 0) return roundedScaledOrNaN(norm.lh, norm.ll, norm.lBound, -SCALE_UP);
  const logS = norm.lh * 2 ** -SCALE_UP;
  const bound = (norm.lBound + norm.lh * 2 ** -52) * 2 ** -SCALE_UP + 2 ** -1074;
  // As for log p_i: log S > 0, so logsumexp > x_argmax / T, which may be a midpoint (a subnormal quotient).
  return logS <= bound
    ? roundedBetweenOrNaN(qa, ra, logS, logS + residualError, bound + residualError, -1)
    : roundedNearOrNaN(qa, ra, logS, bound + residualError);
}

const shift = doubleDouble();
const term = doubleDouble();

/** p_i from the accurate exp of entry i: decides all but entries within about 2^-98 of a rounding boundary. */
function accurateProbability(row: Row, i: number, norm: Normalizer): number {
  if (i === row.argmax) return maxProbability(norm);
  row.shiftAt(i, shift);
  if (!(shift.hi >= UNDERFLOW_SHIFT)) return 0;
  const scale = shift.hi < -600 ? SCALE_UP : 0;
  accurateExp(shift.hi, shift.lo, scale, term);
  mulDD(term, doubleDouble(norm.rh, norm.rl), term);
  const relative = ACCURATE_EXP_ERROR + row.shiftError(i) + norm.rBound / norm.rh + 8 * U2;
  return roundedScaledOrNaN(term.hi, term.lo, relative * term.hi, -scale);
}

/** What the fast pass could not decide, and where the answers go. */
export interface Unsettled {
  probabilities?: { indices: number[]; out: Float64Array; at: number };
  logProbabilities?: { indices: number[]; out: Float64Array; at: number };
  logSumExp?: { value: number };
}

function remaining(u: Unsettled): number {
  return (u.probabilities?.indices.length ?? 0) + (u.logProbabilities?.indices.length ?? 0) + (u.logSumExp && u.logSumExp.value !== u.logSumExp.value ? 1 : 0);
}

/** Keeps in `indices` those for which decide() still gives NaN, writing the others. */
function settleWith(target: { indices: number[]; out: Float64Array; at: number } | undefined, decide: (i: number) => number): void {
  if (!target) return;
  const left: number[] = [];
  for (const i of target.indices) {
    const v = decide(i);
    if (v === v) target.out[target.at + i] = v;
    else left.push(i);
  }
  target.indices = left;
}

/** How often each rung was needed, for the accuracy benchmark. */
export const ladderCounts = { entries: 0, accurateSums: 0, exactRows: 0 };

/** Climbs the ladder for everything still unsettled; on return every value asked for is correctly rounded. */
export function* settleSteps(row: Row, norm: Normalizer, u: Unsettled): Steps<void> {
  if (remaining(u) === 0) return;
  // Rung 1, per entry: only a probability has a per-entry part (its term) to compute more precisely.
  if (u.probabilities) ladderCounts.entries += u.probabilities.indices.length;
  settleWith(u.probabilities, (i) => accurateProbability(row, i, norm));
  if (remaining(u) === 0) return;
  // Rung 2: S itself, with the accurate exp.
  ladderCounts.accurateSums++;
  const tight = normalizerOf(yield* accurateSumSteps(row), true);
  settleWith(u.probabilities, (i) => accurateProbability(row, i, tight));
  settleWith(u.logProbabilities, (i) => logProbabilityOf(row, i, tight, row.shiftAt(i, shift).hi, shift.lo));
  if (u.logSumExp && u.logSumExp.value !== u.logSumExp.value) u.logSumExp.value = logSumExpOf(row, tight);
  if (remaining(u) === 0) return;
  // Rung 3: exact.
  ladderCounts.exactRows++;
  const exact = yield* exactValuesSteps(row, {
    probabilities: u.probabilities?.indices ?? [],
    logProbabilities: u.logProbabilities?.indices ?? [],
    logSumExp: !!u.logSumExp && u.logSumExp.value !== u.logSumExp.value,
  });
  settleWith(u.probabilities, (i) => exact.probabilities.get(i) ?? NaN);
  settleWith(u.logProbabilities, (i) => exact.logProbabilities.get(i) ?? NaN);
  if (u.logSumExp && u.logSumExp.value !== u.logSumExp.value) u.logSumExp.value = exact.logSumExp;
}
