// The correct print in the print's own style: only the wrong entries' digits change, each written as the print
// wrote its neighbours (the same decimals, or mantissa digits and exponent form), and where numpy padded its
// columns with spaces the padding absorbs a change of width. Brackets, wrappers, commas and line breaks stay.
import { Ch } from './charCodes';
import type { FoundArray } from './findArrays';
import type { PrintPrecision } from './precision';

/**
 * The printed array's literal with entries `wrong` replaced by `expected`, or undefined when an entry is written
 * in a way this does not rewrite (a wrapper such as `np.float64(…)`, a word, a suffix).
 */
export function correctedPrint(text: string, printed: FoundArray, precision: PrintPrecision, spans: Int32Array, wrong: readonly number[], expected: ArrayLike<number>): string | undefined {
  let out = '';
  let at = printed.start;
  for (const i of wrong) {
    const from = spans[2 * i];
    const to = spans[2 * i + 1];
    if (!(from >= at && to > from && to <= printed.end)) return undefined;
    const old = text.slice(from, to);
    const written = rewrite(old, expected[i], precision);
    if (written === undefined) return undefined;
    out += text.slice(at, from) + written;
    at = to;
    // numpy pads columns: a wider number takes spaces from the padding after it, a narrower one leaves them.
    const delta = written.length - old.length;
    let pad = 0;
    while (text.charCodeAt(at + pad) === Ch.Space) pad++;
    const padded = pad > 0 && text.charCodeAt(at + pad) !== Ch.RBracket && text.charCodeAt(at + pad) !== Ch.Newline && text.charCodeAt(from - 1) !== Ch.Comma && !text.slice(printed.start, printed.end).includes(',');
    if (padded && delta > 0 && pad > delta) at += delta;
    else if (padded && delta < 0) out += ' '.repeat(-delta);
  }
  return out + text.slice(at, printed.end);
}

/** One entry rewritten in its own form: `0.2436` at 4 decimals, `2.4243297e-01` at 7 mantissa digits, `1.` as numpy trims. */
function rewrite(old: string, value: number, precision: PrintPrecision): string | undefined {
  const m = /^(\d*)\.?(\d*)(?:([eE])([-+]?)(\d+))?$/.exec(old);
  if (m === null || (m[1] === '' && m[2] === '')) return undefined;
  if (m[3] !== undefined) {
    const digits = Math.max(0, precision.mantissaDecimals);
    const [mantissa, exp] = value.toExponential(digits).split('e');
    const e = Number(exp);
    const sign = e < 0 ? '-' : m[4] === '+' ? '+' : '';
    return `${mantissa}${m[3]}${sign}${String(Math.abs(e)).padStart(m[5].length, '0')}`;
  }
  const decimals = Math.max(0, precision.decimals);
  let fixed = value.toFixed(decimals);
  const own = m[2].length;
  if (own < decimals) {
    // numpy trims trailing zeros (`1.`, `0.5`) and pads with spaces instead: write the value the same way.
    fixed = fixed.replace(/0+$/, '');
    if (fixed.endsWith('.') && !old.endsWith('.')) fixed = fixed.slice(0, -1);
  }
  if (old.startsWith('.') && fixed.startsWith('0.')) fixed = fixed.slice(1);
  return fixed;
}
