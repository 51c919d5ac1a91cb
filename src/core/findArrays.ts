// Every numeric array a person writes or pastes, found in one linear pass (the scanner in ./arrays).
import { isBlank, readLiteral, type LiteralRead } from './arrays/numbers';
import { editKeepsRules } from './arrays/dialect';
import { profileFor } from './arrays/profile';
import { scanArrays, slicedScan } from './arrays/scanner';
import { SoftmaxInputError } from './softmax';

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
  if (array.elided !== undefined) throw new SoftmaxInputError(`This print is elided; it shows ${array.elided.shown} of the values.`);
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

/**
 * What a finished scan leaves for the next one: the arrays, the line starts where a scan may resume, and the
 * brackets open at each of them (written down by the scanner).
 */
export interface ScanResult {
  arrays: readonly FoundArray[];
  checkpoints: readonly number[];
  stacks: readonly string[];
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

/** The index of the last of `count` ascending keys that is ≤ value, or -1 (binary search). */
function lastAtMost(count: number, key: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
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
 * by the edit's length change).
 */
export class ArrayScan {
  private readonly found: FoundArray[];
  private readonly scan;
  private finished = false;
  /** The checkpoints and open brackets kept from an earlier scan, then the scan's own, then the old ones moved. */
  private readonly checkpointList: number[];
  private readonly stackList: string[];
  /** After a resync: the old scan, and where its arrays and checkpoints still to move to new offsets begin. */
  private tail: { old: ScanResult; next: number; from: number; delta: number } | undefined;

  constructor(text: string, languageId?: string, previous?: { result: ScanResult; edit: TextEdit }) {
    const sink = (start: number, end: number, shape: number[], values: number[], shown?: number) =>
      this.found.push(shown === undefined ? { start, end, shape, values } : { start, end, shape, values, elided: { shown } });
    if (previous === undefined) {
      this.found = [];
      this.checkpointList = [];
      this.stackList = [];
      this.scan = slicedScan(text, languageId, sink);
      return;
    }
    const { result, edit } = previous;
    if (!editKeepsRules(text, languageId, edit)) {
      // The edit may change which rules the text follows (a notebook's JSON, MATLAB content): scan it whole.
      this.found = [];
      this.checkpointList = [];
      this.stackList = [];
      this.scan = slicedScan(text, languageId, sink);
      return;
    }
    const old = result.checkpoints;
    const delta = edit.newEnd - edit.oldEnd;
    const r = Math.max(0, lastAtMost(old.length, (i) => old[i], edit.start));
    const from = old.length > 0 ? old[r] : 0;
    // Nothing is open at a checkpoint but inert brackets, so every array starting before it also ends before it.
    this.found = result.arrays.slice(0, startingBefore(result.arrays, from));
    this.checkpointList = old.slice(0, r);
    this.stackList = result.stacks.slice(0, r);
    const resync = (at: number, stack: string) => {
      if (at <= edit.newEnd) return false;
      const k = lastAtMost(old.length, (i) => old[i], at - delta);
      if (k < 0 || old[k] !== at - delta || result.stacks[k] !== stack) return false;
      this.tail = { old: result, next: startingBefore(result.arrays, old[k]), from: k + 1, delta };
      return true;
    };
    this.scan = slicedScan(text, languageId, sink, from, old.length > 0 ? result.stacks[r] : '', resync);
  }

  get done(): boolean {
    return this.finished;
  }

  /** Scans about `chars` more characters (or moves that many old arrays); true once the text is done. */
  scanMore(chars: number): boolean {
    return this.scanTo(this.scan.at + chars);
  }

  scanTo(offset: number): boolean {
    if (this.finished) return true;
    if (this.tail === undefined) {
      let ended: boolean;
      try {
        ended = this.scan.scanTo(offset);
      } catch {
        // As in findArrays: should the scanner ever throw, the arrays found so far are still right.
        ended = true;
      }
      if (!ended) return false;
      this.found.sort((a, b) => a.start - b.start);
      for (const c of this.scan.checkpoints) this.checkpointList.push(c);
      for (const s of this.scan.stacks) this.stackList.push(s);
      if (this.tail === undefined) return (this.finished = true);
      // Resynchronised: the scan found the arrays up to the checkpoint; the old ones follow, moved.
      return false;
    }
    const { old, delta } = this.tail;
    const stop = Math.min(old.arrays.length, this.tail.next + MOVES_PER_SLICE);
    for (; this.tail.next < stop; this.tail.next++) {
      const a = old.arrays[this.tail.next];
      this.found.push(delta === 0 ? a : { ...a, start: a.start + delta, end: a.end + delta });
    }
    if (this.tail.next < old.arrays.length) return false;
    for (let k = this.tail.from; k < old.checkpoints.length; k++) {
      this.checkpointList.push(old.checkpoints[k] + delta);
      this.stackList.push(old.stacks[k]);
    }
    return (this.finished = true);
  }

  /** The arrays found; complete once `done`. */
  get arrays(): FoundArray[] {
    return this.found;
  }

  /** Where a later scan of edited text may resume; complete once `done`. */
  get checkpoints(): number[] {
    return this.checkpointList;
  }

  /** The brackets open at each checkpoint; complete once `done`. */
  get stacks(): string[] {
    return this.stackList;
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
