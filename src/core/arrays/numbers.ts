// One numeric literal as people write it in code and print-outs: the value is what Number() gives for
// the digits once separators and type suffixes are gone, so it is always correctly rounded.

import { Ch } from '../charCodes';

/** Where a read literal ends and what it is worth; reused so the scanner allocates nothing per number. */
export interface LiteralRead {
  value: number;
  end: number;
}

/** Words that stand for a number in some language or print-out, exactly as written. */
const WORDS = new Map<string, number>();
for (const w of [
  'inf', 'Inf', 'INF', 'infinity', 'Infinity', 'INFINITY', 'Inf16', 'Inf32', 'Inf64', 'np.inf', 'np.Inf',
  'np.infty', 'np.PINF', 'numpy.inf', 'math.inf', 'torch.inf', 'jnp.inf', 'cmath.inf', 'HUGE_VAL',
  'Number.POSITIVE_INFINITY', 'Double.POSITIVE_INFINITY', 'Float.POSITIVE_INFINITY',
  'double.PositiveInfinity', 'float.PositiveInfinity', 'f64::INFINITY', 'f32::INFINITY',
  'std::f64::INFINITY', 'std::f32::INFINITY', '\\infty',
]) WORDS.set(w, Infinity);
for (const w of [
  'np.NINF', 'Number.NEGATIVE_INFINITY', 'Double.NEGATIVE_INFINITY', 'Float.NEGATIVE_INFINITY',
  'double.NegativeInfinity', 'float.NegativeInfinity', 'f64::NEG_INFINITY', 'f32::NEG_INFINITY',
  'std::f64::NEG_INFINITY', 'std::f32::NEG_INFINITY',
]) WORDS.set(w, -Infinity);
for (const w of [
  'nan', 'NaN', 'NAN', 'NaN16', 'NaN32', 'NaN64', 'np.nan', 'np.NaN', 'numpy.nan', 'math.nan', 'torch.nan',
  'jnp.nan', 'Number.NaN', 'Double.NaN', 'Float.NaN', 'double.NaN', 'float.NaN', 'f64::NAN', 'f32::NAN',
]) WORDS.set(w, NaN);

/** Calls whose single argument is the number itself: float('-inf'), np.float64(0.5). */
const WRAPPERS = new Set([
  'float', 'double', 'np.float64', 'np.float32', 'np.float16', 'np.double', 'np.single', 'np.longdouble',
  'numpy.float64', 'numpy.float32', 'np.int64', 'np.int32', 'np.float_', 'Float64', 'Float32',
]);

/** Type suffixes (lower-cased, one leading underscore dropped): C/C#/Java `1.0f`, `2L`, Rust `2.0_f32`. */
const SUFFIXES = new Set([
  'f', 'd', 'l', 'm', 'u', 'ul', 'lu', 'ull', 'llu', 'll', 'lf', 'f16', 'f32', 'f64', 'f128', 'i8', 'i16',
  'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize',
]);

/** The longest name or call argument worth looking at; anything longer is not a number. */
const MAX_NAME = 48;

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

export function isIdentChar(c: number): boolean {
  return (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ) || isDigit(c) ||
    c === Ch.Underscore || c === Ch.Dollar;
}

function isNameStart(c: number): boolean {
  return (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ) || c === Ch.Underscore ||
    c === Ch.Dollar;
}

/** Reads digits with `_` allowed between two digits; returns the end, or -1 on a misplaced `_`. */
function digitsEnd(text: string, i: number, n: number): number {
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      i++;
    } else if (c === Ch.Underscore && i + 1 < n && isDigit(text.charCodeAt(i + 1)) &&
      isDigit(text.charCodeAt(i - 1))) {
      i++;
    } else {
      break;
    }
  }
  return i;
}

/**
 * Reads a literal at `i` (optionally signed: `+`, `-` or `−`): decimal, hex/octal/binary integer, a word
 * like `-inf` or `-np.inf`, or a call like `float('-inf')`. Returns false when the text there is not one.
 * `juliaFloat` makes `f` an exponent marker (`1f0`), as Julia's Float32 literals do.
 */
export function readLiteral(text: string, i: number, n: number, juliaFloat: boolean, out: LiteralRead): boolean {
  let j = i;
  let c = text.charCodeAt(j);
  let negative = false;
  if (c === Ch.Plus || c === Ch.Minus || c === Ch.UnicodeMinus) {
    negative = c !== Ch.Plus;
    c = text.charCodeAt(++j);
  }
  if (isNameStart(c) || c === Ch.Backslash) return readWord(text, j, n, negative, out);
  const body = j;
  if (c === Ch.Zero) {
    const x = text.charCodeAt(j + 1) | 32;
    if (x === Ch.LowerX || x === Ch.LowerO || x === Ch.LowerB) return readRadix(text, body, n, negative, out);
  }
  let k = digitsEnd(text, j, n);
  let digits = k - j;
  if (text.charCodeAt(k) === Ch.Dot) {
    const f = k + 1;
    k = isDigit(text.charCodeAt(f)) ? digitsEnd(text, f, n) : f;
    digits += k - f;
  }
  if (digits === 0) return false;
  let clean = true;
  c = text.charCodeAt(k);
  if (c === Ch.LowerE || c === Ch.UpperE || (juliaFloat && c === Ch.LowerF)) {
    let e = k + 1;
    const s = text.charCodeAt(e);
    if (s === Ch.Plus || s === Ch.Minus) e++;
    if (isDigit(text.charCodeAt(e))) {
      if (c === Ch.LowerF) clean = false;
      k = digitsEnd(text, e, n);
    }
  }
  const numberEnd = k;
  c = text.charCodeAt(k);
  if (isNameStart(c)) {
    const s = k;
    while (k < n && isIdentChar(text.charCodeAt(k)) && k - s <= 8) k++;
    const suffix = text.slice(text.charCodeAt(s) === Ch.Underscore ? s + 1 : s, k).toLowerCase();
    if (!SUFFIXES.has(suffix) || isIdentChar(text.charCodeAt(k))) return false;
  }
  let literal = text.slice(body, numberEnd);
  if (!clean || literal.includes('_')) literal = literal.replace(/_/g, '').replace('f', 'e');
  const value = Number(literal);
  out.value = negative ? -value : value;
  out.end = k;
  return true;
}

function readRadix(text: string, body: number, n: number, negative: boolean, out: LiteralRead): boolean {
  let k = body + 2;
  while (k < n && isIdentChar(text.charCodeAt(k))) k++;
  const value = Number(text.slice(body, k).replace(/_/g, ''));
  if (Number.isNaN(value) || k === body + 2) return false;
  out.value = negative ? -value : value;
  out.end = k;
  return true;
}

/** A dotted or `::` name such as `np.inf` or `f64::NEG_INFINITY`, or a call such as `float('-inf')`. */
function readWord(text: string, i: number, n: number, negative: boolean, out: LiteralRead): boolean {
  let k = i + 1;
  const limit = Math.min(n, i + MAX_NAME);
  while (k < limit) {
    const c = text.charCodeAt(k);
    if (isIdentChar(c)) {
      k++;
    } else if (c === Ch.Dot && isNameStart(text.charCodeAt(k + 1))) {
      k += 2;
    } else if (c === Ch.Colon && text.charCodeAt(k + 1) === Ch.Colon && isNameStart(text.charCodeAt(k + 2))) {
      k += 3;
    } else {
      break;
    }
  }
  if (k >= limit && k < n && isIdentChar(text.charCodeAt(k))) return false;
  const name = text.slice(i, k);
  let value = WORDS.get(name);
  if (text.charCodeAt(k) === Ch.LParen) {
    if (value !== undefined) return false;
    let close = k + 1;
    const stop = Math.min(n, k + MAX_NAME);
    while (close < stop && text.charCodeAt(close) !== Ch.RParen) close++;
    if (close >= stop) return false;
    value = callValue(name, text.slice(k + 1, close).trim());
    k = close + 1;
  }
  if (value === undefined) return false;
  out.value = negative ? -value : value;
  out.end = k;
  return true;
}

/** float('-inf'), np.float64(2.5), math.Inf(-1), math.NaN(). */
function callValue(name: string, arg: string): number | undefined {
  if (name === 'math.Inf') return arg === '-1' ? -Infinity : arg === '1' || arg === '0' || arg === '+1' ? Infinity : undefined;
  if (name === 'math.NaN') return arg === '' ? NaN : undefined;
  if (!WRAPPERS.has(name)) return undefined;
  const q = arg.charCodeAt(0);
  if ((q === Ch.Quote || q === Ch.Apostrophe) && arg.length >= 2 && arg.charCodeAt(arg.length - 1) === q) {
    return QUOTED.get(arg.slice(1, -1).trim().toLowerCase());
  }
  const read: LiteralRead = { value: 0, end: 0 };
  return arg !== '' && readLiteral(arg, 0, arg.length, false, read) && read.end === arg.length ? read.value : undefined;
}

/** What Python's float() accepts as a quoted special value. */
const QUOTED = new Map<string, number>([
  ['inf', Infinity], ['+inf', Infinity], ['infinity', Infinity], ['+infinity', Infinity],
  ['-inf', -Infinity], ['-infinity', -Infinity], ['nan', NaN], ['-nan', NaN], ['+nan', NaN],
]);

/** Blank characters between tokens, including the no-break spaces that pasted text carries. */
export function isBlank(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === Ch.Newline || c === Ch.Cr || c === Ch.NoBreakSpace || c === Ch.IdeographicSpace ||
    c === Ch.VerticalTab || c === Ch.FormFeed || c === Ch.ByteOrderMark;
}

/** Characters that can start a literal (sign, digit, dot, or a name such as `inf` or `\infty`). */
export function canStartLiteral(c: number): boolean {
  return isDigit(c) || c === Ch.Minus || c === Ch.Plus || c === Ch.Dot || c === Ch.UnicodeMinus ||
    isNameStart(c) || c === Ch.Backslash;
}

/** LaTeX scientific notation after a mantissa, ` \times 10^{-3}` or `\cdot 10^3`: reads the exponent. */
export function readTexExponent(text: string, i: number, n: number, out: LiteralRead): boolean {
  let k = i;
  while (k < n && (text.charCodeAt(k) === Ch.Space || text.charCodeAt(k) === Ch.Tab)) k++;
  if (text.startsWith('\\times', k)) k += 6;
  else if (text.startsWith('\\cdot', k)) k += 5;
  else return false;
  while (k < n && text.charCodeAt(k) === Ch.Space) k++;
  if (!text.startsWith('10', k)) return false;
  k += 2;
  while (k < n && text.charCodeAt(k) === Ch.Space) k++;
  if (text.charCodeAt(k) !== Ch.Caret) return false;
  k++;
  const braced = text.charCodeAt(k) === Ch.LBrace;
  if (braced) k++;
  const sign = text.charCodeAt(k);
  if (sign === Ch.Minus || sign === Ch.Plus || sign === Ch.UnicodeMinus) k++;
  const d = k;
  while (k < n && isDigit(text.charCodeAt(k)) && (braced || k === d)) k++;
  if (k === d || k - d > 6) return false;
  if (braced && text.charCodeAt(k++) !== Ch.RBrace) return false;
  const exponent = Number(text.slice(d, braced ? k - 1 : k));
  out.value = sign === Ch.UnicodeMinus || sign === Ch.Minus ? -exponent : exponent;
  out.end = k;
  return true;
}
