// The slow, tight exp, expm1 and log1p in double-double arithmetic: used once per row (log S, 1/S) and by the
// fallback rungs of the correctly rounded kernel, where the fast path's 2^-80 is not enough to decide a rounding.
// Bounds in units of u² = 2^-106 from doubleDouble.ts; docs/correct-rounding.md adds them up.
import { addDD, addNumber, divDD, doubleDouble, mulDD, type DoubleDouble } from './doubleDouble';
import { INV_FACTORIAL, INV_LN2_4096, LN2_4096, SIXTH } from './expTable';
import { fastTwoSumError, twoSumError } from './errorFree';
import { exp2Table } from './fastExp';
import { POW2 } from './powersOfTwo';

const SHIFT = 6755399441055744;
const [L1, L2, L3, L4] = LN2_4096;

/** Relative error bound of accurateExp: the table's 9u², the product and sum with it 7u² + 3u², e^r − 1 below 1u². */
export const ACCURATE_EXP_ERROR = 20 * 2 ** -106;
/** Relative error bound of accurateExpm1. */
export const ACCURATE_EXPM1_ERROR = 2 ** -99;
/** Relative error bound of accurateLog1p, for an argument known exactly. */
export const ACCURATE_LOG1P_ERROR = 2 ** -98;

const r = doubleDouble();
const p = doubleDouble();
const tau = doubleDouble();

/** e^r − 1 for |r| ≤ 2^-13.4 (r as a double-double), by Horner's rule in double-double: relative error ≤ 20u². */
function expm1Reduced(rh: number, rl: number, out: DoubleDouble): DoubleDouble {
  r.hi = rh;
  r.lo = rl;
  const tail = rh * (INV_FACTORIAL[4] + rh * (INV_FACTORIAL[5] + rh * (INV_FACTORIAL[6] + rh * (INV_FACTORIAL[7] + rh * INV_FACTORIAL[8]))));
  p.hi = SIXTH[0];
  p.lo = SIXTH[1];
  addNumber(p, tail, p);
  mulDD(p, r, p);
  addNumber(p, 0.5, p);
  mulDD(p, r, p);
  addNumber(p, 1, p);
  return mulDD(p, r, out);
}

/** k = round(dh · 4096/ln2) and r = dh + dl − k·ln2/4096 as a double-double (error below 2^-116); returns k. */
function reduce(dh: number, dl: number): number {
  const kf = dh * INV_LN2_4096 + SHIFT - SHIFT;
  const a = dh - kf * L1;
  const s1 = a - kf * L2;
  const s2 = s1 - kf * L3;
  const s3 = s2 + dl;
  const e = ((twoSumError(a, -kf * L2, s1) + twoSumError(s1, -kf * L3, s2)) + twoSumError(s2, dl, s3)) - kf * L4;
  r.hi = s3 + e;
  r.lo = fastTwoSumError(s3, e, r.hi);
  return kf;
}

/**
 * e^(dh + dl) · 2^scale as a double-double, relative error ≤ ACCURATE_EXP_ERROR, for −746 ≤ dh ≤ 64, |dl| ≤ 1
 * and a scale keeping the result a normal double.
 */
export function accurateExp(dh: number, dl: number, scale: number, out: DoubleDouble): DoubleDouble {
  const tab = exp2Table();
  const k = reduce(dh, dl) | 0;
  const j = (k & 4095) << 2;
  expm1Reduced(r.hi, r.lo, out);
  tau.hi = tab[j];
  tau.lo = tab[j + 1];
  mulDD(tau, out, out);
  addDD(tau, out, out);
  const s = POW2[1074 + (k >> 12) + scale];
  out.hi *= s;
  out.lo *= s;
  return out;
}

const half = doubleDouble();
const two = doubleDouble();

/**
 * e^x − 1 for 0 ≤ x ≤ 64 (a double-double), relative error ≤ ACCURATE_EXPM1_ERROR: below 1/4 by halving
 * x until the table-free series applies and doubling back (expm1(2y) = expm1(y)·(expm1(y) + 2)), so no
 * cancellation against the table's error.
 */
export function accurateExpm1(x: DoubleDouble, out: DoubleDouble): DoubleDouble {
  if (x.hi >= 0.25) {
    accurateExp(x.hi, x.lo, 0, out);
    return addNumber(out, -1, out);
  }
  let halvings = 0;
  let yh = x.hi;
  let yl = x.lo;
  while (Math.abs(yh) > 2 ** -14) {
    yh *= 0.5;
    yl *= 0.5;
    halvings++;
  }
  expm1Reduced(yh, yl, out);
  for (; halvings > 0; halvings--) {
    addNumber(out, 2, two);
    mulDD(out, two, out);
  }
  return out;
}

/**
 * log(1 + s) for s ≥ 0 (a double-double), relative error ≤ ACCURATE_LOG1P_ERROR: Math.log1p, then one Newton
 * step on expm1(L) = s, which squares the error of the first guess.
 */
export function accurateLog1p(s: DoubleDouble, out: DoubleDouble): DoubleDouble {
  const l0 = Math.log1p(s.hi + s.lo);
  if (l0 === 0) {
    out.hi = s.hi;
    out.lo = s.lo;
    return out;
  }
  half.hi = l0;
  half.lo = 0;
  const m = accurateExpm1(half, doubleDouble());
  // (s − expm1(L0)) / (1 + expm1(L0))
  const num = addDD(s, doubleDouble(-m.hi, -m.lo), doubleDouble());
  const den = addNumber(m, 1, m);
  divDD(num, den, num);
  return addNumber(num, l0, out);
}

/** 1/s as a double-double: relative error ≤ 16u² (plus s's own). */
export function reciprocal(s: DoubleDouble, out: DoubleDouble): DoubleDouble {
  return divDD(doubleDouble(1, 0), s, out);
}

