// The array at an offset of a text too large to scan whole: a window around the offset, read in pieces, that grows
// to the array's own brackets when the offset sits in an array longer than the window, up to a cap.
import { Ch } from './charCodes';
import { arrayContaining, ArrayScan, type FoundArray } from './findArrays';
import type { Steps } from './softmax';

/** A text read in pieces, such as an editor's document. */
export interface TextSource {
  readonly length: number;
  /** The nearest offset at or before `offset` where a piece may begin or end (never between the \r and \n of a line break). */
  edge(offset: number): number;
  /** The characters [start, end) for edges `start` ≤ `end`. */
  text(start: number, end: number): string;
}

export interface WindowLimits {
  /** Characters read on each side of the offset first. */
  half: number;
  /** Characters a window may grow to, to hold the array at the offset whole. */
  cap: number;
  /** Characters read per step by the bracket searches, and scanned per step (at least 2). */
  chunk: number;
}

export interface WindowAnswer {
  /** The array whose literal contains the offset, if a whole one does. */
  array: FoundArray | undefined;
  /** The offset may sit in an array longer than the cap: nothing was said about it. */
  tooLong: boolean;
  /** Arrays of the window known to be whole (none touches an edge of the window that is not a real boundary). */
  arrays: FoundArray[];
  /** Offsets [start, end) around the offset where the answer is settled: no array but those in `arrays`. */
  settled: { start: number; end: number };
}

/** Characters that never occur inside a numeric array literal: a backward search for its `[` stops there. */
const outsideArrays = new Set([123, 125, 34, 61, 58, 60, 62]); // { } " = : < >

/** Where a backward search for the `[` of the array around an offset ended. */
interface LookBack {
  kind: 'opener' | 'outside' | 'start' | 'far';
  /** The `[`, the character no array holds, or 0. */
  at: number;
}

/** The nearest `[` before `offset` that is not closed before it, unless text no array holds comes first; reads back to `limit` at most. */
function* lookBack(source: TextSource, offset: number, limit: number, chunk: number): Steps<LookBack> {
  let depth = 0;
  for (let end = offset; end > limit; ) {
    const start = source.edge(Math.max(limit, end - chunk));
    const text = source.text(start, end);
    for (let i = text.length - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (c === Ch.RBracket) depth++;
      else if (c === Ch.LBracket) {
        if (depth === 0) return { kind: 'opener', at: start + i };
        depth--;
      } else if (outsideArrays.has(c)) return { kind: 'outside', at: start + i };
    }
    end = start;
    if (end > limit) yield;
  }
  return limit === 0 ? { kind: 'start', at: 0 } : { kind: 'far', at: limit };
}

/** The offset just after the `]` that closes the `[` at `opener`, reading on to `limit` at most; undefined when it does not close there. */
function* closingBracket(source: TextSource, opener: number, limit: number, chunk: number): Steps<number | undefined> {
  let depth = 0;
  for (let start = opener; start < limit; ) {
    const end = source.edge(Math.min(limit, start + chunk));
    if (end <= start) break;
    const text = source.text(start, end);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === Ch.LBracket) depth++;
      else if (c === Ch.RBracket && --depth === 0) return start + i + 1;
    }
    start = end;
    if (start < limit) yield;
  }
  return undefined;
}

/** findArrays over [from, to) of the source, a chunk of scanning per step, with offsets in the source. */
function* scanWindow(source: TextSource, from: number, to: number, languageId: string | undefined, chunk: number): Steps<{ arrays: FoundArray[]; text: string }> {
  const text = source.text(from, to);
  const scan = new ArrayScan(text, languageId);
  while (!scan.scanMore(chunk)) yield;
  return { arrays: scan.arrays.map((a) => ({ ...a, start: a.start + from, end: a.end + from })), text };
}

/**
 * The array at `offset`, in steps (each reads or scans about `limits.chunk` characters). When the offset may sit in
 * an array that runs past the first window, the window reaches back to the unmatched `[` before it and on to where
 * that bracket closes: what is scanned is the array itself plus a bounded margin. A window that would grow past
 * `limits.cap` characters is not scanned: the answer is then `tooLong`, with no array.
 */
export function* arrayWindowSteps(source: TextSource, offset: number, languageId: string | undefined, limits: WindowLimits): Steps<WindowAnswer> {
  const length = source.length;
  const { half, cap, chunk } = limits;
  let from = source.edge(Math.max(0, offset - half));
  let to = source.edge(Math.min(length, offset + half));
  let scan = yield* scanWindow(source, from, to, languageId, chunk);
  const firstHit = arrayContaining(scan.arrays, offset);
  // The array (or the row of a matrix) may have begun before the window: look back for its opening bracket...
  const anchor = firstHit && firstHit.start > from ? firstHit.start : offset;
  const back = yield* lookBack(source, anchor, Math.max(0, anchor - cap), chunk);
  if (back.kind === 'far') return { array: undefined, tooLong: true, arrays: [], settled: { start: offset, end: offset } };
  const opener = back.kind === 'opener' ? back.at : undefined;
  // ...and may end after it: look ahead for where that bracket closes (the end of the text if it never does).
  const closer = opener === undefined ? undefined : yield* closingBracket(source, opener, Math.min(length, opener + cap), chunk);
  if (opener !== undefined && closer === undefined && Math.min(length, opener + cap) < length) {
    return { array: undefined, tooLong: true, arrays: [], settled: { start: offset, end: offset } };
  }
  if (opener !== undefined && (opener < from || (closer ?? length) > to)) {
    from = Math.min(from, opener);
    to = Math.max(to, closer ?? length);
    if (to - from > cap) return { array: undefined, tooLong: true, arrays: [], settled: { start: offset, end: offset } };
    scan = yield* scanWindow(source, from, to, languageId, chunk);
  }
  // An array touching an edge of the window that is not a real boundary may be a fragment of a larger one.
  const startIsBoundary = from === 0 || from === opener;
  const endIsBoundary = to === length || closer !== undefined;
  const whole = (a: FoundArray) => (startIsBoundary || a.start > from) && (endIsBoundary || a.end < to);
  const arrays = scan.arrays.filter(whole);
  const hit = arrayContaining(arrays, offset);
  return { array: hit, tooLong: false, arrays, settled: settledAround(scan, from, to, offset, whole, chunk) };
}

/** Brackets of every kind an array literal is written with (and LaTeX's backslash): a stretch without them is inside one array or none. */
const delimiters = new Set([91, 93, 40, 41, 123, 125, 92]); // [ ] ( ) { } \

/**
 * The offsets around `offset` whose answer this window settles: the stretch around it without a bracket, inside
 * the window, clear of any fragment, and not touching the bracket before it. An array holding one offset of the
 * stretch holds all of it, and the array holding the offset (if any) is whole here: the answer is the same for
 * every offset of the stretch.
 */
function settledAround(
  scan: { arrays: FoundArray[]; text: string },
  from: number,
  to: number,
  offset: number,
  whole: (a: FoundArray) => boolean,
  reach: number,
): { start: number; end: number } {
  const text = scan.text;
  // No further than `reach` either way: a settled stretch may be shorter than it could be, never wrong.
  const lo = Math.max(from, offset - reach);
  const hi = Math.min(to, offset + reach);
  let start = offset;
  while (start > lo && !delimiters.has(text.charCodeAt(start - 1 - from))) start--;
  // Just after a closing bracket, or at a window's start, may be an array's end (a hover just past `]` shows it).
  if (start > 0) start++;
  let end = offset;
  while (end < hi && !delimiters.has(text.charCodeAt(end - from))) end++;
  if (start >= end || scan.arrays.some((a) => !whole(a) && a.start < end && a.end > start)) return { start: offset, end: offset };
  return { start, end };
}
