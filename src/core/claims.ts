// Printed outputs checked against the code that printed them: a print after code computing the softmax of an
// array written in the document is a claim, verified at the print's own precision; printed probabilities that
// do not sum to 1 as far as their digits allow are findings even without code. A correct print is never one.
import { claimOf, ownSoftmaxes, showingStatement, type OwnSoftmax, type SoftmaxClaim } from './claimCode';
import { correctedPrint } from './claimPrint';
import { findArrays, type FoundArray } from './findArrays';
import { halfUnit, printPrecision, roundsToPrinted, rowSumChecks, type PrintPrecision } from './precision';
import { classifyArray } from './roles';
import { lineAfter } from './surroundings';
import { rowsOf, softmaxRows, type Steps, runSteps } from './softmax';

/** A replacement of the printed array's text [start, end) with `text`: one edit, undone as one. */
export interface ClaimFix {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A printed softmax that is not what its code computes. */
export interface WrongSoftmaxFinding {
  readonly code: 'wrongSoftmax';
  /** The printed array's literal in the text. */
  readonly start: number;
  readonly end: number;
  /** The logits' literal in the text. */
  readonly logits: { readonly start: number; readonly end: number };
  readonly params: {
    /** The call as it reads: `softmax([2.0, 1.0, 0.1])`. */
    readonly call: string;
    /** The print it should be, in its own style (spaces collapsed). */
    readonly expected: string;
    /** The print as it is (spaces collapsed). */
    readonly printed: string;
  };
  /** The correct print in the print's own style; undefined when its numbers are written in a way this cannot rewrite. */
  readonly fix?: ClaimFix;
}

/** Printed probabilities whose row does not sum to 1 as far as its rounding allows. */
export interface SumFinding {
  readonly code: 'sumNotOne';
  readonly start: number;
  readonly end: number;
  readonly params: {
    /** The row's sum, at the print's precision. */
    readonly sum: string;
    /** How far from 1 rounding lets it be. */
    readonly tolerance: string;
    /** The row (from 0) of a matrix; undefined for a vector. */
    readonly row?: number;
  };
}

export type ClaimFinding = WrongSoftmaxFinding | SumFinding;

/** How far from 1 printed probabilities may sum and still be read as a distribution printed wrong, not a part of one. */
const nearlyOne = 0.02;
/** Arrays checked between two yields of claimSteps. */
const perStep = 256;

/** Every finding of the text, in text order. `arrays` are findArrays' arrays of the same text. */
export function findClaims(text: string, languageId?: string, arrays: readonly FoundArray[] = findArrays(text, languageId)): ClaimFinding[] {
  return runSteps(claimSteps(text, arrays, languageId));
}

/** findClaims in steps, yielding between groups of arrays, so an editor can check a large document between keystrokes. */
export function* claimSteps(text: string, arrays: readonly FoundArray[], languageId?: string): Steps<ClaimFinding[]> {
  const findings: ClaimFinding[] = [];
  const own = ownSoftmaxes(text);
  for (let i = 0; i < arrays.length; i++) {
    if (i > 0 && i % perStep === 0) yield;
    const finding = check(text, arrays, i, own, languageId);
    if (finding !== undefined) findings.push(finding);
  }
  return findings;
}

/** Printed probabilities: two or more numbers in [0, 1], not all whole (a 0/1 mask is not a print of probabilities). */
function looksPrinted(array: FoundArray): boolean {
  const { values } = array;
  if (values.length < 2) return false;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) return false;
    if (v !== 0 && v !== 1) whole = false;
  }
  return !whole;
}

function check(text: string, arrays: readonly FoundArray[], index: number, own: readonly OwnSoftmax[], languageId?: string): ClaimFinding | undefined {
  const printed = arrays[index];
  if (!looksPrinted(printed)) return undefined;
  const spans = new Int32Array(2 * printed.values.length);
  const precision = printPrecision(text, printed, languageId, spans);
  if (precision === undefined) return undefined;
  const show = showingStatement(text, printed, arrays, index);
  const claim = show === undefined ? undefined : claimOf(text, show, arrays, own);
  if (claim !== undefined && claim.logits !== printed && sameShape(claim.logits, printed)) {
    const expected = expectedValues(claim);
    if (expected === undefined) return undefined;
    return verify(text, printed, precision, spans, claim, expected);
  }
  return sumFinding(text, printed, precision, languageId);
}

function sameShape(a: FoundArray, b: FoundArray): boolean {
  return a.shape.length === b.shape.length && a.shape.every((d, k) => d === b.shape[k]);
}

/**
 * The softmax the code computes, and for float32 frameworks also the softmax of the logits rounded to float32:
 * a print may show either (float32 arithmetic after that adds a few float32 ulps, which roundsToPrinted allows).
 */
function expectedValues(claim: SoftmaxClaim): Float64Array[] | undefined {
  const { logits, temperature, axis } = claim;
  const along = (values: ArrayLike<number>): Float64Array => {
    if (axis === -1) return softmaxRows(values, logits.shape, { temperature });
    const [rows, cols] = logits.shape;
    const t = new Float64Array(values.length);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = values[r * cols + c];
    const s = softmaxRows(t, [cols, rows], { temperature });
    const out = new Float64Array(values.length);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = s[c * rows + r];
    return out;
  };
  try {
    const exact = along(logits.values);
    if (!claim.float32) return [exact];
    return [exact, along(logits.values.map((v) => Math.fround(v)))];
  } catch {
    // Logits softmax refuses (NaN, all −∞): the print claims nothing that can be checked.
    return undefined;
  }
}

/**
 * How far, relatively, a float32 softmax may put each probability from the exact softmax of its float32 logits:
 * p_i = exp(z_i − m − log S) with z = x / T rounded to float32, so each rounding of z_i, of z_i − m and of log S
 * (each at most 2^−24 of its magnitude) moves p_i by that much relatively, plus a few ulps of exp and the division.
 */
function float32Error(claim: SoftmaxClaim): Float64Array {
  const { logits, temperature, axis } = claim;
  const n = logits.values.length;
  const out = new Float64Array(n);
  const z = logits.values.map((v) => Math.abs(v / temperature));
  const [rows, cols] = logits.shape.length === 2 ? logits.shape : [1, n];
  const lineOf = (i: number) => (axis === -1 ? Math.floor(i / cols) : i % cols);
  const biggest = new Map<number, number>();
  for (let i = 0; i < n; i++) if (Number.isFinite(z[i])) biggest.set(lineOf(i), Math.max(biggest.get(lineOf(i)) ?? 0, z[i]));
  for (let i = 0; i < n; i++) {
    const m = biggest.get(lineOf(i)) ?? 0;
    out[i] = 2 ** -24 * (8 + 2 * z[i] + 3 * m + Math.log2(rows * cols + 1));
  }
  return out;
}

/** The claim's finding: undefined when every printed entry is the correctly rounded probability at its own place. */
function verify(text: string, printed: FoundArray, precision: PrintPrecision, spans: Int32Array, claim: SoftmaxClaim, expected: Float64Array[]): WrongSoftmaxFinding | undefined {
  const { values } = printed;
  const wrong: number[] = [];
  const loose = claim.float32 ? float32Error(claim) : undefined;
  for (let i = 0; i < values.length; i++) {
    // A value within a few ulps of a rounding boundary may round either way: roundsToPrinted allows ties either way.
    if (expected.some((e) => roundsToPrinted(precision, i, e[i], values[i]))) continue;
    if (loose !== undefined && Math.abs(values[i] - expected[1][i]) <= halfUnit(precision, i) * (1 + 1e-9) + expected[1][i] * loose[i]) continue;
    wrong.push(i);
  }
  if (wrong.length === 0) return undefined;
  const literal = text.slice(printed.start, printed.end);
  const corrected = correctedPrint(text, printed, precision, spans, wrong, expected[0]);
  const collapse = (s: string) => {
    const t = s.replace(/\s+/g, ' ');
    return t.length > 160 ? `${t.slice(0, 157)}…` : t;
  };
  return {
    code: 'wrongSoftmax',
    start: printed.start,
    end: printed.end,
    logits: { start: claim.logits.start, end: claim.logits.end },
    params: { call: claim.call, expected: collapse(corrected ?? literal), printed: collapse(literal) },
    fix: corrected === undefined ? undefined : { start: printed.start, end: printed.end, text: corrected },
  };
}

/** A print of probabilities (by its role) whose row sums miss 1 by more than its digits allow, but not by much. */
function sumFinding(text: string, printed: FoundArray, precision: PrintPrecision, languageId?: string): SumFinding | undefined {
  const { cols } = rowsOf(printed.values.length, printed.shape);
  if (cols < 2) return undefined;
  const checks = rowSumChecks(printed.values, printed.shape, precision);
  const row = checks.findIndex((c) => c.sumsToOne === false);
  if (row < 0 || !checks.every((c) => Math.abs(c.sum - 1) <= nearlyOne)) return undefined;
  // Half-precision tensors hold about three digits: their 4-decimal prints need not sum to 1 at 4 decimals.
  if (/float16|bfloat16|\bhalf\b/.test(lineAfter(text, printed.end))) return undefined;
  if (classifyArray(text, printed, languageId).role !== 'probabilities') return undefined;
  const { sum, tolerance } = checks[row];
  const shown = precision.decimals >= 0 && precision.mantissaDecimals < 0 ? sum.toFixed(precision.decimals) : String(Number(sum.toPrecision(6)));
  return {
    code: 'sumNotOne',
    start: printed.start,
    end: printed.end,
    params: { sum: shown, tolerance: String(Number(tolerance.toPrecision(2))), row: printed.shape.length > 1 ? row : undefined },
  };
}

/** The finding in English words; the editor words the same codes in the display language. */
export function describeFinding(finding: ClaimFinding): string {
  if (finding.code === 'wrongSoftmax') {
    const { call, expected, printed } = finding.params;
    return `${call} is ${expected}; this print shows ${printed}`;
  }
  const { sum, tolerance, row } = finding.params;
  return row === undefined
    ? `These probabilities sum to ${sum}, not 1: their rounding allows 1 ± ${tolerance}`
    : `Row ${row} of these probabilities sums to ${sum}, not 1: its rounding allows 1 ± ${tolerance}`;
}

/** The text with every finding's fix applied (fixes never overlap: each is one printed array). */
export function applyFixes(text: string, findings: readonly ClaimFinding[]): string {
  const fixes = findings
    .map((f) => (f.code === 'wrongSoftmax' ? f.fix : undefined))
    .filter((f): f is ClaimFix => f !== undefined)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of fixes) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.text;
    at = f.end;
  }
  return out + text.slice(at);
}
