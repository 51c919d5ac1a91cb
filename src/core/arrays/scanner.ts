// One left-to-right pass over the text with a stack of open brackets. Array brackets tokenize their
// content (numbers, separators, comments); every other bracket only keeps the nesting straight.
// Work per character is constant, so the pass is linear even on hostile input.

import { readDecimal } from './decimal';
import { canStartLiteral, isBlank, isIdentChar, readLiteral, readTexExponent, type LiteralRead } from './numbers';
import { profileFor, type Profile } from './profile';

export type ArraySink = (start: number, end: number, shape: number[], values: number[]) => void;

const enum Ch {
  Tab = 9, Newline = 10, Cr = 13, Space = 32, Hash = 35, Percent = 37, Ampersand = 38, LParen = 40,
  RParen = 41, Star = 42, Comma = 44, Minus = 45, Dot = 46, Slash = 47, Semicolon = 59, Gt = 62,
  LBracket = 91, Backslash = 92, RBracket = 93, Backtick = 96, LBrace = 123, RBrace = 125, Tilde = 126,
  Ellipsis = 0x2026,
}

const enum Kind { Group, Index, Array, Latex }
const enum Status { Ok, Ragged, NonNumeric }
/** Where a bracket opened: in code, in a line comment, or in a block comment. */
const enum Ctx { Code, Line, Block }

/** Nesting deeper than this is only counted: no real array nests this far, and memory stays bounded. */
const MAX_DEPTH = 256;

const LATEX_ENVS = new Set([
  'matrix', 'bmatrix', 'pmatrix', 'vmatrix', 'Bmatrix', 'Vmatrix', 'smallmatrix', 'array',
  'bmatrix*', 'pmatrix*', 'matrix*', 'vmatrix*', 'Bmatrix*', 'Vmatrix*',
]);
/** Calls whose parentheses hold the elements themselves: R's c(), Kotlin's doubleArrayOf(), Java's List.of(). */
const CALL_ARRAYS = new Set([
  'arrayOf', 'doubleArrayOf', 'floatArrayOf', 'intArrayOf', 'longArrayOf', 'listOf', 'mutableListOf',
  'List.of', 'Arrays.asList', 'Array.of', 'Float64Array.of', 'Float32Array.of', 'DoubleStream.of',
]);
/** Julia's typed array literals, `Float64[1, 2]`: the bracket after the type name is not indexing. */
const TYPED_ARRAYS = new Set(['Float64', 'Float32', 'Float16', 'Int64', 'Int32', 'Int', 'BigFloat', 'Real']);

class Frame {
  kind = Kind.Group;
  /** The closing character, or 0 for a LaTeX environment. */
  close = 0;
  start = 0;
  status = Status.Ok;
  ctx = Ctx.Code;
  /** Where this frame's numbers begin in the shared value buffer, and its pending sub-arrays in `pending`. */
  vStart = 0;
  pStart = 0;
  nums = 0;
  kids = 0;
  kidShape: number[] | null = null;
  /** Elements in the current row, completed rows, and the length of the first row. */
  rowLen = 0;
  rows = 0;
  firstRowLen = 0;
  /** The last token was an element, so a separator may follow. */
  afterElement = false;
  /** A LaTeX cell already holds its number. */
  cellFull = false;
  env = '';
}

interface Candidate {
  start: number;
  end: number;
  shape: number[];
  vStart: number;
  vEnd: number;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

class Scanner {
  private profile: Profile;
  private readonly markdown: boolean;
  private readonly frames: Frame[] = [];
  private depth = 0;
  /** Brackets opened beyond MAX_DEPTH and not yet closed. */
  private overflow = 0;
  /** Open frames per closing character, so a stray closer is recognised in O(1). */
  private openSquare = 0;
  private openParen = 0;
  private openBrace = 0;
  private lineComment = false;
  private blockComment = false;
  /** Index of the lowest frame opened inside a comment, or -1. */
  private commentBase = -1;
  /** The numbers of the open arrays, and the finished sub-arrays that may still be reported on their own. */
  private readonly values: number[] = [];
  private valueCount = 0;
  private readonly pending: Candidate[] = [];
  private pendingCount = 0;
  private readonly read: LiteralRead = { value: 0, end: 0 };
  /** ASCII characters that mean something outside array content under the current profile. */
  private interesting = new Uint8Array(128);

  constructor(
    private readonly text: string,
    languageId: string | undefined,
    private readonly sink: ArraySink,
  ) {
    this.markdown = profileFor(languageId).fences;
    this.profile = this.useProfile(profileFor(languageId));
  }

  private useProfile(p: Profile): Profile {
    const t = new Uint8Array(128);
    for (const ch of '\n[](){}\\') t[ch.charCodeAt(0)] = 1;
    if (p.hash) t[Ch.Hash] = 1;
    if (p.percent) t[Ch.Percent] = 1;
    if (p.dash) t[Ch.Minus] = 1;
    if (p.slash) t[Ch.Slash] = t[Ch.Star] = 1;
    this.interesting = t;
    return p;
  }

  run(): void {
    const text = this.text;
    const n = text.length;
    let i = this.lineStart(0);
    while (i < n) {
      if (this.depth > 0 && this.overflow === 0) {
        const top = this.frames[this.depth - 1];
        if (top.status !== Status.NonNumeric) {
          if (top.kind === Kind.Array) {
            i = this.arrayContent(top, i);
            if (i >= n) break;
          } else if (top.kind === Kind.Latex) {
            i = this.latexContent(top, i);
            if (i >= n) break;
          }
          i = this.structure(i);
          continue;
        }
        if (top.kind === Kind.Latex) {
          // A LaTeX matrix that is not numeric need not wait for its \end: the text goes on as usual.
          this.abandon();
          continue;
        }
      }
      // Outside array content only a few characters matter; skip the rest in a tight loop.
      const interesting = this.interesting;
      let c = text.charCodeAt(i);
      while (c >= 128 || interesting[c] === 0) {
        if (++i >= n) break;
        c = text.charCodeAt(i);
      }
      if (i >= n) break;
      i = this.structure(i);
    }
    this.abandonTo(0);
  }

  /** Handles the character at i outside array content: brackets, comments, new lines, LaTeX environments. */
  private structure(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    const top = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    const inLatex = top !== undefined && top.kind === Kind.Latex && this.overflow === 0;
    switch (c) {
      case Ch.Newline:
        return this.newline(i);
      case Ch.LBracket:
      case Ch.LParen:
      case Ch.LBrace:
        if (inLatex) return i + 1;
        return this.open(c, i);
      case Ch.RBracket:
      case Ch.RParen:
      case Ch.RBrace:
        if (inLatex) return i + 1;
        return this.closeBracket(c, i);
      case Ch.Backslash:
        return this.backslash(i);
      case Ch.Hash:
        if (this.profile.hash) this.lineComment = true;
        break;
      case Ch.Percent:
        if (this.profile.percent) this.lineComment = true;
        break;
      case Ch.Minus:
        if (this.profile.dash && text.charCodeAt(i + 1) === Ch.Minus) this.lineComment = true;
        break;
      case Ch.Slash:
        if (this.profile.slash) {
          const next = text.charCodeAt(i + 1);
          if (next === Ch.Slash) {
            this.lineComment = true;
            return i + 2;
          }
          if (next === Ch.Star) {
            this.blockComment = true;
            return i + 2;
          }
        }
        break;
      case Ch.Star:
        if (this.blockComment && text.charCodeAt(i + 1) === Ch.Slash) {
          this.blockComment = false;
          if (this.commentBase >= 0 && this.frames[this.commentBase].ctx === Ctx.Block) this.abandonTo(this.commentBase);
          return i + 2;
        }
        break;
    }
    if (top !== undefined && this.overflow === 0 && top.kind >= Kind.Array && top.status !== Status.NonNumeric) {
      this.nonNumeric(top);
    }
    return i + 1;
  }

  /**
   * Tokenizes the content of an array bracket from i: numbers, separators and comments. Returns at a
   * bracket, at a token that is not part of a numeric array (after marking the frame), or at the end.
   */
  private arrayContent(f: Frame, i: number): number {
    const text = this.text;
    const n = text.length;
    const p = this.profile;
    const read = this.read;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === Ch.Space || c === Ch.Comma) {
        if (c === Ch.Comma) {
          if (!f.afterElement) return this.reject(f, i);
          f.afterElement = false;
        }
        i++;
        continue;
      }
      if (c >= 48 && c <= 57 || c === Ch.Minus || c === Ch.Dot) {
        if (c === Ch.Dot && text.charCodeAt(i + 1) === Ch.Dot) {
          // MATLAB's line continuation; elsewhere the elision of a summarized print-out, which hides elements.
          if (!p.ellipsisContinues || !text.startsWith('...', i)) return this.reject(f, i);
          i = this.lineEnd(i) + 1;
          continue;
        }
        if (c === Ch.Minus && p.dash && text.charCodeAt(i + 1) === Ch.Minus) {
          i = this.lineEnd(i);
          continue;
        }
        if ((!readDecimal(text, i, read) && !readLiteral(text, i, n, p.juliaFloat, read)) ||
          !this.delimits(text.charCodeAt(read.end), false)) {
          return this.reject(f, i);
        }
        this.pushNumber(f, read.value);
        i = read.end;
        continue;
      }
      switch (c) {
        case Ch.Newline:
          if (p.newlineRows && f.afterElement && f.close === Ch.RBracket) this.endRow(f);
          return i;
        case Ch.Tab:
        case Ch.Cr:
          i++;
          continue;
        case Ch.Semicolon:
          if (!p.semicolonRows || f.close !== Ch.RBracket) return this.reject(f, i);
          this.endRow(f);
          f.afterElement = false;
          i++;
          continue;
        case Ch.Hash:
          if (!p.hash) return this.reject(f, i);
          i = this.lineEnd(i);
          continue;
        case Ch.Percent:
          if (!p.percent) return this.reject(f, i);
          i = this.lineEnd(i);
          continue;
        case Ch.Slash: {
          const next = text.charCodeAt(i + 1);
          if (!p.slash || (next !== Ch.Slash && next !== Ch.Star)) return this.reject(f, i);
          if (next === Ch.Slash) {
            i = this.lineEnd(i);
          } else {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
          }
          continue;
        }
        case Ch.Backslash:
          // Python's explicit line continuation.
          if (text.charCodeAt(i + 1) === Ch.Newline || (text.charCodeAt(i + 1) === Ch.Cr && text.charCodeAt(i + 2) === Ch.Newline)) {
            i = text.indexOf('\n', i) + 1;
            continue;
          }
          break;
        case Ch.LBracket:
        case Ch.LParen:
        case Ch.LBrace:
        case Ch.RBracket:
        case Ch.RParen:
        case Ch.RBrace:
          return i;
        case Ch.Star:
          if (this.blockComment && text.charCodeAt(i + 1) === Ch.Slash) return i;
          return this.reject(f, i);
      }
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (canStartLiteral(c) && readLiteral(text, i, n, p.juliaFloat, read) && this.delimits(text.charCodeAt(read.end), false)) {
        this.pushNumber(f, read.value);
        i = read.end;
        continue;
      }
      return this.reject(f, i);
    }
    return i;
  }

  /** The content of a LaTeX matrix: numbers in cells split by `&`, rows split by `\\`. */
  private latexContent(f: Frame, i: number): number {
    const text = this.text;
    const n = text.length;
    const read = this.read;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isBlank(c) && c !== Ch.Newline) {
        i++;
        continue;
      }
      switch (c) {
        case Ch.Newline:
          return i;
        case Ch.LBrace:
        case Ch.RBrace:
          i++;
          continue;
        case Ch.Percent:
          i = this.lineEnd(i);
          continue;
        case Ch.Ampersand:
          if (!f.cellFull) return this.reject(f, i);
          f.cellFull = false;
          i++;
          continue;
        case Ch.Backslash: {
          const next = text.charCodeAt(i + 1);
          if (next === Ch.Backslash) {
            if (!f.cellFull && f.rowLen > 0) return this.reject(f, i);
            this.endRow(f);
            f.cellFull = false;
            i = this.skipTexRowSpacing(i + 2);
            continue;
          }
          if (next === 44 || next === 59 || next === 58 || next === 33 || next === Ch.Space) {
            i += 2;
            continue;
          }
          const word = this.texWord(i);
          if (word === '\\quad' || word === '\\qquad' || word === '\\hline' || word === '\\displaystyle') {
            i += word.length;
            continue;
          }
          if (word === '\\end' || word === '\\begin') return i;
          break;
        }
      }
      if (canStartLiteral(c) && !f.cellFull && readLiteral(text, i, n, false, read) && this.delimits(text.charCodeAt(read.end), true)) {
        let value = read.value;
        const mantissaEnd = read.end;
        if (readTexExponent(text, mantissaEnd, n, read)) {
          value = Number(`${text.slice(i, mantissaEnd).replace('\u2212', '-')}e${read.value}`);
          if (Number.isNaN(value)) return this.reject(f, i);
        } else {
          read.end = mantissaEnd;
        }
        f.cellFull = true;
        this.pushNumber(f, value);
        i = read.end;
        continue;
      }
      return this.reject(f, i);
    }
    return i;
  }

  private texWord(i: number): string {
    let k = i + 1;
    while (k < this.text.length && k - i < 16 && isIdentChar(this.text.charCodeAt(k))) k++;
    return this.text.slice(i, k);
  }

  /** `\\[4pt]` sets extra row spacing; skip the bracket. */
  private skipTexRowSpacing(i: number): number {
    const text = this.text;
    let k = i;
    while (k < text.length && (text.charCodeAt(k) === Ch.Space || text.charCodeAt(k) === Ch.Tab)) k++;
    if (text.charCodeAt(k) !== Ch.LBracket) return i;
    const end = text.indexOf(']', k);
    return end >= 0 && end - k < 16 ? end + 1 : i;
  }

  /** Characters that may follow a number: blanks, separators, closers, comment starts. */
  private delimits(c: number, latex: boolean): boolean {
    if (c !== c) return true;
    switch (c) {
      case Ch.Comma:
      case Ch.Semicolon:
      case Ch.RBracket:
      case Ch.RParen:
      case Ch.RBrace:
      case Ch.Hash:
      case Ch.Slash:
      case Ch.Percent:
        return true;
      case Ch.Ampersand:
      case Ch.Backslash:
      case Ch.LBrace:
        return latex;
    }
    return isBlank(c);
  }

  private pushNumber(f: Frame, value: number): void {
    if (f.kids > 0 && f.status === Status.Ok) f.status = Status.Ragged;
    this.values[this.valueCount++] = value;
    f.nums++;
    f.rowLen++;
    f.afterElement = true;
  }

  private reject(f: Frame, i: number): number {
    this.nonNumeric(f);
    return i;
  }

  private lineEnd(i: number): number {
    const end = this.text.indexOf('\n', i);
    return end < 0 ? this.text.length : end;
  }

  private endRow(f: Frame): void {
    if (f.rowLen === 0) return;
    if (f.rows === 0) f.firstRowLen = f.rowLen;
    else if (f.rowLen !== f.firstRowLen && f.status === Status.Ok) f.status = Status.Ragged;
    f.rows++;
    f.rowLen = 0;
  }

  /** After a new line: comment prefixes of a multi-line array in a comment, doctest prompts, Markdown fences. */
  private newline(i: number): number {
    const text = this.text;
    i++;
    this.lineComment = false;
    if (this.markdown) {
      const after = this.lineStart(i);
      if (after !== i) return after;
    }
    if (this.depth === 0 || this.overflow > 0) return i;
    let j = i;
    while (j < text.length && (text.charCodeAt(j) === Ch.Space || text.charCodeAt(j) === Ch.Tab)) j++;
    const blankLine = j >= text.length || text.charCodeAt(j) === Ch.Newline || text.charCodeAt(j) === Ch.Cr;
    // LaTeX allows no paragraph break inside a matrix: an environment still open at a blank line never closes.
    if (blankLine && this.frames[this.depth - 1].kind === Kind.Latex) this.abandon();
    if (this.depth === 0) return i;
    if (this.commentBase >= 0) {
      const ctx = this.frames[this.commentBase].ctx;
      if (ctx === Ctx.Line) {
        const marker = this.commentMarker(j);
        if (marker === 0) {
          this.abandonTo(this.commentBase);
          return i;
        }
        this.lineComment = true;
        return j + marker;
      }
      if (text.charCodeAt(j) === Ch.Star && text.charCodeAt(j + 1) !== Ch.Slash) return j + 1;
    }
    const top = this.frames[this.depth - 1];
    if (top.kind === Kind.Array && !this.profile.ellipsisContinues) {
      const c = text.charCodeAt(j);
      if ((c === Ch.Dot && text.startsWith('... ', j)) || (c === Ch.Gt && text.startsWith('>>> ', j))) return j + 4;
    }
    return i;
  }

  /** The length of a line-comment marker at j in this language, or 0. */
  private commentMarker(j: number): number {
    const text = this.text;
    const c = text.charCodeAt(j);
    const p = this.profile;
    if (c === Ch.Hash && p.hash) return 1;
    if (c === Ch.Percent && p.percent) return 1;
    if (c === Ch.Slash && p.slash && text.charCodeAt(j + 1) === Ch.Slash) return 2;
    if (c === Ch.Minus && p.dash && text.charCodeAt(j + 1) === Ch.Minus) return 2;
    return 0;
  }

  /**
   * At the start of a line in Markdown: a code fence (``` or ~~~) ends whatever was open and switches to
   * the rules of the fenced language. Returns the position after the fence line, or i when there is none.
   */
  private lineStart(i: number): number {
    if (!this.markdown) return i;
    const text = this.text;
    let j = i;
    while (j < text.length && j - i < 3 && text.charCodeAt(j) === Ch.Space) j++;
    const c = text.charCodeAt(j);
    if ((c !== Ch.Backtick && c !== Ch.Tilde) || text.charCodeAt(j + 1) !== c || text.charCodeAt(j + 2) !== c) return i;
    this.abandonTo(0);
    this.overflow = 0;
    const opening = this.profile.fences;
    let k = j + 3;
    while (k < text.length && text.charCodeAt(k) === c) k++;
    while (k < text.length && text.charCodeAt(k) === Ch.Space) k++;
    const s = k;
    while (k < text.length && k - s < 32 && (isIdentChar(text.charCodeAt(k)) || text.charCodeAt(k) === 43 || text.charCodeAt(k) === Ch.Minus)) k++;
    let next = opening ? profileFor(k > s ? text.slice(s, k) : 'plaintext') : profileFor('markdown');
    // A fence inside a fenced block is only its closing fence.
    if (opening && next.fences) next = profileFor('plaintext');
    this.profile = this.useProfile(next);
    const end = text.indexOf('\n', k);
    return end < 0 ? text.length : end + 1;
  }

  private open(c: number, i: number): number {
    if (this.overflow > 0 || this.depth === MAX_DEPTH) {
      this.overflow++;
      if (this.depth > 0) this.nonNumeric(this.frames[this.depth - 1]);
      return i + 1;
    }
    const text = this.text;
    const parent = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    const inArray = parent !== undefined && parent.kind === Kind.Array && parent.status !== Status.NonNumeric;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    let kind = Kind.Array;
    let start = i;
    if (c === Ch.LBracket) {
      if (isIdentChar(prev)) {
        kind = Kind.Index;
        // Only a typed-array name (Float64) or a LaTeX \left, \big… ends in a digit, t, l or g here.
        if ((prev >= 48 && prev <= 57) || prev === 116 || prev === 108 || prev === 103) {
          const word = this.wordBefore(i);
          if (word === '') kind = Kind.Group;
          else if (word !== undefined && TYPED_ARRAYS.has(word)) kind = Kind.Array;
        }
      } else if (prev === Ch.RParen || prev === Ch.RBracket) {
        kind = Kind.Index;
      }
    } else if (c === Ch.LParen) {
      kind = Kind.Group;
      // Every call-array name ends in c, f or t; checking that first spares a look-back at each call.
      if (prev === 99 || prev === 102 || prev === 116) {
        const word = this.wordBefore(i);
        if (word !== undefined && (CALL_ARRAYS.has(word) || (word === 'c' && this.profile.rVectors))) {
          kind = Kind.Array;
          start = i - word.length;
        }
      } else if (inArray && !isIdentChar(prev) && prev !== Ch.RParen && prev !== Ch.RBracket) {
        kind = Kind.Array; // a tuple as a row: [(1, 2), (3, 4)]
      }
    } else if (!this.profile.braces) {
      kind = Kind.Group;
    }
    if (inArray && kind !== Kind.Array) this.nonNumeric(parent);
    this.push(kind, c === Ch.LBracket ? Ch.RBracket : c === Ch.LParen ? Ch.RParen : Ch.RBrace, start);
    return i + 1;
  }

  /**
   * The name right before an opening bracket (dots allowed), or undefined when it is too long to matter.
   * '' means a LaTeX command such as `\left[`, whose bracket is typesetting.
   */
  private wordBefore(i: number): string | undefined {
    const text = this.text;
    let k = i;
    while (k > 0 && i - k < 24) {
      const c = text.charCodeAt(k - 1);
      if (!isIdentChar(c) && c !== Ch.Dot) break;
      k--;
    }
    if (k > 0 && isIdentChar(text.charCodeAt(k - 1))) return undefined;
    if (k > 0 && text.charCodeAt(k - 1) === Ch.Backslash) return '';
    return text.slice(k, i);
  }

  private push(kind: Kind, close: number, start: number): Frame {
    let f = this.frames[this.depth];
    if (f === undefined) {
      f = new Frame();
      this.frames.push(f);
    }
    f.kind = kind;
    f.close = close;
    f.start = start;
    f.status = kind >= Kind.Array ? Status.Ok : Status.NonNumeric;
    f.ctx = this.lineComment ? Ctx.Line : this.blockComment ? Ctx.Block : Ctx.Code;
    f.vStart = this.valueCount;
    f.pStart = this.pendingCount;
    f.nums = 0;
    f.kids = 0;
    f.kidShape = null;
    f.rowLen = 0;
    f.rows = 0;
    f.firstRowLen = 0;
    f.afterElement = false;
    f.cellFull = false;
    f.env = '';
    if (f.ctx !== Ctx.Code && this.commentBase < 0) this.commentBase = this.depth;
    this.depth++;
    this.count(close, 1);
    return f;
  }

  private count(close: number, delta: number): void {
    if (close === Ch.RBracket) this.openSquare += delta;
    else if (close === Ch.RParen) this.openParen += delta;
    else if (close === Ch.RBrace) this.openBrace += delta;
  }

  private pop(): Frame {
    const f = this.frames[--this.depth];
    this.count(f.close, -1);
    if (this.commentBase >= this.depth) this.commentBase = -1;
    return f;
  }

  private closeBracket(c: number, i: number): number {
    if (this.overflow > 0) {
      this.overflow--;
      return i + 1;
    }
    const open = c === Ch.RBracket ? this.openSquare : c === Ch.RParen ? this.openParen : this.openBrace;
    if (open === 0) {
      // A stray closer: part of whatever array is open, which therefore is not numeric.
      if (this.depth > 0 && this.frames[this.depth - 1].kind >= Kind.Array) this.nonNumeric(this.frames[this.depth - 1]);
      return i + 1;
    }
    while (this.frames[this.depth - 1].close !== c) this.abandon();
    this.finish(i + 1);
    return i + 1;
  }

  /** `\begin{bmatrix}` opens a LaTeX matrix, `\end{bmatrix}` closes it. */
  private backslash(i: number): number {
    const text = this.text;
    const isBegin = text.startsWith('\\begin{', i);
    if (!isBegin && !text.startsWith('\\end{', i)) return this.plainBackslash(i);
    let k = i + (isBegin ? 7 : 5);
    const s = k;
    while (k < text.length && k - s < 16 && text.charCodeAt(k) !== Ch.RBrace) k++;
    if (text.charCodeAt(k) !== Ch.RBrace) return this.plainBackslash(i);
    const env = text.slice(s, k);
    k++;
    const top = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    if (!isBegin) {
      if (top !== undefined && top.kind === Kind.Latex && top.env === env && this.overflow === 0) this.finish(k);
      return k;
    }
    if (!LATEX_ENVS.has(env) || this.overflow > 0 || this.depth === MAX_DEPTH) return this.plainBackslash(i);
    if (top !== undefined && top.kind >= Kind.Array) this.nonNumeric(top);
    if (env === 'array' && text.charCodeAt(k) === Ch.LBrace) {
      const end = text.indexOf('}', k);
      if (end >= 0 && end - k < 64) k = end + 1;
    }
    const f = this.push(Kind.Latex, 0, i);
    f.env = env;
    return k;
  }

  private plainBackslash(i: number): number {
    const top = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    if (top !== undefined && this.overflow === 0 && top.kind >= Kind.Array) this.nonNumeric(top);
    return i + 1;
  }

  /** Closes the top frame at `end`: reports it, hands it to its parent, or drops it. */
  private finish(end: number): void {
    const f = this.pop();
    const parent = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    const parentActive = parent !== undefined && parent.kind >= Kind.Array && parent.status !== Status.NonNumeric;
    if (f.kind < Kind.Array) return;
    if (f.kind === Kind.Latex && !f.cellFull && f.rowLen > 0) this.nonNumeric(f);
    this.endRow(f);
    if (f.kids > 0 && f.rows > 1) this.nonNumeric(f);
    if (f.status === Status.NonNumeric) {
      if (parentActive) this.nonNumeric(parent);
      if (!parentActive) this.valueCount = f.vStart;
      return;
    }
    if (f.status === Status.Ragged) {
      this.pendingCount = f.pStart;
      if (parentActive) {
        if (parent.status === Status.Ok) parent.status = Status.Ragged;
        parent.afterElement = true;
      } else {
        this.valueCount = f.vStart;
      }
      return;
    }
    const shape = f.kids > 0 ? [f.kids, ...(f.kidShape as number[])] :
      f.rows > 1 ? (f.firstRowLen === 1 ? [f.rows] : [f.rows, f.firstRowLen]) : [f.nums];
    this.pendingCount = f.pStart;
    if (parentActive) {
      const candidate: Candidate = { start: f.start, end, shape, vStart: f.vStart, vEnd: this.valueCount };
      if (parent.kind === Kind.Latex || parent.nums > 0 || (parent.kidShape !== null && !sameShape(parent.kidShape, shape))) {
        if (parent.kind === Kind.Latex) this.nonNumeric(parent);
        else if (parent.status === Status.Ok) parent.status = Status.Ragged;
      }
      if (parent.kidShape === null) parent.kidShape = shape;
      parent.kids++;
      parent.rowLen++;
      parent.afterElement = true;
      if (parent.status !== Status.NonNumeric) this.pending[this.pendingCount++] = candidate;
      else this.report(candidate);
      return;
    }
    if ((parent === undefined || !this.isIndexList(parent, f)) && this.valueCount - f.vStart >= 2) {
      this.sink(f.start, end, shape, this.values.slice(f.vStart, this.valueCount));
    }
    this.valueCount = f.vStart;
  }

  /**
   * `x[[0, 2]]`: a list that is the whole subscript selects elements; it is not data. Only a list right
   * after the subscript's bracket counts, so a subscript left open by a stray `[` in a string hides nothing.
   */
  private isIndexList(parent: Frame, f: Frame): boolean {
    if (parent.kind !== Kind.Index) return false;
    for (let k = f.start - 1; k > parent.start; k--) {
      if (!isBlank(this.text.charCodeAt(k)) || f.start - k > 64) return false;
    }
    return true;
  }

  private report(c: Candidate): void {
    if (c.vEnd - c.vStart < 2) return;
    this.sink(c.start, c.end, c.shape, this.values.slice(c.vStart, c.vEnd));
  }

  /** The frame holds something that is not a number: it is no array, but the arrays inside it are. */
  private nonNumeric(f: Frame): void {
    if (f.status === Status.NonNumeric) return;
    f.status = Status.NonNumeric;
    for (let k = f.pStart; k < this.pendingCount; k++) this.report(this.pending[k]);
    this.pendingCount = f.pStart;
  }

  /** Pops an unterminated frame: it is no array, and neither is anything holding it. */
  private abandon(): void {
    const f = this.pop();
    if (f.kind >= Kind.Array) {
      if (f.status === Status.Ragged) this.pendingCount = f.pStart;
      else this.nonNumeric(f);
    }
    const parent = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    if (parent !== undefined && parent.kind >= Kind.Array) this.nonNumeric(parent);
    else this.valueCount = f.vStart;
  }

  private abandonTo(depth: number): void {
    while (this.depth > depth) this.abandon();
  }
}

/** Finds every numeric array in the text and hands each to the sink (not necessarily in text order). */
export function scanArrays(text: string, languageId: string | undefined, sink: ArraySink): void {
  new Scanner(text, languageId, sink).run();
}
