// Error-free transformations: the exact rounding error of a sum or a product of two doubles, and the
// compensated sum built on them. Every accurate computation in the core takes these definitions from
// here; a hot loop that writes one out by hand says which one it copies.

/** 2^27 + 1, Veltkamp's constant: splits a double into a high and a low part of at most 26 bits each. */
export const SPLITTER = 134217729;

/**
 * Knuth's TwoSum: for s = fl(a + b), the exact error a + b − s (a double), so a + b = s + error exactly.
 * Holds for any two finite doubles whose sum does not overflow.
 */
export function twoSumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

/** Dekker's Fast2Sum: the same error in three operations, when the exponent of a is at least that of b (|a| ≥ |b| suffices). */
export function fastTwoSumError(a: number, b: number, s: number): number {
  return (a - s) + b;
}

/** Veltkamp's split: the high part h of a, with a − h exact; both have at most 26 significant bits (|a| < 2^996). */
export function splitHigh(a: number): number {
  const c = SPLITTER * a;
  return c - (c - a);
}

/**
 * Dekker's product: for p = fl(a · b), the exact error a · b − p, so a · b = p + error exactly, as long as
 * nothing overflows (|a|, |b| < 2^996) and the error is not below the subnormal range.
 */
export function productError(a: number, b: number, p: number): number {
  const ah = splitHigh(a);
  const al = a - ah;
  const bh = splitHigh(b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** A Neumaier sum carried from one range to the next: the value is total + comp. */
export interface Compensated {
  total: number;
  comp: number;
}

/** Adds v to a Neumaier sum: TwoSum's error of every addition is gathered in comp. */
export function addCompensated(sum: Compensated, v: number): void {
  const t = sum.total;
  const s = t + v;
  sum.comp += Math.abs(t) >= Math.abs(v) ? (t - s) + v : (v - s) + t;
  sum.total = s;
}
