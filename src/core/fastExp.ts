// e^(dh + dl) as a double-double for the softmax kernel's arguments (dh ≤ 0 up to a hair), within a proved
// relative error of FAST_EXP_ERROR ≈ 2^-80.5: 2^(k/4096) from a double-double table times e^r, |r| ≤ ln2/8192,
// with e^r − 1 = r + r²/2 + … split so that only r²'s rounding (≤ 2^-81) is not carried exactly.
// docs/correct-rounding.md derives each step's bound; src/core/wasm/softmax.wat runs the same steps on SIMD lanes.
import { EXP2_4096, EXP2_64, INV_FACTORIAL, INV_LN2_4096, LN2_4096 } from './expTable';
import { fastTwoSumError, productError, splitHigh, twoSumError } from './errorFree';
import { POW2 } from './powersOfTwo';
import { roundedScaledOrNaN } from './rounding';

/** 1.5 · 2^52: adding and subtracting it rounds a double below 2^51 to the nearest integer. */
const SHIFT = 6755399441055744;
const [L1, L2, L3] = LN2_4096;
const C3 = INV_FACTORIAL[3];
const C4 = INV_FACTORIAL[4];
const C5 = INV_FACTORIAL[5];

/** Below this dh the result is smaller than 2^-959 and is computed scaled up by 2^SCALE_UP (see fastExp). */
export const TINY_SHIFT = -665;
/** Below this d, e^d < 2^-1075: its probability rounds to 0 and its term is below any sum's last bit. */
export const UNDERFLOW_SHIFT = -745.2;
/** The scaling of tiny terms: 2^600 keeps e^d for every d ≥ UNDERFLOW_SHIFT a normal double. */
export const SCALE_UP = 600;

/**
 * Relative error bound of fastExp, for −745.2 ≤ dh ≤ 2^-30 and |dl| ≤ 2^-44: table 9u², reduction 2^-91.8,
 * rounding of r² 2^-81.06, truncation and dropped terms of e^r 2^-86, the rest 2^-93 (u = 2^-53).
 */
export const FAST_EXP_ERROR = 2 ** -80.5;


let table: Float64Array | undefined;

/**
 * 2^(j/4096), j = 0 … 4095, as four doubles per entry: hi, lo (hi + lo within 9u² relative: both seeds are
 * double-doubles within u², and their product within 7u²) and Veltkamp's halves of hi, for Dekker's product.
 * Built on first use from 2 · 64 seeds, so the bundle carries 2 KB instead of 64 KB.
 */
export function exp2Table(): Float64Array {
  if (table) return table;
  const t = new Float64Array(4096 * 4);
  for (let j = 0; j < 4096; j++) {
    const ah = EXP2_64[2 * (j >> 6)];
    const al = EXP2_64[2 * (j >> 6) + 1];
    const bh = EXP2_4096[2 * (j & 63)];
    const bl = EXP2_4096[2 * (j & 63) + 1];
    // mulDD (doubleDouble.ts), inline: it runs 4096 times at startup.
    const ch = ah * bh;
    const c = productError(ah, bh, ch) + (ah * bl + al * bh);
    const hi = ch + c;
    const high = splitHigh(hi);
    t.set([hi, fastTwoSumError(ch, c, hi), high, hi - high], 4 * j);
  }
  return (table = t);
}

/**
 * e^(dh + dl) · 2^scale written as hi[i] + lo[i] (|lo[i]| ≤ ulp(hi[i])/2), relative error ≤ FAST_EXP_ERROR,
 * for −745.2 ≤ dh ≤ 2^-30, |dl| ≤ 2^-44 and a scale that keeps every k/4096 + scale ≥ −960.
 * The hot loops of the kernel call this per element: no allocation, every constant hoisted.
 */
export function fastExp(dh: number, dl: number, scale: number, hi: Float64Array, lo: Float64Array, i: number): void {
  const tab = table ?? exp2Table();
  // k = round(dh · 4096/ln2); r = d − k·ln2/4096 with a = dh − k·L1 and k·L2 exact (30-bit parts, |k| < 2^23).
  const kf = dh * INV_LN2_4096 + SHIFT - SHIFT;
  const a = dh - kf * L1;
  const y = kf * L2;
  const rh = a - y;
  const rl = (twoSumError(a, -y, rh) + dl) - kf * L3;
  // e^r − 1 = uh + ul: rh + rh²/2 by Fast2Sum (rh²/2 ≤ |rh|/2), everything else below 2^-40.
  const q = rh * rh;
  const h = 0.5 * q;
  const uh = rh + h;
  const ul = fastTwoSumError(rh, h, uh) + ((rl + rl * (rh + h)) + q * (rh * (C3 + rh * (C4 + rh * C5))));
  const k = kf | 0;
  const j = (k & 4095) << 2;
  const th = tab[j];
  // τ·(1 + u) = τh + τh·uh (exact: Dekker's product with τh's halves from the table) + the small terms.
  const pr = th * uh;
  const uH = splitHigh(uh);
  const uL = uh - uH;
  const pe = ((tab[j + 2] * uH - pr) + tab[j + 2] * uL + tab[j + 3] * uH) + tab[j + 3] * uL;
  const tl = tab[j + 1];
  const eh = th + pr;
  const el = fastTwoSumError(th, pr, eh) + (pe + (th * ul + (tl + tl * uh)));
  const s = POW2[1074 + (k >> 12) + scale];
  const sh = eh + el;
  hi[i] = sh * s;
  lo[i] = fastTwoSumError(eh, el, sh) * s;
}

const hiOut = new Float64Array(1);
const loOut = new Float64Array(1);

/**
 * e^(d + c) rounded to double once (subnormal results too), for d ≤ 2^-30 and |c| ≤ 2^-44: within half an ulp
 * plus 2^-80 relative. 0 below −745.2 (and at −∞, whatever c is).
 */
export function expShifted(d: number, c: number): number {
  if (!(d >= UNDERFLOW_SHIFT)) return 0;
  if (d >= TINY_SHIFT) {
    fastExp(d, c, 0, hiOut, loOut, 0);
    return hiOut[0];
  }
  fastExp(d, c, SCALE_UP, hiOut, loOut, 0);
  const v = roundedScaledOrNaN(hiOut[0], loOut[0], 0, -SCALE_UP);
  return v === v ? v : hiOut[0] * 2 ** -SCALE_UP;
}
