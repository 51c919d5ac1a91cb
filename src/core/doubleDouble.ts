// Double-double arithmetic: a value carried as hi + lo, about 106 bits. The algorithms and their relative
// error bounds (in units of u² = 2^-106) are those proved by Joldes, Muller & Popescu, "Tight and rigorous
// error bounds for basic building blocks of double-word arithmetic" (ACM TOMS 44(2), 2017), without FMA.
import { fastTwoSumError, productError, twoSumError } from './errorFree';

/** hi + lo with |lo| ≤ ulp(hi)/2 after every operation below. Results are written into `out`, which may be an input. */
export interface DoubleDouble {
  hi: number;
  lo: number;
}

export function doubleDouble(hi = 0, lo = 0): DoubleDouble {
  return { hi, lo };
}

/** out = a + b (their Algorithm 6, AccurateDWPlusDW): relative error ≤ 3u². */
export function addDD(a: DoubleDouble, b: DoubleDouble, out: DoubleDouble): DoubleDouble {
  const sh = a.hi + b.hi;
  const sl = twoSumError(a.hi, b.hi, sh);
  const th = a.lo + b.lo;
  const tl = twoSumError(a.lo, b.lo, th);
  const c = sl + th;
  const vh = sh + c;
  const vl = fastTwoSumError(sh, c, vh);
  const w = tl + vl;
  const hi = vh + w;
  out.lo = fastTwoSumError(vh, w, hi);
  out.hi = hi;
  return out;
}

/** out = a + b for a double b (Algorithm 4, DWPlusFP): relative error ≤ 2u². */
export function addNumber(a: DoubleDouble, b: number, out: DoubleDouble): DoubleDouble {
  const sh = a.hi + b;
  const sl = twoSumError(a.hi, b, sh);
  const v = a.lo + sl;
  const hi = sh + v;
  out.lo = fastTwoSumError(sh, v, hi);
  out.hi = hi;
  return out;
}

/** out = a · b for a double b (Algorithm 7, DWTimesFP1): relative error ≤ 2u². */
export function mulNumber(a: DoubleDouble, b: number, out: DoubleDouble): DoubleDouble {
  const ch = a.hi * b;
  const cl1 = productError(a.hi, b, ch);
  const cl2 = a.lo * b;
  const th = ch + cl2;
  const tl1 = fastTwoSumError(ch, cl2, th);
  const tl2 = tl1 + cl1;
  const hi = th + tl2;
  out.lo = fastTwoSumError(th, tl2, hi);
  out.hi = hi;
  return out;
}

/** out = a · b (Algorithm 10, DWTimesDW1): relative error ≤ 7u². */
export function mulDD(a: DoubleDouble, b: DoubleDouble, out: DoubleDouble): DoubleDouble {
  const ch = a.hi * b.hi;
  const cl1 = productError(a.hi, b.hi, ch);
  const cl2 = a.hi * b.lo + a.lo * b.hi;
  const cl3 = cl1 + cl2;
  const hi = ch + cl3;
  out.lo = fastTwoSumError(ch, cl3, hi);
  out.hi = hi;
  return out;
}

const scratch = doubleDouble();

/** out = a / b (Algorithm 15, DWDivDW1): relative error ≤ 16u². */
export function divDD(a: DoubleDouble, b: DoubleDouble, out: DoubleDouble): DoubleDouble {
  const th = a.hi / b.hi;
  const r = mulNumber(b, th, scratch);
  const ph = a.hi - r.hi;
  const pl = a.lo - r.lo;
  const dh = ph + pl;
  const tl = dh / b.hi;
  const hi = th + tl;
  out.lo = fastTwoSumError(th, tl, hi);
  out.hi = hi;
  return out;
}
