// Every numeric array a person writes or pastes, found in one linear pass (the scanner in ./arrays).
import { Ch } from './charCodes';
import { Checkpoints, checkpointSpacing, noBrackets } from './arrays/checkpoints';
import { isBlank, readLiteral, type LiteralRead } from './arrays/numbers';
import { editKeepsRules } from './arrays/dialect';
import { profileFor } from './languages';
import { scanArrays, slicedScan, type Recording, type SlicedScan } from './arrays/scanner';
import { lastAtMost } from './arrays/search';
import { SoftmaxInputError } from './softmaxInput';

export { Checkpoints, OpenBrackets } from './arrays/checkpoints';

export interface FoundArray {
  /** UTF-16 offsets: [start, end) spans the literal, brackets included. */
  start: number;
  end: number;
  /** [n] for a vector, [rows, cols] for a matrix. */
  shape: number[];
  /** Row-major. */
  values: number[];
  /**
   * Set on a print that elides values (`[0 1 2 ... 997 998 999]`, Julia's `⋮`): `shown` is how many values it
   * prints. Such an array has no values (shape `[0]`), since its softmax cannot be known from the part shown.
   */
  elided?: { shown: number };
}

/** An elided print has no softmax: throws the SoftmaxInputError every view shows for it instead, in the person's words. */
export function requireWholeArray(array: FoundArray): void {
  if (array.elided !== undefined) throw new SoftmaxInputError('elided', [array.elided.shown]);
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
 *   NaN (softmax then names it); an elided print-out (`...`, `…`, Julia's `⋮`) is reported as elided, without values.
 * - A multi-line array written in a comment is followed through the comment markers that start its
 *   lines; inside an array written in code, comments are skipped.
 * - The content may decide the rules: a notebook's JSON (a top-level object with "cells" and "nbformat") is read
 *   as the lines its string lists print, with offsets into the JSON; an Objective-C file that reads as MATLAB
 *   follows MATLAB's rules. `$[…]$` in Markdown and LaTeX is math, not a subscript.
 */
export function findArrays(text: string, languageId?: string): FoundArray[] {
  const found: FoundArray[] = [];
  let sorted = true;
  try {
    scanArrays(text, languageId, (start, end, shape, values, shown) => {
      if (found.length > 0 && found[found.length - 1].start > start) sorted = false;
      found.push(shown === undefined ? { start, end, shape, values } : { start, end, shape, values, elided: { shown } });
    });
  } catch {
    // The scanner is written not to throw; should it ever, the arrays found so far are still right.
  }
  if (!sorted) found.sort((a, b) => a.start - b.start);
  return found;
}

/** What a finished scan leaves for the next one: the arrays, and the line starts where a scan may resume with the brackets open there. */
export interface ScanResult {
  arrays: readonly FoundArray[];
  checkpoints: Checkpoints;
}

/** One edit, or several taken together: text [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The edit that `first` then `second` make together (`second`'s offsets are in the text `first` left). */
export function composeEdits(first: TextEdit, second: TextEdit): TextEdit {
  const grew = first.newEnd - first.oldEnd;
  const oldEnd = Math.max(first.oldEnd, second.oldEnd - grew);
  return { start: Math.min(first.start, second.start), oldEnd, newEnd: oldEnd + grew + (second.newEnd - second.oldEnd) };
}

/** Arrays per slice of the copy that moves the unchanged arrays after an edit to their new offsets. */
const MOVES_PER_SLICE = 1 << 14;

/** The array `delta` characters further on; an elided print stays elided. */
function moved(a: FoundArray, delta: number): FoundArray {
  const { start, end, shape, values, elided } = a;
  return elided === undefined
    ? { start: start + delta, end: end + delta, shape, values }
    : { start: start + delta, end: end + delta, shape, values, elided };
}

/** How many of the arrays (in text order) start before `offset`. */
function startingBefore(arrays: readonly FoundArray[], offset: number): number {
  return lastAtMost(arrays.length, (i) => arrays[i].start, offset - 1) + 1;
}

/**
 * The array whose literal contains the offset (its brackets included), among arrays in text order that do not
 * overlap (what findArrays returns): the last one starting at or before the offset, if it reaches it.
 */
export function arrayContaining(arrays: readonly FoundArray[], offset: number): FoundArray | undefined {
  const k = lastAtMost(arrays.length, (i) => arrays[i].start, offset);
  return k >= 0 && offset <= arrays[k].end ? arrays[k] : undefined;
}

/**
 * findArrays in slices, so a huge document can be scanned between other work: each `scanTo(offset)` reads on
 * to about that offset and says whether the text is done; `arrays` then holds what findArrays would return.
 *
 * Given the result of a scan of the text before an edit, only the edited part is read again: the scan resumes
 * at the last checkpoint before the edit and stops at the first checkpoint after it where the old scan stood in
 * the same place with the same brackets open; the arrays before and after are the old ones (those after moved
 * by the edit's length change). Checkpoints are recorded about every `spacing` characters (0: at every line
 * start where the state allows), so what a scan keeps beside its arrays is a small fraction of the text.
 */
export class ArrayScan {
  private readonly found: FoundArray[];
  /** The checkpoints kept from an earlier scan, then the scan's own, then the old ones moved. */
  readonly checkpoints: Checkpoints;
  /** What is left to do; dropped once done, so a finished scan holds neither the text nor the scan before it. */
  private work:
    | {
        scan: SlicedScan;
        resync?: NonNullable<Recording['resync']>;
        previous?: { result: ScanResult; delta: number };
        /** After a resync: where the old arrays still to move to new offsets begin. */
        next?: number;
      }
    | undefined;

  constructor(text: string, languageId?: string, previous?: { result: ScanResult; edit: TextEdit }, spacing = checkpointSpacing) {
    const sink = (start: number, end: number, shape: number[], values: number[], shown?: number) =>
      this.found.push(shown === undefined ? { start, end, shape, values } : { start, end, shape, values, elided: { shown } });
    // An edit that may change which rules the text follows (a notebook's JSON, MATLAB content) rescans it whole.
    if (previous === undefined || !editKeepsRules(text, languageId, previous.edit)) {
      this.found = [];
      this.checkpoints = new Checkpoints();
      this.work = { scan: slicedScan(text, languageId, sink, { checkpoints: this.checkpoints, spacing, from: 0, brackets: noBrackets }) };
      return;
    }
    const { result, edit } = previous;
    const old = result.checkpoints;
    const delta = edit.newEnd - edit.oldEnd;
    const r = Math.max(0, old.lastAtMost(edit.start));
    const from = old.length > 0 ? old.offset(r) : 0;
    // Nothing is open at a checkpoint but inert brackets, so every array starting before it also ends before it.
    this.found = result.arrays.slice(0, startingBefore(result.arrays, from));
    this.checkpoints = old.prefix(r);
    const resync = { after: edit.newEnd, delta, old, next: r, found: -1 };
    const brackets = old.length > 0 ? old.bracketsAt(r) : noBrackets;
    const scan = slicedScan(text, languageId, sink, { checkpoints: this.checkpoints, spacing, from, brackets, resync });
    this.work = { scan, resync, previous: { result, delta } };
  }

  get done(): boolean {
    return this.work === undefined;
  }

  /** Scans about `chars` more characters (or moves that many old arrays); true once the text is done. */
  scanMore(chars: number): boolean {
    return this.work === undefined || this.scanTo(this.work.scan.at + chars);
  }

  scanTo(offset: number): boolean {
    const work = this.work;
    if (work === undefined) return true;
    if (work.next === undefined) {
      let ended: boolean;
      try {
        ended = work.scan.scanTo(offset);
      } catch {
        // As in findArrays: should the scanner ever throw, the arrays found so far are still right.
        ended = true;
      }
      if (!ended) return false;
      this.found.sort((a, b) => a.start - b.start);
      if (work.previous === undefined || work.resync === undefined || work.resync.found < 0) {
        this.work = undefined;
        return true;
      }
      // Resynchronised: the scan found the arrays up to the checkpoint; the old ones follow, moved.
      work.next = startingBefore(work.previous.result.arrays, work.resync.old.offset(work.resync.found));
      return false;
    }
    const { result, delta } = work.previous as { result: ScanResult; delta: number };
    const old = result.arrays;
    const stop = Math.min(old.length, work.next + MOVES_PER_SLICE);
    for (let k = work.next; k < stop; k++) {
      const a = old[k];
      this.found.push(delta === 0 ? a : moved(a, delta));
    }
    work.next = stop;
    if (stop < old.length) return false;
    const checkpoints = result.checkpoints;
    const resynced = (work.resync as NonNullable<Recording['resync']>).found;
    for (let k = resynced + 1; k < checkpoints.length; k++) this.checkpoints.push(checkpoints.offset(k) + delta, checkpoints.bracketsAt(k));
    this.work = undefined;
    return true;
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
    } else if (c === Ch.Comma) {
      if (!afterNumber) return undefined;
      afterNumber = false;
      i++;
    } else {
      if (!readLiteral(text, i, e, juliaFloat, read) || read.end > e) return undefined;
      const next = text.charCodeAt(read.end);
      if (read.end < e && !isBlank(next) && next !== Ch.Comma) return undefined;
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
      if (!isBlank(c) && c !== Ch.Comma) return undefined;
    }
  }
  return {
    start: arrays[0].start,
    end: arrays[arrays.length - 1].end,
    shape: [arrays.length, ...shape],
    values: arrays.flatMap((a) => a.values),
  };
}
