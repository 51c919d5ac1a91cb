// Ziv's rounding test: an approximation hi + lo known within ±bound of the exact value gives the correctly
// rounded double when the whole interval rounds to one double, and says so otherwise (NaN), so the caller
// computes more precisely. Round to nearest, ties to even, as IEEE 754 and Python's float(Decimal).
import { twoSumError } from './errorFree';
import { POW2 } from './powersOfTwo';

const MIN_SUBNORMAL = 2 ** -1074;
const MIN_NORMAL_SAFE = 2 ** -1021;

/** Covers the roundings of lo ± bound inside the test, relative to |hi|. */
const SLACK = 2 ** -104;

/**
 * The double nearest every value in [hi + lo − bound, hi + lo + bound], or NaN when a rounding boundary lies
 * inside (|lo| ≤ ulp(hi)). Rounding is monotone, so if both ends round to one double every value between does.
 */
export function roundedOrNaN(hi: number, lo: number, bound: number): number {
  bound += SLACK * Math.abs(hi);
  const up = hi + (lo + bound);
  // A zero here comes from an interval around an exact zero (one finite logit): +0. The values that round to
  // zero from below (the log-probability of a logit that dominates by more than 745) take roundedScaledOrNaN.
  return up === hi + (lo - bound) ? up + 0 : NaN;
}

/**
 * As roundedOrNaN for the value (hi + lo) · 2^e (|lo| ≤ |hi|), −1023 ≤ e ≤ 0, whose double may be subnormal: there the grid
 * is 2^-1074 whatever the value, so the test is made on that grid. A value that rounds to zero keeps its sign, as
 * IEEE 754 and Python's float(Decimal) round it (−0 for −2^-2000), given the bound leaves the interval on one side of 0.
 */
export function roundedScaledOrNaN(hi: number, lo: number, bound: number, e: number): number {
  // Renormalized first (Fast2Sum, |lo| ≤ |hi|): the subnormal test below needs |lo| ≤ ulp(hi).
  const s = hi + lo;
  lo = (hi - s) + lo;
  hi = s;
  const down = POW2[1074 + e];
  const z = hi * down;
  if (!(Math.abs(z) < MIN_NORMAL_SAFE)) return roundedOrNaN(hi, lo, bound) * down;
  // Below 2^-1021: z = RN(hi · 2^e) on the subnormal grid, whose step is g in hi's units.
  const g = POW2[1074 - 1074 - e];
  const t = (hi - z * POW2[1074 - e]) + lo;
  const slack = bound + g * 2 ** -50;
  let result: number;
  if (Math.abs(t) + slack < g / 2) result = z;
  else if (t - slack > g / 2 && t + slack < 1.5 * g) result = z + MIN_SUBNORMAL;
  else if (t + slack < -g / 2 && t - slack > -1.5 * g) result = z - MIN_SUBNORMAL;
  else return NaN;
  return result === 0 ? (hi < 0 ? -0 : 0) : result;
}

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The next double after x towards +∞ (up) or −∞. */
function neighbour(x: number, up: boolean): number {
  if (x === 0) return up ? MIN_SUBNORMAL : -MIN_SUBNORMAL;
  bits[0] = x;
  word[0] += (x > 0) === up ? 1n : -1n;
  return bits[0];
}

/**
 * As roundedOrNaN for the value c + r1 + r2 known within ±bound, the three parts of any sizes. When the value is
 * within a hair of a rounding midpoint (a shift of exactly half an ulp, common for logits of few bits, plus a
 * tiny log S), the third part decides which way it rounds — which a two-term test cannot see.
 */
export function roundedNearOrNaN(c: number, r1: number, r2: number, bound: number): number {
  return roundedBetweenOrNaN(c, r1, r2, bound, bound, 0);
}

/**
 * As roundedNearOrNaN for a value known to lie in [v − down, v + up], v = c + r1 + r2, with one end excluded
 * when `open` says so (1: the upper, −1: the lower). A log-probability d − log S with log S > 0 but below its
 * own bound lies in [d − bound, d): when d is exactly a midpoint (logits past 2^53 that differ by an odd
 * integer), only the open end says it rounds down; a closed interval around d would never be decided.
 */
export function roundedBetweenOrNaN(c: number, r1: number, r2: number, down: number, up: number, open: -1 | 0 | 1): number {
  // Renormalized exactly: v = s + e + f with |e| ≤ ulp(s)/2 and f far below.
  const a = c + r1;
  const ae = twoSumError(c, r1, a);
  const b = ae + r2;
  const f = twoSumError(ae, r2, b);
  const s = a + b;
  const e = twoSumError(a, b, s);
  const bound = Math.max(down, up);
  const quick = roundedOrNaN(s, e, Math.abs(f) + bound);
  if (quick === quick || !Number.isFinite(s)) return quick;
  const above = neighbour(s, true);
  const below = neighbour(s, false);
  if (!(Math.abs(e) + Math.abs(f) + bound <= Math.min(above - s, s - below))) return NaN;
  // v − upper midpoint and v − lower midpoint: each subtraction is exact near zero (Sterbenz), the sum with f
  // rounded relative to what it holds. The true value minus a midpoint m lies in [v − m − down, v − m + up].
  const upper = (e - (above - s) / 2) + f;
  const lower = (e + (s - below) / 2) + f;
  const upperSlack = 2 ** -52 * Math.abs(upper);
  const lowerSlack = 2 ** -52 * Math.abs(lower);
  const aboveUpper = open < 0 ? upper >= down + upperSlack : upper > down + upperSlack;
  const belowLower = open > 0 ? lower <= -(up + lowerSlack) : lower < -(up + lowerSlack);
  const belowUpper = open > 0 ? upper <= -(up + upperSlack) : upper < -(up + upperSlack);
  const aboveLower = open < 0 ? lower >= down + lowerSlack : lower > down + lowerSlack;
  if (aboveUpper) return above + 0;
  if (belowLower) return below + 0;
  if (belowUpper && aboveLower) return s + 0;
  return NaN;
}
