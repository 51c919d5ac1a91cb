// Every numeric array a person writes or pastes, found in one linear pass (the scanner in ./arrays).
import { isBlank, readLiteral, type LiteralRead } from './arrays/numbers';
import { profileFor } from './arrays/profile';
import { scanArrays, slicedScan } from './arrays/scanner';

export interface FoundArray {
  /** UTF-16 offsets: [start, end) spans the literal, brackets included. */
  start: number;
  end: number;
  /** [n] for a vector, [rows, cols] for a matrix. */
  shape: number[];
  /** Row-major. */
  values: number[];
}

/**
 * The numeric arrays in the text, in text order, never overlapping. Never throws; linear in the text.
 *
 * - A nested numeric array is reported once, as its outermost complete array (a matrix, or deeper).
 *   A list that also holds non-numbers is no array, but the numeric arrays inside it are reported;
 *   a ragged nesting (rows of different lengths, numbers beside lists) reports nothing, inner rows included.
 * - Spans: the bracket literal (`[...]` of `np.array([...])`, `{...}` of `[]float64{...}`, `[...]` of
 *   `vec![...]`); the whole call for `c(...)`, `doubleArrayOf(...)`, `List.of(...)`; the whole
 *   `\begin{..}...\end{..}` for LaTeX.
 * - A bracket right after a name, `)` or `]` is a subscript, and a list that is a whole subscript
 *   (`x[[0, 2]]`) selects elements; neither is reported. Julia's `Float64[...]` is an array.
 * - `;` separates rows in MATLAB, Julia and unknown languages (also line breaks in MATLAB and Julia);
 *   rows of one number read as a vector. A one-row LaTeX matrix is a vector too.
 * - Values are what Number() gives the literal without separators and type suffixes; `nan` is read as
 *   NaN (softmax then names it); an elided print-out (`...`) is not an array.
 * - A multi-line array written in a comment is followed through the comment markers that start its
 *   lines; inside an array written in code, comments are skipped.
 */
export function findArrays(text: string, languageId?: string): FoundArray[] {
  const found: FoundArray[] = [];
  let sorted = true;
  try {
    scanArrays(text, languageId, (start, end, shape, values) => {
      if (found.length > 0 && found[found.length - 1].start > start) sorted = false;
      found.push({ start, end, shape, values });
    });
  } catch {
    // The scanner is written not to throw; should it ever, the arrays found so far are still right.
  }
  if (!sorted) found.sort((a, b) => a.start - b.start);
  return found;
}

/**
 * findArrays in slices, so a huge document can be scanned between other work: each `scanTo(offset)` reads on
 * to about that offset and says whether the text is done; `arrays` then holds what findArrays would return.
 */
export class ArrayScan {
  private readonly found: FoundArray[] = [];
  private readonly scan;
  private finished = false;

  constructor(text: string, languageId?: string) {
    this.scan = slicedScan(text, languageId, (start, end, shape, values) => this.found.push({ start, end, shape, values }));
  }

  get done(): boolean {
    return this.finished;
  }

  scanTo(offset: number): boolean {
    if (this.finished) return true;
    try {
      this.finished = this.scan.scanTo(offset);
    } catch {
      // As in findArrays: should the scanner ever throw, the arrays found so far are still right.
      this.finished = true;
    }
    if (this.finished) this.found.sort((a, b) => a.start - b.start);
    return this.finished;
  }

  /** The arrays found; complete once `done`. */
  get arrays(): FoundArray[] {
    return this.found;
  }
}

const CLOSER: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

/**
 * The numbers a person selected: an array literal or matrix (the one array found, or the one spanning the
 * whole selection), or bare numbers separated by commas, blanks or new lines (one number is enough).
 * Undefined when the selection holds no number or something that is not a number.
 */
export function parseNumberList(text: string, languageId?: string): FoundArray | undefined {
  let first = 0;
  let last = text.length;
  while (first < last && isBlank(text.charCodeAt(first))) first++;
  while (last > first && isBlank(text.charCodeAt(last - 1))) last--;
  if (first === last) return undefined;
  const arrays = findArrays(text, languageId);
  if (arrays.length === 1) return arrays[0];
  if (arrays.length > 1) return arrays.find((a) => a.start === first && a.end === last) ?? rowsOf(text, arrays);
  let s = first;
  let e = last;
  if (CLOSER[text[s]] !== undefined && text[e - 1] === CLOSER[text[s]]) {
    s++;
    e--;
  }
  const juliaFloat = profileFor(languageId).juliaFloat;
  const read: LiteralRead = { value: 0, end: 0 };
  const values: number[] = [];
  let afterNumber = false;
  for (let i = s; i < e; ) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      i++;
    } else if (c === 44) {
      if (!afterNumber) return undefined;
      afterNumber = false;
      i++;
    } else {
      if (!readLiteral(text, i, e, juliaFloat, read) || read.end > e) return undefined;
      const next = text.charCodeAt(read.end);
      if (read.end < e && !isBlank(next) && next !== 44) return undefined;
      values.push(read.value);
      afterNumber = true;
      i = read.end;
    }
  }
  return values.length > 0 ? { start: first, end: last, shape: [values.length], values } : undefined;
}

/** Several rows of a matrix selected together (`[1, 2], [3, 4]`): one matrix when only commas and blanks lie between them. */
function rowsOf(text: string, arrays: FoundArray[]): FoundArray | undefined {
  const shape = arrays[0].shape;
  for (let k = 1; k < arrays.length; k++) {
    const a = arrays[k];
    if (a.shape.length !== shape.length || a.shape.some((d, i) => d !== shape[i])) return undefined;
    for (let i = arrays[k - 1].end; i < a.start; i++) {
      const c = text.charCodeAt(i);
      if (!isBlank(c) && c !== 44) return undefined;
    }
  }
  return {
    start: arrays[0].start,
    end: arrays[arrays.length - 1].end,
    shape: [arrays.length, ...shape],
    values: arrays.flatMap((a) => a.values),
  };
}
