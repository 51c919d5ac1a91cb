// Numbers as people read them (hover, lens, panel) and arrays as code they can paste (export).

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

/**
 * A probability rounded to `decimals` places ('0.6590'). A non-zero value that would round to zero is
 * shown in scientific notation with two significant digits ('1.2e-9'); exactly 0 is '0'.
 */
export function formatProbability(p: number, decimals: number): string {
  if (p === 0) return '0';
  if (!Number.isFinite(p)) return formatNumber(p);
  const d = Math.max(0, Math.min(100, Math.floor(decimals)));
  const fixed = p.toFixed(d);
  if (Number(fixed) !== 0) return fixed;
  return scientific(p, 2);
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

export type ExportSyntax = 'python' | 'numpy' | 'json' | 'javascript' | 'latex';

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

/** One number in the given syntax; decimals undefined means the shortest round-trip representation. */
function exportNumber(x: number, syntax: ExportSyntax, decimals: number | undefined): string {
  if (!Number.isFinite(x)) {
    const negative = x < 0;
    switch (syntax) {
      case 'python':
        return Number.isNaN(x) ? "float('nan')" : negative ? "float('-inf')" : "float('inf')";
      case 'numpy':
        return Number.isNaN(x) ? 'np.nan' : negative ? '-np.inf' : 'np.inf';
      case 'json':
        // JSON has no infinities or NaN; null is what JSON.stringify writes.
        return 'null';
      case 'javascript':
        return Number.isNaN(x) ? 'NaN' : negative ? '-Infinity' : 'Infinity';
      case 'latex':
        return Number.isNaN(x) ? '\\text{NaN}' : negative ? '-\\infty' : '\\infty';
    }
  }
  const d = decimals === undefined ? undefined : Math.max(0, Math.min(100, Math.floor(decimals)));
  let s: string;
  if (d !== undefined) {
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
  return s;
}

/** Nested brackets for list syntaxes; matrices put each row on its own line. */
function nested(cells: string[], shape: readonly number[], indent: number): string {
  if (shape.length <= 1) return `[${cells.join(', ')}]`;
  const [outer, ...inner] = shape;
  const size = cells.length / Math.max(1, outer);
  const parts: string[] = [];
  for (let r = 0; r < outer; r++) parts.push(nested(cells.slice(r * size, (r + 1) * size), inner, indent + 1));
  return `[${parts.join(`,\n${' '.repeat(indent + 1)}`)}]`;
}

/** Checks that the shape holds exactly the values given. */
function checkShape(length: number, shape: readonly number[]): void {
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length === 0 || size !== length) {
    throw new RangeError(`The shape [${shape.join(', ')}] does not hold ${length} values.`);
  }
}

/**
 * A vector or matrix (row-major, any shape) as code: a Python list, `np.array([...])`, JSON, a JS array,
 * or a LaTeX bmatrix (a vector becomes one row; deeper shapes flatten all but the last axis into rows).
 * Without decimals every number is written in its shortest round-trip form.
 */
export function formatArray(
  values: ArrayLike<number>,
  shape: readonly number[],
  syntax: ExportSyntax,
  decimals?: number,
): string {
  checkShape(values.length, shape);
  const cells: string[] = [];
  for (let i = 0; i < values.length; i++) cells.push(exportNumber(values[i], syntax, decimals));
  switch (syntax) {
    case 'python':
    case 'json':
    case 'javascript':
      return nested(cells, shape, 0);
    case 'numpy':
      return `np.array(${nested(cells, shape, 'np.array('.length)})`;
    case 'latex': {
      const cols = shape[shape.length - 1];
      const rows: string[] = [];
      for (let r = 0; r * cols < cells.length || (cols === 0 && r === 0); r++) {
        rows.push(cells.slice(r * cols, (r + 1) * cols).join(' & '));
        if (cols === 0) break;
      }
      return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
    }
  }
}

/**
 * The export syntax that suits a VS Code language id: Python and Markdown → Python list,
 * JavaScript/TypeScript (and React variants) → JS array, JSON/JSONC/JSON Lines → JSON,
 * LaTeX/TeX → bmatrix, anything else → JSON (the most widely readable).
 */
export function exportSyntaxFor(languageId: string): ExportSyntax {
  switch (languageId) {
    case 'python':
    case 'markdown':
      return 'python';
    case 'javascript':
    case 'typescript':
    case 'javascriptreact':
    case 'typescriptreact':
      return 'javascript';
    case 'latex':
    case 'tex':
      return 'latex';
    default:
      return 'json';
  }
}
