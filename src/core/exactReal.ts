// Exact real arithmetic for the last rung of the correctly rounded kernel: intervals [lo, hi] · 2^e with BigInt
// ends, every operation rounding outward, so an interval surely holds the exact value whatever the precision.
// Ziv's loop raises the precision until an interval rounds to one double. Slow (microseconds per operation),
// and only reached when double-double arithmetic cannot decide a rounding.

/** The reals in [lo · 2^e, hi · 2^e] (lo ≤ hi). */
export interface Real {
  lo: bigint;
  hi: bigint;
  e: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The finite double v exactly, as an interval of width 0. */
export function exactOf(v: number): Real {
  view.setFloat64(0, v);
  const top = view.getUint32(0);
  const biased = (top >>> 20) & 0x7ff;
  let m = (BigInt(top & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased !== 0) m |= 1n << 52n;
  if (top >>> 31) m = -m;
  const e = (biased === 0 ? 1 : biased) - 1075;
  return { lo: m, hi: m, e };
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : (x < 0n ? -x : x).toString(2).length;
}

/** floor(x / 2^s) for s ≥ 0. */
function floorShift(x: bigint, s: number): bigint {
  return x >> BigInt(s);
}

/** ceil(x / 2^s) for s ≥ 0. */
function ceilShift(x: bigint, s: number): bigint {
  return -((-x) >> BigInt(s));
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b > a ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b < a ? q + 1n : q;
}

/** x with its ends cut to about `bits` bits, rounded outward. */
function trim(x: Real, bits: number): Real {
  const excess = Math.max(bitLength(x.lo), bitLength(x.hi)) - bits;
  if (excess <= 0) return x;
  return { lo: floorShift(x.lo, excess), hi: ceilShift(x.hi, excess), e: x.e + excess };
}

/** x and y on a common exponent (the smaller), exactly. */
function aligned(x: Real, y: Real): [bigint, bigint, bigint, bigint, number] {
  const e = Math.min(x.e, y.e);
  const sx = BigInt(x.e - e);
  const sy = BigInt(y.e - e);
  return [x.lo << sx, x.hi << sx, y.lo << sy, y.hi << sy, e];
}

export function add(x: Real, y: Real, bits: number): Real {
  // An end far below the other operand's precision only widens the interval by one unit of that precision.
  const top = Math.max(x.e + Math.max(bitLength(x.lo), bitLength(x.hi)), y.e + Math.max(bitLength(y.lo), bitLength(y.hi)));
  const floor = top - bits - 8;
  const [xl, xh, yl, yh, e] = aligned(coarsen(x, floor), coarsen(y, floor));
  return trim({ lo: xl + yl, hi: xh + yh, e }, bits);
}

/** x with exponent raised to at least `e`, rounded outward. */
function coarsen(x: Real, e: number): Real {
  if (x.e >= e) return x;
  const s = e - x.e;
  return { lo: floorShift(x.lo, s), hi: ceilShift(x.hi, s), e };
}

export function negate(x: Real): Real {
  return { lo: -x.hi, hi: -x.lo, e: x.e };
}

export function mul(x: Real, y: Real, bits: number): Real {
  const p = [x.lo * y.lo, x.lo * y.hi, x.hi * y.lo, x.hi * y.hi];
  let lo = p[0];
  let hi = p[0];
  for (const v of p) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return trim({ lo, hi, e: x.e + y.e }, bits);
}

/** x / y for y > 0, with about `bits` bits. */
export function divPositive(x: Real, y: Real, bits: number): Real {
  if (!(y.lo > 0n)) throw new Error('divPositive needs a positive divisor');
  const s = Math.max(0, bits + bitLength(y.hi) - Math.max(bitLength(x.lo), bitLength(x.hi)) + 4);
  const xl = x.lo << BigInt(s);
  const xh = x.hi << BigInt(s);
  const lo = xl >= 0n ? floorDiv(xl, y.hi) : floorDiv(xl, y.lo);
  const hi = xh >= 0n ? ceilDiv(xh, y.lo) : ceilDiv(xh, y.hi);
  return trim({ lo, hi, e: x.e - s - y.e }, bits);
}

/**
 * The double nearest m · 2^e, ties to even; ±Infinity past the largest double. With `tie` 1 (−1) a midpoint
 * goes up (down): the double nearest the values just above (below) m · 2^e.
 */
export function roundDyadic(m: bigint, e: number, tie: -1 | 0 | 1 = 0): number {
  if (m === 0n) return 0;
  const negative = m < 0n;
  const a = negative ? -m : m;
  const top = bitLength(a) - 1 + e;
  const lsb = Math.max(top - 52, -1074);
  let q: bigint;
  if (lsb <= e) {
    q = a << BigInt(e - lsb);
  } else {
    const drop = BigInt(lsb - e);
    q = a >> drop;
    const rem = a - (q << drop);
    const half = 1n << (drop - 1n);
    // Away from zero past half; at half, to even or the way asked (up is away from zero for a positive m).
    if (rem > half || (rem === half && (tie === 0 ? (q & 1n) === 1n : (tie > 0) !== negative))) q += 1n;
  }
  let v = Number(q);
  // v · 2^lsb in steps that stay exact: v < 2^54 and every intermediate is a normal double or the result.
  let k = lsb;
  while (k > 0) {
    const step = Math.min(k, 1000);
    v *= 2 ** step;
    k -= step;
  }
  while (k < 0) {
    const step = Math.max(k, -1000);
    v *= 2 ** step;
    k -= step;
  }
  return negative ? -v : v;
}

/**
 * The double nearest every point of x, or NaN when x straddles a rounding boundary. With `open` the ends are
 * left out: right for a value known to be irrational, which no end of a dyadic interval can be.
 */
export function roundedOrNaN(x: Real, open = false): number {
  const a = roundDyadic(x.lo, x.e, open ? 1 : 0);
  const b = roundDyadic(x.hi, x.e, open ? -1 : 0);
  if (a !== b) return NaN;
  if (a !== 0) return a;
  // A value that rounds to zero keeps its sign, as IEEE 754 rounds it: +0 from [0, hi], −0 from below zero;
  // an interval across zero cannot tell yet.
  if (x.lo >= 0n) return 0;
  return x.hi < 0n || (open && x.hi === 0n) ? -0 : NaN;
}

/** A rough double value of x (for choosing reductions, never for results). */
export function approximate(x: Real): number {
  const m = trim(x, 60);
  return Number(m.lo + m.hi) * 2 ** (m.e - 1);
}

const ln2Cache = new Map<number, Real>();

/** ln 2 with about `bits` bits: 2 · atanh(1/3) = Σ 2 / ((2j + 1) · 3^(2j + 1)). */
export function ln2(bits: number): Real {
  const size = Math.ceil(bits / 64) * 64;
  const cached = ln2Cache.get(size);
  if (cached) return cached;
  const f = size + 16;
  const one = 1n << BigInt(f);
  let lo = 0n;
  let power = 3n;
  let j = 0n;
  for (;;) {
    const term = (2n * one) / ((2n * j + 1n) * power);
    if (term === 0n) break;
    lo += term;
    power *= 9n;
    j++;
  }
  // Each of the j terms was truncated by less than one unit; the terms left out sum to less than one unit.
  const value = trim({ lo, hi: lo + j + 1n, e: -f }, size);
  ln2Cache.set(size, value);
  return value;
}

/** e^z · 2^g for 0 ≤ z · 2^g ≤ 2^(g-10) (z a fixed-point integer at g bits), rounded down or up. */
function expSmall(z: bigint, g: number, up: boolean): bigint {
  const one = 1n << BigInt(g);
  const G = BigInt(g);
  let term = one;
  let sum = one;
  for (let k = 1n; term > 0n; k++) {
    const product = term * z;
    term = up ? ceilDiv(product, k << G) : product / (k << G);
    sum += term;
    if (up && term <= 1n) {
      // The rest of the series, each term below a thousandth of the one before, is below 2 units.
      sum += 2n;
      break;
    }
  }
  return sum;
}

/** e^v for an exact point v (lo = hi), rounded down or up, with about `bits` bits. */
function expPoint(v: Real, bits: number, up: boolean): Real {
  if (v.lo === 0n) return { lo: 1n, hi: 1n, e: 0 };
  const x = approximate(v);
  const k = Math.round(x / Math.LN2);
  const guard = bits + 40 + bitLength(BigInt(Math.abs(k)));
  // y = v − k ln2, rounded the way that keeps e^y on the requested side.
  const y = add(v, mul({ lo: BigInt(-k), hi: BigInt(-k), e: 0 }, ln2(guard), guard), guard);
  const point = up ? y.hi : y.lo;
  const g = guard + 16;
  // |y| ≤ 0.35: halve 12 times so the series converges in a few terms, then square back.
  const shift = g - 12 + y.e;
  const scaled = shift >= 0 ? point << BigInt(shift) : up ? ceilShift(point, -shift) : floorShift(point, -shift);
  const negative = scaled < 0n;
  // e^(−|z|) = 1 / e^|z|: the series of e^|z| has only positive terms, so rounding each down (up) bounds it.
  let m = expSmall(negative ? -scaled : scaled, g, negative ? !up : up);
  const G = BigInt(g);
  if (negative) m = up ? ceilDiv(1n << (2n * G), m) : (1n << (2n * G)) / m;
  for (let i = 0; i < 12; i++) m = up ? ceilShift(m * m, g) : floorShift(m * m, g);
  return trim({ lo: m, hi: m, e: k - g }, bits);
}

/** e^x, with about `bits` bits (x within a few hundred of 0). */
export function exp(x: Real, bits: number): Real {
  const lo = expPoint({ lo: x.lo, hi: x.lo, e: x.e }, bits, false);
  const hi = expPoint({ lo: x.hi, hi: x.hi, e: x.e }, bits, true);
  const [l, , , h, e] = aligned(lo, hi);
  return trim({ lo: l, hi: h, e }, bits);
}

/** ln v for an exact point v ≥ 1, rounded down or up: k·ln2 + 2 atanh((m − 1)/(m + 1)), m = v / 2^k ∈ [1, 2). */
function lnPoint(v: bigint, e: number, bits: number, up: boolean): Real {
  const k = Math.max(0, bitLength(v) - 1 + e);
  // m = v · 2^(e − k), exactly: numerator and denominator of z = (m − 1)/(m + 1) as integers.
  const me = e - k;
  const scaleOne = me >= 0 ? 1n : 1n << BigInt(-me);
  const mInt = me >= 0 ? v << BigInt(me) : v;
  const num = mInt - scaleOne;
  const den = mInt + scaleOne;
  if (num === 0n) {
    const whole = mul({ lo: BigInt(k), hi: BigInt(k), e: 0 }, ln2(bits + 8), bits + 8);
    return up ? { lo: whole.hi, hi: whole.hi, e: whole.e } : { lo: whole.lo, hi: whole.lo, e: whole.e };
  }
  const g = bits + 24;
  // z = num/den as a fixed-point number relative to its own size, so a tiny z keeps its precision.
  const zScale = g + bitLength(den) - bitLength(num);
  const Z = up ? ceilDiv(num << BigInt(zScale), den) : (num << BigInt(zScale)) / den;
  // Σ z^(2j)/(2j + 1) at g bits (every term positive): rounded down term by term, or up plus the tail.
  const one = 1n << BigInt(g);
  const z2 = up ? ceilShift(Z * Z, 2 * zScale - g) : floorShift(Z * Z, 2 * zScale - g);
  let power = one;
  let sum = one;
  for (let j = 1n; ; j++) {
    power = up ? ceilShift(power * z2, g) : floorShift(power * z2, g);
    const term = up ? ceilDiv(power, 2n * j + 1n) : power / (2n * j + 1n);
    sum += term;
    if (term <= 1n) {
      if (up) sum += 2n;
      break;
    }
  }
  // ln m = 2 z · sum.
  const lnm: Real = { lo: 2n * Z * sum, hi: 2n * Z * sum, e: -zScale - g };
  if (k === 0) return trim(lnm, bits);
  const whole = mul({ lo: BigInt(k), hi: BigInt(k), e: 0 }, ln2(bits + 16), bits + 16);
  const side: Real = up ? { lo: whole.hi, hi: whole.hi, e: whole.e } : { lo: whole.lo, hi: whole.lo, e: whole.e };
  const total = add(side, lnm, bits + 8);
  return up ? { lo: total.hi, hi: total.hi, e: total.e } : { lo: total.lo, hi: total.lo, e: total.e };
}

/** ln x for x ≥ 1, with about `bits` bits of relative precision (even when x is within 2^-1000 of 1). */
export function ln(x: Real, bits: number): Real {
  if (!(x.lo > 0n)) throw new Error('ln needs x ≥ 1');
  const lo = lnPoint(x.lo, x.e, bits, false);
  const hi = lnPoint(x.hi, x.e, bits, true);
  const [l, , , h, e] = aligned(lo, hi);
  return trim({ lo: l, hi: h, e }, bits);
}
