// Numbers as people read them (hover, lens, panel) and arrays as code they can paste (export).
import { logSumExp } from './softmax';

/** Strips trailing zeros after a decimal point: '0.2500' → '0.25', '3.000' → '3'. */
function trimZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/\.?0+$/, '');
}

/** Mantissa and exponent from JS's exponential form, with the mantissa's trailing zeros removed. */
function splitExponential(s: string): { mantissa: string; exponent: number } {
  const at = s.indexOf('e');
  return { mantissa: trimZeros(s.slice(0, at)), exponent: Number(s.slice(at + 1)) };
}

/** '1.2e-9' style: JS exponent spelling, as many significant digits as asked. */
function scientific(x: number, significant: number): string {
  const { mantissa, exponent } = splitExponential(x.toExponential(Math.max(0, significant - 1)));
  return `${mantissa}e${exponent}`;
}

/** What a probability's own value cannot say, for writing it without misleading (see `probabilityFacts`). */
export interface ProbabilityFacts {
  /** Its logit is −∞: it is exactly 0. Without facts a probability of 0 is taken for a masked one. */
  masked?: boolean;
  /** Its natural log: the value of a probability too small for a double, which then reads 0. */
  logP?: number;
  /** Other entries of its row are not masked, so it is below 1 even where it reads as the double 1. */
  belowOne?: boolean;
}

/** Where a probability is written: for a person to read (views), or as a number in code (Copy, Insert Below). */
export type ProbabilityUse = 'display' | 'code';

/** '4.1e-439' from the natural log of a value: two significant digits of a number no double holds. */
function scientificFromLog(logValue: number): string {
  const log10 = logValue / Math.LN10;
  let exponent = Math.floor(log10);
  let mantissa = Number(Math.pow(10, log10 - exponent).toFixed(1));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent++;
  }
  return `${trimZeros(mantissa.toFixed(1))}e${exponent}`;
}

/**
 * A probability rounded as asked (`round`), that never reads 1 below 1 nor 0 above 0: more digits where rounding
 * would give 1 ('0.99996') or 0 ('0.4'), scientific below 1e-4 ('1.2e-9'), and a value that underflowed to 0 from a
 * finite logit written from its log ('4.1e-439'). An entry that reads as the double 1 while others are not masked
 * shows as '>0.9999' (in code, the double itself). Exactly 0 (masked) is '0'.
 */
function probabilityText(p: number, round: (p: number, extra: number) => string, nines: number, facts: ProbabilityFacts, use: ProbabilityUse): string {
  if (!Number.isFinite(p)) return formatNumber(p);
  if (p === 0) {
    if (facts.masked !== false) return '0';
    if (facts.logP !== undefined && Number.isFinite(facts.logP)) return scientificFromLog(facts.logP);
    return use === 'display' ? '<5e-324' : '5e-324';
  }
  let text = round(p, 0);
  // Rounded to 0: more digits down to 1e-4 ('0.4' at no decimals), scientific below, as formatNumber does.
  for (let extra = 1; Number(text) === 0 && p >= 1e-4 && extra <= 20; extra++) text = round(p, extra);
  if (Number(text) === 0) return scientific(p, 2);
  for (let extra = 1; Number(text) >= 1 && p < 1 && extra <= 20; extra++) text = round(p, extra);
  if (p >= 1 && facts.belowOne === true && use === 'display') return `>0.${'9'.repeat(Math.max(1, nines))}`;
  return text;
}

/**
 * What formatProbability needs to know about each entry of one row beyond its probability: whether its logit is
 * masked, whether other entries are not, and (where it underflowed to 0) its log. Worked out once per row; the
 * log-sum-exp only when an entry underflowed and no log-probabilities are given.
 */
export function probabilityFacts(
  logits: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  temperature = 1,
  logProbabilities?: ArrayLike<number>,
): (i: number) => ProbabilityFacts {
  let unmasked = -1;
  let lse: number | undefined;
  return (i) => {
    if (logits[i] === -Infinity) return { masked: true };
    if (unmasked < 0) {
      unmasked = 0;
      for (let k = 0; k < logits.length; k++) if (logits[k] !== -Infinity) unmasked++;
    }
    const facts: ProbabilityFacts = { masked: false, belowOne: unmasked > 1 };
    if (probabilities[i] === 0) {
      if (logProbabilities !== undefined) facts.logP = logProbabilities[i];
      else facts.logP = logits[i] / temperature - (lse ??= logSumExp(logits, { temperature }));
    }
    return facts;
  };
}

/**
 * A probability rounded to `decimals` places ('0.6590'), never reading 1 when it is below 1 nor 0 when it is
 * above 0 (see probabilityText); `facts` (from `probabilityFacts`) say what the value alone cannot.
 */
export function formatProbability(p: number, decimals: number, facts: ProbabilityFacts = {}, use: ProbabilityUse = 'display'): string {
  const d = Math.max(0, Math.min(80, Math.floor(decimals)));
  return probabilityText(p, (x, extra) => x.toFixed(d + extra), d, facts, use);
}

/** The same to `significant` digits, without trailing zeros ('0.659', '0.0986'), for the short lens. */
export function formatProbabilityDigits(p: number, significant: number, facts: ProbabilityFacts = {}): string {
  const s = Math.max(1, Math.min(80, Math.floor(significant)));
  return probabilityText(p, (x, extra) => formatNumber(x, s + extra), s, facts, 'display');
}

/**
 * A logit, exp term or sum for display, to `significant` digits (default 6) without trailing zeros;
 * scientific below 1e-4 and from 1e6 on. −∞ is written '−∞' (U+2212 minus), +∞ '∞', NaN 'NaN';
 * finite negatives keep the ASCII '-'.
 */
export function formatNumber(x: number, significant = 6): string {
  if (x === -Infinity) return '−∞';
  if (x === Infinity) return '∞';
  if (Number.isNaN(x)) return 'NaN';
  if (x === 0) return '0';
  const digits = Math.max(1, Math.min(100, Math.floor(significant)));
  const rounded = Number(x.toPrecision(digits));
  const a = Math.abs(rounded);
  if (a < 1e-4 || a >= 1e6) return scientific(x, digits);
  // toFixed takes at most 100 places; a small number at high precision would ask for more.
  return trimZeros(rounded.toFixed(Math.min(100, Math.max(0, digits - 1 - Math.floor(Math.log10(a))))));
}

/**
 * How an array is written as code: a Python list, `np.array`, JSON, a JS array, a LaTeX bmatrix, a C/C++ initializer
 * list, a Go slice, a Rust `vec!`, an R vector or `matrix`, a Julia or MATLAB matrix, a Java, C# or Kotlin array.
 */
export type ExportSyntax =
  | 'python' | 'numpy' | 'json' | 'javascript' | 'latex'
  | 'c' | 'go' | 'rust' | 'r' | 'julia' | 'matlab' | 'java' | 'csharp' | 'kotlin';

/** −∞, +∞ and NaN in each syntax that has names for them (JSON has none: it writes null, as JSON.stringify does). */
const NON_FINITE: Record<Exclude<ExportSyntax, 'json'>, readonly [negative: string, positive: string, nan: string]> = {
  python: ["float('-inf')", "float('inf')", "float('nan')"],
  numpy: ['-np.inf', 'np.inf', 'np.nan'],
  javascript: ['-Infinity', 'Infinity', 'NaN'],
  latex: ['-\\infty', '\\infty', '\\text{NaN}'],
  c: ['-INFINITY', 'INFINITY', 'NAN'],
  go: ['math.Inf(-1)', 'math.Inf(1)', 'math.NaN()'],
  rust: ['f64::NEG_INFINITY', 'f64::INFINITY', 'f64::NAN'],
  r: ['-Inf', 'Inf', 'NaN'],
  julia: ['-Inf', 'Inf', 'NaN'],
  matlab: ['-Inf', 'Inf', 'NaN'],
  java: ['Double.NEGATIVE_INFINITY', 'Double.POSITIVE_INFINITY', 'Double.NaN'],
  csharp: ['double.NegativeInfinity', 'double.PositiveInfinity', 'double.NaN'],
  kotlin: ['Double.NEGATIVE_INFINITY', 'Double.POSITIVE_INFINITY', 'Double.NaN'],
};

/**
 * Python's repr of a float: the shortest digits that round-trip, fixed from 1e-4 up to 1e16 with '.0'
 * on whole numbers, otherwise scientific with a two-digit exponent ('1e-05', '1.5e+16').
 */
function pythonRepr(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const { mantissa, exponent } = splitExponential(x.toExponential());
  if (exponent >= -4 && exponent < 16) {
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Rounded to `decimals` places, scientific where that would hide a non-zero value. */
function fixedOrScientific(x: number, decimals: number): string {
  if (x === 0) return '0';
  const fixed = x.toFixed(decimals);
  return Number(fixed) !== 0 ? fixed : scientific(x, 2);
}

/**
 * One number in the given syntax; decimals undefined means the shortest round-trip representation, and `text` a
 * finite number already written (a probability from formatProbability).
 */
function exportNumber(x: number, syntax: ExportSyntax, decimals: number | undefined, text?: string): string {
  if (!Number.isFinite(x)) {
    if (syntax === 'json') return 'null';
    const [negative, positive, nan] = NON_FINITE[syntax];
    return Number.isNaN(x) ? nan : x < 0 ? negative : positive;
  }
  const d = decimals === undefined ? undefined : Math.max(0, Math.min(100, Math.floor(decimals)));
  let s: string;
  if (text !== undefined) {
    s = text;
  } else if (d !== undefined) {
    s = fixedOrScientific(x, d);
  } else if (syntax === 'python' || syntax === 'numpy') {
    s = pythonRepr(x);
  } else {
    // String(-0) is '0'; keep the sign so the export reads back to the same double.
    s = Object.is(x, -0) && syntax !== 'latex' ? '-0' : String(x);
  }
  if (syntax === 'latex') {
    const at = s.indexOf('e');
    if (at >= 0) s = `${s.slice(0, at)} \\times 10^{${Number(s.slice(at + 1))}}`;
  }
  // Rust and Kotlin read `2` as an integer, which a list of doubles does not take.
  if ((syntax === 'rust' || syntax === 'kotlin') && /^-?\d+$/.test(s)) s += '.0';
  return s;
}

/** The brackets of one level of a nested array: `[`…`]`, `{`…`}`, or Kotlin's `doubleArrayOf(`…`)` at the innermost. */
type Brackets = (innermost: boolean) => readonly [open: string, close: string];
const squareBrackets: Brackets = () => ['[', ']'];
const braces: Brackets = () => ['{', '}'];
const kotlinCalls: Brackets = (innermost) => (innermost ? ['doubleArrayOf(', ')'] : ['arrayOf(', ')']);

/** Nested brackets; matrices put each row on its own line, aligned under the first. */
function nested(cells: string[], shape: readonly number[], indent: number, brackets: Brackets = squareBrackets): string {
  const [open, close] = brackets(shape.length <= 1);
  if (shape.length <= 1) return `${open}${cells.join(', ')}${close}`;
  const [outer, ...inner] = shape;
  const size = cells.length / Math.max(1, outer);
  const parts: string[] = [];
  for (let r = 0; r < outer; r++) parts.push(nested(cells.slice(r * size, (r + 1) * size), inner, indent + open.length, brackets));
  return `${open}${parts.join(`,\n${' '.repeat(indent + open.length)}`)}${close}`;
}

/** The rows of a matrix, each a list of cells: a vector is one row; deeper shapes flatten all but the last axis. */
function rowsOf(cells: string[], shape: readonly number[]): string[][] {
  const cols = shape[shape.length - 1];
  if (cols === 0) return [[]];
  const rows: string[][] = [];
  for (let r = 0; r * cols < cells.length; r++) rows.push(cells.slice(r * cols, (r + 1) * cols));
  return rows;
}

/** Checks that the shape holds exactly the values given. */
function checkShape(length: number, shape: readonly number[]): void {
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length === 0 || size !== length) {
    throw new RangeError(`The shape [${shape.join(', ')}] does not hold ${length} values.`);
  }
}

/**
 * A vector or matrix (row-major, any shape) as code in the given syntax (see ExportSyntax). Syntaxes whose matrices
 * are rows (LaTeX, Julia, MATLAB, R) write a vector as one row and flatten deeper shapes into rows; the others nest.
 * Without decimals every number is written in its shortest round-trip form; `text` may write each finite value
 * itself (as a decimal literal, which the syntax then spells).
 */
export function formatArray(
  values: ArrayLike<number>,
  shape: readonly number[],
  syntax: ExportSyntax,
  decimals?: number,
  text?: (i: number) => string,
): string {
  checkShape(values.length, shape);
  const cells: string[] = [];
  for (let i = 0; i < values.length; i++) cells.push(exportNumber(values[i], syntax, decimals, text?.(i)));
  const matrix = shape.length > 1;
  switch (syntax) {
    case 'python':
    case 'json':
    case 'javascript':
      return nested(cells, shape, 0);
    case 'numpy':
      return `np.array(${nested(cells, shape, 'np.array('.length)})`;
    case 'c':
      return nested(cells, shape, 0, braces);
    case 'go':
    case 'java':
    case 'csharp': {
      const type = syntax === 'go' ? `${'[]'.repeat(shape.length)}float64`
        : syntax === 'java' ? `new double${'[]'.repeat(shape.length)} `
        : `new double[${','.repeat(shape.length - 1)}] `;
      return type + nested(cells, shape, type.length, braces);
    }
    case 'rust':
      return `vec!${nested(cells, shape, 'vec!'.length)}`;
    case 'kotlin':
      return nested(cells, shape, 0, kotlinCalls);
    case 'latex':
      return `\\begin{bmatrix} ${rowsOf(cells, shape).map((row) => row.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
    case 'julia':
      return matrix ? `[${rowsOf(cells, shape).map((row) => row.join(' ')).join(';\n ')}]` : `[${cells.join(', ')}]`;
    case 'matlab':
      return `[${rowsOf(cells, shape).map((row) => row.join(', ')).join(';\n ')}]`;
    case 'r': {
      if (!matrix) return `c(${cells.join(', ')})`;
      const rows = rowsOf(cells, shape);
      return `matrix(c(${rows.map((row) => row.join(', ')).join(`,\n${' '.repeat('matrix(c('.length)}`)}), nrow = ${rows.length}, byrow = TRUE)`;
    }
  }
}
