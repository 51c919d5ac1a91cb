// The terms e^(d_i) of a row and their sum s′ = Σ_{i ≠ argmax} e^(d_i) (the maximum's term, exactly 1, apart), with
// a proved bound on the sum's error: per term the exp's own bound, and the summation's, which is kept far
// below it (about 2^-90 relative at a million terms) so that S is rarely what stops a rounding from being decided.
import { accurateExp, ACCURATE_EXP_ERROR } from './accurateExp';
import { addDD, doubleDouble, type DoubleDouble } from './doubleDouble';
import { fastTwoSumError, twoSumError } from './errorFree';
import { FAST_EXP_ERROR, fastExp, SCALE_UP, TINY_SHIFT } from './fastExp';
import type { Row, ShiftedRow } from './shift';
import { inRanges, type Steps } from './steps';

const U2 = 2 ** -106;
/** Terms summed by TwoSum from zero before a block's total joins the running sum. */
export const BLOCK = 256;
/** s′ below this (2^-800) is carried scaled by 2^SCALE_UP, with the tiny terms. */
const TINY_SUM = 2 ** -800;
/** Terms below e^-1000 < 2^-1442 are left out of every sum (bounded instead); tiny ones above it are summed scaled up. */
const DROP_SHIFT = -1000;
/** A dropped term's bound 2^-1442 as the scaled sum holds it (at scale 0 it is below every double). */
const DROPPED_TERM_SCALED = 2 ** (SCALE_UP - 1442);

/**
 * The bound of `dropped` terms at the sum's scale: at scale 0 the smallest double, far above them and far below
 * the sum's own bound (s′ ≥ 2^-800 there). A row whose every other term is dropped takes the scaled sum, s′ = 0
 * within that bound, so log S is known to be positive: its log-probabilities need that at a rounding midpoint.
 */
function droppedBound(dropped: number, scale: number): number {
  return dropped === 0 ? 0 : scale === 0 ? dropped * 2 ** -1074 : dropped * DROPPED_TERM_SCALED;
}

/**
 * Relative error bound of summing positive double-double terms (each with |lo| ≤ ulp(hi)/2) in `blocks` blocks of
 * at most BLOCK: within a block u²(B²/2 + 3B + 2) of the block's sum (TwoSum's errors gathered in a double),
 * and 3u² of the running sum per block added (accurate double-double addition).
 */
export function blockSumError(blocks: number): number {
  return 1.01 * U2 * (BLOCK * BLOCK / 2 + 3 * BLOCK + 2 + 3 * blocks);
}

/** A sum of positive double-double terms, in blocks (see blockSumError). */
export class BlockSum {
  hi = 0;
  lo = 0;
  blocks = 0;
  private bh = 0;
  private bl = 0;
  private count = 0;
  private readonly total = doubleDouble();
  private readonly block = doubleDouble();

  add(h: number, l: number): void {
    const s = this.bh + h;
    this.bl += twoSumError(this.bh, h, s) + l;
    this.bh = s;
    if (++this.count === BLOCK) this.flush();
  }

  /** Adds the current block to the total; then hi + lo is the sum so far. */
  flush(): void {
    if (this.count === 0) return;
    this.block.hi = this.bh + this.bl;
    this.block.lo = fastTwoSumError(this.bh, this.bl, this.block.hi);
    this.total.hi = this.hi;
    this.total.lo = this.lo;
    addDD(this.total, this.block, this.total);
    this.hi = this.total.hi;
    this.lo = this.total.lo;
    this.blocks++;
    this.bh = this.bl = 0;
    this.count = 0;
  }
}

/** s′ = (hi + lo) · 2^scale, within error · 2^scale: scale is −SCALE_UP when s′ is below 2^-800. */
export interface RowSum {
  hi: number;
  lo: number;
  scale: number;
  error: number;
}

/** Running state of the terms pass. */
export interface Summing {
  normal: BlockSum;
  tiny: BlockSum;
  /** Σ hi_i · shiftError(i): with T ≠ 1 the shift errors' share of the sum's error. */
  weighted: number;
  weightedTiny: number;
  /** Terms below e^-1000, left out. */
  dropped: number;
}

export function startSumming(): Summing {
  return { normal: new BlockSum(), tiny: new BlockSum(), weighted: 0, weightedTiny: 0, dropped: 0 };
}

/**
 * hi[i] + lo[i] = e^(d_i) (scaled up by 2^SCALE_UP below TINY_SHIFT, 0 below e^-1000) for i in [from, to), every
 * term but the maximum's added to the sum.
 */
export function termsRange(row: ShiftedRow, hi: Float64Array, lo: Float64Array, from: number, to: number, sum: Summing): void {
  const { shifted, delta, argmax, residual } = row;
  for (let i = from; i < to; i++) {
    if (i === argmax) {
      hi[i] = 1;
      lo[i] = 0;
      continue;
    }
    const d = shifted[i];
    const dl = delta === null ? 0 : delta[i];
    if (d >= TINY_SHIFT) {
      fastExp(d, dl, 0, hi, lo, i);
      sum.normal.add(hi[i], lo[i]);
      if (residual !== null) sum.weighted += hi[i] * row.shiftError(i);
    } else if (d >= DROP_SHIFT) {
      fastExp(d, dl, SCALE_UP, hi, lo, i);
      sum.tiny.add(hi[i], lo[i]);
      if (residual !== null) sum.weightedTiny += hi[i] * row.shiftError(i);
    } else {
      hi[i] = 0;
      lo[i] = 0;
      if (d > -Infinity) sum.dropped++;
    }
  }
}

/** The sum of a terms pass, with its bound: per term FAST_EXP_ERROR (or the caller's), and the summation's. */
export function finishSum(sum: Summing, termError = FAST_EXP_ERROR): RowSum {
  sum.normal.flush();
  sum.tiny.flush();
  const n = sum.normal;
  const t = sum.tiny;
  const perTerm = (termError + 2 * U2) * 1.001;
  const normalError = (perTerm + blockSumError(n.blocks)) * n.hi + 1.01 * sum.weighted;
  if (n.hi >= TINY_SUM || (n.hi === 0 && t.hi === 0 && sum.dropped === 0)) {
    // Tiny terms join as a bound: below n · 2^-959 against s′ ≥ 2^-800.
    const tinyBound = (t.hi + t.lo) * 2 ** -SCALE_UP * 1.001;
    return { hi: n.hi, lo: n.lo, scale: 0, error: normalError + tinyBound + droppedBound(sum.dropped, 0) };
  }
  const up = 2 ** SCALE_UP;
  const s = addDD(doubleDouble(t.hi, t.lo), doubleDouble(n.hi * up, n.lo * up), doubleDouble());
  const tinyError = (perTerm + blockSumError(t.blocks)) * t.hi + 1.01 * sum.weightedTiny + 3 * U2 * s.hi;
  return { hi: s.hi, lo: s.lo, scale: -SCALE_UP, error: tinyError + normalError * up + droppedBound(sum.dropped, -SCALE_UP) };
}

/**
 * exps[i] + expsLo[i] = e^(d_i) for every i (see termsRange) and the sum s′ of all but the maximum's, with the
 * fast exp.
 */
export function sumTerms(row: ShiftedRow, exps: Float64Array, expsLo: Float64Array): RowSum {
  const sum = startSumming();
  termsRange(row, exps, expsLo, 0, row.n, sum);
  return finishSum(sum);
}

/** sumTerms in steps of STEP elements. */
export function* sumTermsSteps(row: ShiftedRow, exps: Float64Array, expsLo: Float64Array): Steps<RowSum> {
  const sum = startSumming();
  yield* inRanges(row.n, (from, to) => termsRange(row, exps, expsLo, from, to, sum));
  return finishSum(sum);
}

/** A pairwise (binary-tree) sum of double-double terms: each term meets log2(n) additions of 3u² each. */
class PairwiseSum {
  private readonly levels: DoubleDouble[] = [];
  private count = 0;
  private readonly carry = doubleDouble();

  add(t: DoubleDouble): void {
    this.carry.hi = t.hi;
    this.carry.lo = t.lo;
    let level = 0;
    for (let c = this.count; c & 1; c >>= 1, level++) addDD(this.levels[level], this.carry, this.carry);
    if (level === this.levels.length) this.levels.push(doubleDouble());
    this.levels[level].hi = this.carry.hi;
    this.levels[level].lo = this.carry.lo;
    this.count++;
  }

  /** The sum, and the number of additions any term went through. */
  total(out: DoubleDouble): number {
    out.hi = 0;
    out.lo = 0;
    let depth = 0;
    for (let level = 0, c = this.count; c > 0; level++, c >>= 1) {
      if (c & 1) {
        addDD(out, this.levels[level], out);
        depth++;
      }
    }
    return depth + this.levels.length;
  }
}

/** Rung two of the ladder: s′ again with the accurate exp and a pairwise sum, within about 2^-98 relative. */
export function* accurateSumSteps(row: Row): Steps<RowSum> {
  const normal = new PairwiseSum();
  const tiny = new PairwiseSum();
  let weighted = 0;
  let weightedTiny = 0;
  let dropped = 0;
  const d = doubleDouble();
  const e = doubleDouble();
  yield* inRanges(row.n, (from, to) => {
    for (let i = from; i < to; i++) {
      if (i === row.argmax) continue;
      row.shiftAt(i, d);
      if (d.hi >= TINY_SHIFT) {
        normal.add(accurateExp(d.hi, d.lo, 0, e));
        weighted += e.hi * row.shiftError(i);
      } else if (d.hi >= DROP_SHIFT) {
        tiny.add(accurateExp(d.hi, d.lo, SCALE_UP, e));
        weightedTiny += e.hi * row.shiftError(i);
      } else if (d.hi > -Infinity) {
        dropped++;
      }
    }
  }, 0, 1 << 12);
  const n = doubleDouble();
  const t = doubleDouble();
  const depthN = normal.total(n);
  const depthT = tiny.total(t);
  const perTerm = (ACCURATE_EXP_ERROR + 2 * U2) * 1.001;
  const normalError = (perTerm + 3.01 * U2 * depthN) * n.hi + 1.01 * weighted;
  if (n.hi >= TINY_SUM || (n.hi === 0 && t.hi === 0 && dropped === 0)) {
    return { hi: n.hi, lo: n.lo, scale: 0, error: normalError + (t.hi + t.lo) * 2 ** -SCALE_UP * 1.001 + droppedBound(dropped, 0) };
  }
  const up = 2 ** SCALE_UP;
  const s = addDD(t, doubleDouble(n.hi * up, n.lo * up), doubleDouble());
  const tinyError = (perTerm + 3.01 * U2 * depthT) * t.hi + 1.01 * weightedTiny + 3 * U2 * s.hi;
  return { hi: s.hi, lo: s.lo, scale: -SCALE_UP, error: tinyError + normalError * up + droppedBound(dropped, -SCALE_UP) };
}

