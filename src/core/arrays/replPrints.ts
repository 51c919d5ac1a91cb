// Prints without brackets, whose first line says what follows: Julia's REPL (`3-element Vector{Float64}:` and one
// value a line, `2×3 Matrix{Float64}:` and its rows, `[:, :, 1] =` slices of a 3-D array) and R torch
// (`torch_tensor`, the rows, `[ CPUFloatType{2,3} ]`, `(1,.,.) =` slices). Read at a line start, line by line, in
// comments (`#`, `#>` of rendered R Markdown, `//`, `%`) as in plain text.

import { Ch } from '../charCodes';
import { isBlank, readLiteral, type LiteralRead } from './numbers';

/** A print read from its first line. */
export interface PrintRead {
  start: number;
  /** Just after the print's last character. */
  end: number;
  /** Where scanning goes on: the start of the line after the print. */
  next: number;
  shape: number[];
  values: number[];
  /** Set when the print elides values (`⋮`, `…`, R's "output was truncated"). */
  elided: boolean;
}

/** Larger prints are left to the ordinary scan: no REPL prints them whole, and one block is read in one go. */
const MAX_VALUES = 1 << 16;
const MAX_LINES = 1 << 14;

const JULIA_HEADER = /^(\d+)-element [A-Za-z][^\n]{0,200}:[ \t]*\r?$|^(\d+(?:×\d+){1,2}) [A-Za-z][^\n]{0,200}:[ \t]*\r?$/;
const JULIA_SLICE = /^\[:, :, (\d+)\] =[ \t]*\r?$/;
const TORCH_FOOTER = /^\[ [A-Za-z]+Type\{(\d+(?:,\d+)*)\} \](?:\[[^\]\n]*\])*/;
const TORCH_SLICE = /^\((\d+),\.(?:,\.)+\) =[ \t]*\r?$/;
const TRUNCATED = /^\.\.\. \[the output was truncated/;

/** One line of the print: its text without the comment marker and leading blanks, and where it ends. */
interface Line {
  at: number;
  text: string;
  end: number;
}

class Lines {
  /** The end of the furthest line looked at: what the outcome may depend on. */
  reach = 0;

  constructor(
    private readonly source: string,
    private readonly marker: string,
  ) {}

  /** The line starting at `start` with the marker the first line had, or undefined (another marker, the end). */
  at(start: number): Line | undefined {
    const source = this.source;
    if (start >= source.length) {
      // Where the text ends decides too: text added there may continue the print.
      if (start > this.reach) this.reach = start;
      return undefined;
    }
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    if (end > this.reach) this.reach = end;
    let k = start;
    while (k < end && isBlank(source.charCodeAt(k))) k++;
    if (!source.startsWith(this.marker, k)) return undefined;
    k += this.marker.length;
    while (k < end && isBlank(source.charCodeAt(k))) k++;
    let e = end;
    while (e > k && isBlank(source.charCodeAt(e - 1))) e--;
    return { at: k, text: source.slice(k, e), end: e };
  }

  next(line: Line): number {
    const nl = this.source.indexOf('\n', line.end);
    return nl < 0 ? this.source.length : nl + 1;
  }
}

/** The comment marker a print's first line starts with (`#`, `#>`, `//`, `%`, `--`), or '' for none. */
function markerAt(text: string, k: number): string {
  const c = text.charCodeAt(k);
  if (c === Ch.Hash) return text.charCodeAt(k + 1) === Ch.Gt ? '#>' : '#';
  if (c === Ch.Slash && text.charCodeAt(k + 1) === Ch.Slash) return '//';
  if (c === Ch.Percent) return '%';
  if (c === Ch.Minus && text.charCodeAt(k + 1) === Ch.Minus) return '--';
  return '';
}

/** The numbers of one row, separated by blanks; `…` marks elided columns. Undefined when the line holds anything else. */
function rowNumbers(line: Line, source: string, juliaFloat: boolean, read: LiteralRead, into: number[]): { count: number; elided: boolean } | undefined {
  let i = line.at;
  let count = 0;
  let elided = false;
  while (i < line.end) {
    const c = source.charCodeAt(i);
    if (isBlank(c)) {
      i++;
    } else if (c === Ch.Ellipsis) {
      elided = true;
      i++;
    } else if (readLiteral(source, i, line.end, juliaFloat, read) && (read.end >= line.end || isBlank(source.charCodeAt(read.end)))) {
      into.push(read.value);
      count++;
      i = read.end;
    } else {
      return undefined;
    }
  }
  return { count, elided };
}

/** A line of vertical elision: `⋮`, `⋱`, `…` and blanks only. */
function isElisionLine(text: string): boolean {
  return text.length > 0 && /^[⋮⋱… \t]+$/.test(text);
}

/**
 * At a line that starts such a print: the print (undefined when the lines after its first do not make one) and the
 * end of the last line looked at. Undefined when the line starts no print.
 */
export function readPrint(source: string, lineStart: number, juliaFloat: boolean): { print: PrintRead | undefined; reach: number } | undefined {
  let k = lineStart;
  while (k < source.length && isBlank(source.charCodeAt(k)) && source.charCodeAt(k) !== Ch.Newline) k++;
  const marker = markerAt(source, k);
  let h = k + marker.length;
  if (source.charCodeAt(h) === Ch.Space) h++;
  // Only `12-element`, `2×3` or `torch_tensor` starts a print: every other line costs a few characters.
  if (source.charCodeAt(h) === Ch.LowerT) {
    if (!source.startsWith('torch_tensor', h)) return undefined;
  } else {
    let d = h;
    while (d - h < 10 && source.charCodeAt(d) >= Ch.Zero && source.charCodeAt(d) <= Ch.Nine) d++;
    if (d === h || (source.charCodeAt(d) !== Ch.Times && !source.startsWith('-element ', d))) return undefined;
  }
  const lines = new Lines(source, marker);
  const first = lines.at(lineStart);
  if (first === undefined) return undefined;
  if (first.text === 'torch_tensor') return { print: readTorch(source, lines, first, juliaFloat), reach: lines.reach };
  if (!JULIA_HEADER.test(first.text)) return undefined;
  return { print: readJulia(source, lines, first, juliaFloat), reach: lines.reach };
}

function readJulia(source: string, lines: Lines, header: Line, juliaFloat: boolean): PrintRead | undefined {
  const m = JULIA_HEADER.exec(header.text);
  if (m === null) return undefined;
  const shape = m[1] !== undefined ? [Number(m[1])] : m[2].split('×').map(Number);
  const total = shape.reduce((a, b) => a * b, 1);
  if (total < 2 || total > MAX_VALUES) return undefined;
  const cols = shape.length === 1 ? 1 : shape[1];
  const rowsPerSlice = shape[0];
  const slices = shape.length === 3 ? shape[2] : 1;
  const read: LiteralRead = { value: 0, end: 0 };
  const values: number[] = [];
  let elided = false;
  let rows = 0;
  let end = header.end;
  let at = lines.next(header);
  let slice = 0;
  for (let count = 0; count < MAX_LINES; count++) {
    if (!elided && values.length === total) break;
    const line = lines.at(at);
    if (line === undefined) break;
    if (slices > 1) {
      const s = JULIA_SLICE.exec(line.text);
      if (s !== null) {
        if (Number(s[1]) !== slice + 1 || (!elided && rows !== slice * rowsPerSlice)) return undefined;
        slice++;
        at = lines.next(line);
        continue;
      }
      if (line.text === '' && slice > 0) {
        at = lines.next(line);
        continue;
      }
      if (slice === 0) return undefined;
    }
    if (isElisionLine(line.text)) {
      elided = true;
    } else {
      const row = rowNumbers(line, source, juliaFloat, read, values);
      if (row === undefined || row.count === 0) break;
      if (row.elided) elided = true;
      else if (row.count !== cols) return undefined;
      rows++;
    }
    end = line.end;
    at = lines.next(line);
  }
  if (!elided && values.length !== total) return undefined;
  if (elided && values.length < 2) return undefined;
  // A slice `[:, :, k]` prints rows and columns: read row-major, the slices are the first axis.
  return { start: header.at, end, next: at, shape: slices > 1 ? [slices, shape[0], shape[1]] : shape, values, elided };
}

function readTorch(source: string, lines: Lines, header: Line, juliaFloat: boolean): PrintRead | undefined {
  const read: LiteralRead = { value: 0, end: 0 };
  const values: number[] = [];
  let elided = false;
  let cols = -1;
  let at = lines.next(header);
  for (let count = 0; count < MAX_LINES; count++) {
    const line = lines.at(at);
    if (line === undefined) return undefined;
    const footer = TORCH_FOOTER.exec(line.text);
    if (footer !== null) {
      const shape = footer[1].split(',').map(Number);
      const total = shape.reduce((a, b) => a * b, 1);
      if (elided ? values.length < 2 : values.length !== total || total < 2) return undefined;
      if (!elided && shape.length > 1 && cols !== shape[shape.length - 1]) return undefined;
      return { start: header.at, end: line.at + footer[0].length, next: lines.next(line), shape, values, elided };
    }
    if (TRUNCATED.test(line.text)) {
      elided = true;
    } else if (line.text !== '' && !TORCH_SLICE.test(line.text)) {
      const row = rowNumbers(line, source, juliaFloat, read, values);
      if (row === undefined || row.count === 0 || row.elided || values.length > MAX_VALUES) return undefined;
      if (cols >= 0 && row.count !== cols) return undefined;
      cols = row.count;
    }
    at = lines.next(line);
  }
  return undefined;
}
