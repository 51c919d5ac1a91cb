// Plain decimal literals converted without allocating a substring, with exactly Number()'s result:
// up to 15 significant digits use Clinger's fast path (an exact integer times or over an exact power
// of ten: one correctly rounded operation); 16–19 digits use an exact double-double product and keep
// the result only when its rounding is unambiguous. Everything else goes to Number(text.slice(...)).

import { Ch } from '../charCodes';
import { SPLITTER, splitHigh } from '../errorFree';
import { roundedOrNaN } from '../rounding';
import type { LiteralRead } from './numbers';

/** 10^0 … 10^22: every one is exactly representable as a double. */
export const POW10: number[] = [];
for (let k = 0; k <= 22; k++) POW10.push(Number(`1e${k}`));

/** Each power of ten already split in halves (Veltkamp), for Dekker's exact product. */
const POW10_HI = POW10.map(splitHigh);
const POW10_LO = POW10.map((b, k) => b - POW10_HI[k]);
/** The double-double results below carry a relative error far under 2^-100; this margin is 2^-94. */
const MARGIN = 2 ** -94;
const TINY = 2 ** -960;
const HUGE = 2 ** 1000;

/**
 * The double nearest to (hi·10^loDigits + lo)·10^e10, where hi < 10^15 and lo < 10^loDigits ≤ 10^4, or
 * NaN when that cannot be decided cheaply (the caller then asks Number()). Products are exact by
 * Dekker's method (productError, errorFree.ts), written out in place with the power of ten's halves
 * precomputed, because this runs once per long literal.
 */
function longDecimal(hi: number, lo: number, loDigits: number, e10: number): number {
  if (e10 < -22 || e10 > 22) return NaN;
  let t = SPLITTER * hi;
  let xh = t - (t - hi);
  let xl = hi - xh;
  let yh = POW10_HI[loDigits];
  let yl = POW10_LO[loDigits];
  let p = hi * POW10[loDigits];
  let pe = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl;
  // The integer W = wh + wl exactly: every term is an integer below 2^64 and the error terms are small.
  const sum = p + lo;
  let wl = (p - sum + lo) + pe;
  const wh = sum + wl;
  wl -= wh - sum;
  let h: number;
  let l: number;
  if (e10 === 0) {
    h = wh;
    l = wl;
  } else if (e10 < 0) {
    const d = POW10[-e10];
    const q1 = wh / d;
    t = SPLITTER * q1;
    xh = t - (t - q1);
    xl = q1 - xh;
    yh = POW10_HI[-e10];
    yl = POW10_LO[-e10];
    p = q1 * d;
    pe = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl;
    const q2 = ((wh - p) - pe + wl) / d;
    h = q1 + q2;
    l = q2 - (h - q1);
  } else {
    const d = POW10[e10];
    t = SPLITTER * wh;
    xh = t - (t - wh);
    xl = wh - xh;
    yh = POW10_HI[e10];
    yl = POW10_LO[e10];
    p = wh * d;
    pe = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl;
    const u = pe + wl * d;
    h = p + u;
    l = u - (h - p);
  }
  const a = h < 0 ? -h : h;
  if (!(a > TINY && a < HUGE)) return NaN;
  // The exact value lies within MARGIN·a of h + l: Ziv's test decides its rounding, or says it cannot.
  return roundedOrNaN(h, l, MARGIN * a);
}

function isIdentOrDot(c: number): boolean {
  return (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ) || (c >= Ch.Zero && c <= Ch.Nine) || c === Ch.Underscore || c === Ch.Dollar || c === Ch.Dot;
}

/**
 * Reads `[+-]digits[.digits][(e|E)[+-]digits]` at i. Returns false when the literal goes on with a
 * letter, `_` or `.` (a suffix, a separator, a version string): the general reader decides those.
 */
export function readDecimal(text: string, i: number, out: LiteralRead): boolean {
  let j = i;
  let c = text.charCodeAt(j);
  const negative = c === Ch.Minus;
  if (negative || c === Ch.Plus) c = text.charCodeAt(++j);
  let hi = 0;
  let lo = 0;
  let loDigits = 0;
  let sig = 0;
  let e10 = 0;
  let exact = true;
  // One loop per kind of digit (leading zero, kept, dropped): no per-digit test of where the digit falls.
  const intStart = j;
  while (c === Ch.Zero) c = text.charCodeAt(++j);
  for (; c >= Ch.Zero && c <= Ch.Nine && sig < 15; sig++, c = text.charCodeAt(++j)) hi = hi * 10 + (c - Ch.Zero);
  for (; c >= Ch.Zero && c <= Ch.Nine && sig < 19; sig++, loDigits++, c = text.charCodeAt(++j)) lo = lo * 10 + (c - Ch.Zero);
  for (; c >= Ch.Zero && c <= Ch.Nine; c = text.charCodeAt(++j)) {
    e10++;
    if (c !== Ch.Zero) exact = false;
  }
  let digits = j - intStart;
  if (c === Ch.Dot) {
    const fracStart = ++j;
    c = text.charCodeAt(j);
    if (sig === 0) while (c === Ch.Zero) c = text.charCodeAt(++j);
    for (; c >= Ch.Zero && c <= Ch.Nine && sig < 15; sig++, c = text.charCodeAt(++j)) hi = hi * 10 + (c - Ch.Zero);
    for (; c >= Ch.Zero && c <= Ch.Nine && sig < 19; sig++, loDigits++, c = text.charCodeAt(++j)) lo = lo * 10 + (c - Ch.Zero);
    // Every fraction digit up to the last one kept (leading zeros included) scales the kept integer by 1/10.
    e10 -= j - fracStart;
    for (; c >= Ch.Zero && c <= Ch.Nine; c = text.charCodeAt(++j)) if (c !== Ch.Zero) exact = false;
    digits += j - fracStart;
  }
  if (digits === 0) return false;
  if (c === Ch.LowerE || c === Ch.UpperE) {
    let k = j + 1;
    let s = text.charCodeAt(k);
    const expNegative = s === Ch.Minus;
    if (expNegative || s === Ch.Plus) s = text.charCodeAt(++k);
    if (s >= Ch.Zero && s <= Ch.Nine) {
      let e = 0;
      while (s >= Ch.Zero && s <= Ch.Nine) {
        if (e < 100000) e = e * 10 + (s - 48);
        s = text.charCodeAt(++k);
      }
      e10 += expNegative ? -e : e;
      j = k;
      c = s;
    }
  }
  if (isIdentOrDot(c)) return false;
  let value: number;
  if (sig === 0) {
    value = 0;
  } else if (!exact) {
    value = NaN;
  } else if (sig <= 15 && e10 >= -22 && e10 <= 22) {
    value = e10 < 0 ? hi / POW10[-e10] : hi * POW10[e10];
  } else {
    value = longDecimal(hi, lo, loDigits, e10);
  }
  if (value !== value) {
    value = Number(text.slice(negative || text.charCodeAt(i) === Ch.Plus ? i + 1 : i, j));
  }
  out.value = negative ? -value : value;
  out.end = j;
  return true;
}
