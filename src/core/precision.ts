// How the numbers of a found array were printed, read back from its own literal, and what that lets a
// printed value differ from the exact one: half a unit in its last printed place.
import { Ch } from './charCodes';
import { readDecimal } from './arrays/decimal';
import { isIdentChar, readLiteral, readTexExponent, type LiteralRead } from './arrays/numbers';
import { profileFor } from './languages';
import type { FoundArray } from './findArrays';
import { rowsOf } from './softmax';
import { rowSums } from './stats';

/**
 * How an array's numbers were written. Entries in fixed notation are read at the array's decimals (the most
 * any of them shows: numpy prints `[1.   0.5  0.25]`, where `1.` stands for 1.00); entries in e-notation at
 * the array's mantissa digits, each at its own exponent (`2.06115362e-09` is known to 10^−17).
 */
export interface PrintPrecision {
  /** The most digits after the point among entries in fixed notation; -1 when there are none. */
  readonly decimals: number;
  /** The most mantissa digits after the point among entries in e-notation; -1 when there are none. */
  readonly mantissaDecimals: number;
  /** Per entry (row-major), the power of ten of its last printed place, or `exactPlace` for ±∞ and NaN. */
  readonly places: Int16Array;
}

/** The place of an entry written as a word (`-inf`, `float('-inf')`, `nan`): nothing was rounded. */
export const exactPlace = -32768;

/**
 * How each number of the array was printed, read from its literal `text.slice(array.start, array.end)`.
 * Undefined when the literal's numbers cannot be matched one to one with `array.values` (digits in a comment
 * inside the array, a spelling this reader does not know): then the precision is unknown, not guessed.
 * When `spans` (two slots per entry) is given, entry k's literal is left at [spans[2k], spans[2k + 1]) of `text`.
 */
export function printPrecision(text: string, array: FoundArray, languageId?: string, spans?: Int32Array): PrintPrecision | undefined {
  const { values } = array;
  const n = values.length;
  const juliaFloat = profileFor(languageId).juliaFloat;
  const read = READ;
  const tex = TEX;
  // Per entry: the fixed sentinel, the exact sentinel, or the exponent of an e-notation entry, settled at the end.
  const places = new Int16Array(n);
  let decimals = -1;
  let mantissaDecimals = -1;
  let k = 0;
  const end = Math.min(array.end, text.length);
  for (let i = array.start; i < end; ) {
    const c = text.charCodeAt(i);
    if (!startsNumber(text, i, c) || !readNumber(text, i, end, juliaFloat, read) || isIdentChar(text.charCodeAt(read.end))) {
      i = isIdentChar(c) || c === Ch.Backslash ? skipWord(text, i, end) : i + 1;
      continue;
    }
    if (k >= n) return undefined;
    const place = placeOf(text, i, read.end, juliaFloat);
    let value = read.value;
    let next = read.end;
    if (place.kind !== 'exact' && readTexExponent(text, read.end, end, tex)) {
      // LaTeX's `1.5 \times 10^{-3}`: the mantissa's decimals at the written power of ten.
      value = Number(`${text.slice(i, read.end).replace('\u2212', '-')}e${tex.value}`);
      place.kind = 'scientific';
      place.exponent = tex.value;
      next = tex.end;
    }
    if (!(value === values[k] || (value !== value && values[k] !== values[k]))) return undefined;
    if (place.kind === 'fixed') {
      places[k] = fixedPlace;
      decimals = Math.max(decimals, place.decimals);
    } else if (place.kind === 'scientific') {
      mantissaDecimals = Math.max(mantissaDecimals, place.decimals);
      places[k] = clampPlace(place.exponent);
    } else {
      places[k] = exactPlace;
    }
    if (spans !== undefined && 2 * k + 1 < spans.length) {
      spans[2 * k] = i;
      spans[2 * k + 1] = next;
    }
    k++;
    i = next;
  }
  if (k !== n) return undefined;
  for (let j = 0; j < n; j++) {
    if (places[j] === fixedPlace) places[j] = -decimals;
    else if (places[j] !== exactPlace) places[j] = clampPlace(places[j] - mantissaDecimals);
  }
  return { decimals, mantissaDecimals, places };
}

/** Marks an entry in fixed notation until the array's decimals are known. */
const fixedPlace = 32767;
/** Reused for every literal read: printPrecision runs once per array and allocates nothing per number. */
const READ: LiteralRead = { value: 0, end: 0 };
const TEX: LiteralRead = { value: 0, end: 0 };

/** A plain decimal the fast way (no substring), anything else (words, suffixes, Julia's `1f0`) the general way. */
function readNumber(text: string, i: number, end: number, juliaFloat: boolean, read: LiteralRead): boolean {
  return (readDecimal(text, i, read) && read.end <= end) || readLiteral(text, i, end, juliaFloat, read);
}

/** Half units for the places prints use, computed once: 0.5·10^place. */
const HALF_UNITS = Array.from({ length: 81 }, (_, k) => 0.5 * 10 ** (k - 40));

/** Half a unit in the last printed place of entry `index`: how far its exact value may lie from it (0 when exact). */
export function halfUnit(precision: PrintPrecision, index: number): number {
  const place = precision.places[index];
  if (place === exactPlace) return 0;
  return place >= -40 && place <= 40 ? HALF_UNITS[place + 40] : 0.5 * 10 ** place;
}

/** True when `value` rounds, at the place entry `index` was printed to, to `printed` (ties either way). */
export function roundsToPrinted(precision: PrintPrecision, index: number, value: number, printed: number): boolean {
  if (precision.places[index] === exactPlace) return Object.is(value, printed) || (value !== value && printed !== printed);
  return Math.abs(value - printed) <= halfUnit(precision, index) * (1 + 1e-9) + floatSlack(printed);
}

/** One row's sum against 1, and how far from 1 its printed rounding lets it be. */
export interface RowSumCheck {
  sum: number;
  tolerance: number;
  /** True within tolerance, false beyond it; undefined when the precision is unknown and the sum is not 1. */
  sumsToOne: boolean | undefined;
}

/**
 * Whether each row (along the last axis) of printed probabilities sums to 1 as far as its printing can tell:
 * n rounded entries may sum to 1 ± Σ half-units, and a little more for the float32 numbers tensors usually
 * print. A correctly rounded print never fails this; a print whose entries are not the rounded probabilities
 * of any distribution does, once it is off by more than its last digits allow.
 */
export function rowSumChecks(values: ArrayLike<number>, shape: readonly number[], precision: PrintPrecision | undefined): RowSumCheck[] {
  const sums = rowSums(values, shape);
  const { rows, cols } = rowsOf(values.length, shape);
  const checks: RowSumCheck[] = [];
  for (let r = 0; r < rows; r++) {
    let half = 0;
    let mass = 0;
    for (let i = r * cols; i < (r + 1) * cols; i++) {
      if (precision) half += halfUnit(precision, i);
      mass += Math.abs(values[i]);
    }
    const slack = floatSlack(mass) + (cols + 2) * Number.EPSILON;
    const tolerance = half * (1 + 1e-9) + slack;
    const off = Math.abs(sums[r] - 1);
    checks.push({ sum: sums[r], tolerance, sumsToOne: off <= tolerance ? true : precision ? false : undefined });
  }
  return checks;
}

/**
 * Whether each row of printed log-probabilities has logsumexp 0 as far as its printing can tell: moving each
 * entry by at most h_i moves logsumexp by at most max h_i. True within that, false beyond it, undefined when
 * the precision is unknown and the logsumexp is not 0.
 */
export function rowLogSumExpChecks(values: ArrayLike<number>, shape: readonly number[], precision: PrintPrecision | undefined): RowSumCheck[] {
  const { rows, cols } = rowsOf(values.length, shape);
  const checks: RowSumCheck[] = [];
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    let half = 0;
    for (let i = r * cols; i < (r + 1) * cols; i++) {
      if (values[i] > max) max = values[i];
      if (precision) half = Math.max(half, halfUnit(precision, i));
    }
    let total = 0;
    for (let i = r * cols; i < (r + 1) * cols; i++) if (values[i] !== -Infinity) total += Math.exp(values[i] - max);
    const lse = max === -Infinity ? -Infinity : max + Math.log(total);
    const tolerance = half * (1 + 1e-9) + floatSlack(1 + Math.abs(max)) + (cols + 2) * Number.EPSILON;
    const off = Math.abs(lse);
    checks.push({ sum: lse, tolerance, sumsToOne: off <= tolerance ? true : precision ? false : undefined });
  }
  return checks;
}

/** Printed tensors are usually float32: their entries may each be a few float32 ulps (2^-24 relative) off. */
function floatSlack(magnitude: number): number {
  return 2 ** -21 * Math.abs(magnitude);
}

interface Place {
  kind: 'fixed' | 'scientific' | 'exact';
  /** Digits after the point (of the mantissa, in e-notation). */
  decimals: number;
  exponent: number;
}

/** Where the digits of the literal [from, to) stop: decimals in fixed notation, or mantissa decimals and exponent. */
function placeOf(text: string, from: number, to: number, juliaFloat: boolean): Place {
  const place = PLACE;
  place.kind = 'fixed';
  place.decimals = 0;
  place.exponent = 0;
  let i = from;
  // A wrapper such as np.float64(0.5) is read by the literal inside it.
  for (let k = i; k < to; k++) {
    if (text.charCodeAt(k) === Ch.LParen) {
      i = k + 1;
      break;
    }
  }
  let c = text.charCodeAt(i);
  while (c === Ch.Plus || c === Ch.Minus || c === Ch.UnicodeMinus || c === Ch.Space || c === Ch.Apostrophe || c === Ch.Quote) c = text.charCodeAt(++i);
  if (!isDigit(c) && c !== Ch.Dot) {
    place.kind = 'exact';
    return place;
  }
  // Hexadecimal, octal and binary integers are whole numbers.
  const x = text.charCodeAt(i + 1) | 32;
  if (c === Ch.Zero && (x === Ch.LowerX || x === Ch.LowerO || x === Ch.LowerB)) return place;
  while (i < to && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === Ch.Underscore)) i++;
  if (text.charCodeAt(i) === Ch.Dot) {
    i++;
    while (i < to && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === Ch.Underscore)) {
      if (text.charCodeAt(i) !== Ch.Underscore) place.decimals++;
      i++;
    }
  }
  const e = text.charCodeAt(i);
  if ((e === Ch.LowerE || e === Ch.UpperE || (juliaFloat && e === Ch.LowerF)) && i + 1 < to) {
    let k = i + 1;
    const negative = text.charCodeAt(k) === Ch.Minus;
    if (negative || text.charCodeAt(k) === Ch.Plus) k++;
    let exponent = 0;
    const digits = k;
    for (; k < to && isDigit(text.charCodeAt(k)) && exponent < 100000; k++) exponent = exponent * 10 + (text.charCodeAt(k) - 48);
    if (k > digits) {
      place.kind = 'scientific';
      place.exponent = negative ? -exponent : exponent;
    }
  }
  return place;
}

/** Reused by placeOf: each place is read and used before the next literal. */
const PLACE: Place = { kind: 'fixed', decimals: 0, exponent: 0 };

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

/** A number may start here: a digit, a point before a digit, a sign, or a word such as `inf` or `float(`. */
function startsNumber(text: string, i: number, c: number): boolean {
  if (i > 0 && (isIdentChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === Ch.Dot)) return false;
  return isDigit(c) || c === Ch.Dot || c === Ch.Minus || c === Ch.Plus || c === Ch.UnicodeMinus || (isIdentChar(c) && !isDigit(c)) || c === Ch.Backslash;
}

/** Past a name (letters, digits, dots and `::` between names, a leading backslash). */
function skipWord(text: string, i: number, end: number): number {
  let k = text.charCodeAt(i) === Ch.Backslash ? i + 1 : i;
  while (k < end && (isIdentChar(text.charCodeAt(k)) || text.charCodeAt(k) === Ch.Dot || text.charCodeAt(k) === Ch.Colon)) k++;
  return Math.max(k, i + 1);
}

function clampPlace(place: number): number {
  return Math.max(-32767, Math.min(32766, place));
}
