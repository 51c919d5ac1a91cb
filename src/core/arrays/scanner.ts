// One left-to-right pass over the text with a stack of open brackets. Array brackets tokenize their
// content (numbers, separators, comments); every other bracket only keeps the nesting straight.
// Work per character is constant, so the pass is linear even on hostile input.

import { Ch } from '../charCodes';
import { charsPerNewBracket, sameBrackets, type Checkpoints, type OpenBrackets } from './checkpoints';
import { boundedIndexOf, ContentReader } from './content';
import { Ctx, Kind, MAX_DEPTH, Status, type ArraySink, type Frame } from './frames';
import { isBlank, isIdentChar } from './numbers';
import { profileOfText } from './dialect';
import { readPrint } from './replPrints';
import { type Profile } from './profile';
import { profileFor } from '../languages';

export type { ArraySink } from './frames';

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

class Scanner extends ContentReader {
  protected profile: Profile;
  private readonly markdown: boolean;
  private lineComment = false;
  /** ASCII characters that mean something outside array content under the current profile. */
  private interesting = new Uint8Array(128);

  /** The language's own rules; Markdown switches away from them inside a fenced block. */
  private readonly base: Profile;
  /** The last checkpoint recorded, and how many bracket nodes existed then. */
  private recordedAt = -Infinity;
  private nodesAtRecord = 0;
  /** No checkpoint up to here: a print's first line was read with the lines after it, which decide what it is. */
  private quietUntil = -1;

  /** @param recording where and how to record checkpoints; a one-off scan (findArrays) has no use for them. */
  constructor(
    text: string,
    languageId: string | undefined,
    sink: ArraySink,
    private readonly recording?: Recording,
  ) {
    super(text, sink);
    this.base = profileOfText(text, languageId);
    this.markdown = this.base.fences;
    this.profile = this.useProfile(this.base);
    const from = recording?.from ?? 0;
    if (recording !== undefined) this.restoreStack(recording.brackets, from);
    this.position = this.atLineStart(from);
  }

  private context(): Ctx {
    return this.lineComment ? Ctx.Line : this.blockComment ? Ctx.Block : Ctx.Code;
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

  /** Where the next slice starts. */
  private position: number;

  run(): void {
    this.scanTo(Infinity);
  }

  get at(): number {
    return this.position;
  }

  /**
   * Scans on until at least offset `until` (further only to finish a token or a LaTeX environment's content)
   * and returns true once the whole text is scanned. Slices resume exactly where the last one stopped, so
   * any way of slicing reports what one pass would.
   */
  scanTo(until: number): boolean {
    const text = this.text;
    const n = text.length;
    const stop = Math.min(n, until);
    this.sliceEnd = stop;
    let i = this.position;
    while (i < stop) {
      if (this.depth > 0 && this.overflow === 0) {
        const top = this.frames[this.depth - 1];
        if (top.status !== Status.NonNumeric) {
          if (top.kind === Kind.Array) {
            i = this.arrayContent(top, i);
            if (i >= stop) break;
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
        if (++i >= stop) break;
        c = text.charCodeAt(i);
      }
      if (i >= stop) break;
      i = this.structure(i);
    }
    this.position = i;
    if (i < n) return false;
    this.abandonTo(0);
    this.releaseValues();
    return true;
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
          // `://` is a URL in a string, not a comment.
          if (next === Ch.Slash && text.charCodeAt(i - 1) !== Ch.Colon) {
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

  /** After a new line: comment prefixes of a multi-line array in a comment, doctest prompts, Markdown fences. */
  private newline(i: number): number {
    this.lineComment = false;
    return this.atLineStart(i + 1);
  }

  /** At the start of line i: a checkpoint when the state can be written down, then what the line start means. */
  private atLineStart(i: number): number {
    const text = this.text;
    // No scan resumes inside a print being read (to quietUntil); resynchronised, the caller knows the rest: the scan ends.
    if (
      this.recording !== undefined &&
      i > this.quietUntil &&
      !this.blockComment &&
      this.profile === this.base &&
      this.inert() &&
      !this.rightInsideCall(i) &&
      this.checkpoint(i, this.recording)
    ) {
      return text.length;
    }
    if (this.markdown) {
      const after = this.lineStart(i);
      if (after !== i) return after;
    }
    if (this.depth === 0 && this.overflow === 0) return this.printAt(i);
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
      // A doctest writes the blank line between the slices of a 3-D print as <BLANKLINE>.
      if (c === Ch.Lt && text.startsWith('<BLANKLINE>', j)) return j + 11;
    }
    return i;
  }

  /**
   * A print without brackets that starts on line i (Julia's `3-element Vector{Float64}:`, R's `torch_tensor`):
   * reported, and the scan goes on at the new line that ends it. Otherwise i.
   */
  private printAt(i: number): number {
    const c = this.text.charCodeAt(i);
    // Most lines start with neither blanks, a comment marker, a digit nor a t: nothing to read.
    if (!(c === Ch.Space || c === Ch.Tab || c === Ch.Hash || c === Ch.Slash || c === Ch.Percent || c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine) || c === Ch.LowerT)) return i;
    const read = readPrint(this.text, i, this.profile.juliaFloat);
    if (read === undefined) return i;
    if (read.reach > this.quietUntil) this.quietUntil = read.reach;
    const p = read.print;
    if (p === undefined) return i;
    if (p.elided) this.sink(p.start, p.end, [0], [], p.values.length);
    else this.sink(p.start, p.end, p.shape, p.values);
    // At the new line before the next line, so that line starts as every line does.
    return p.next > p.end && this.text.charCodeAt(p.next - 1) === Ch.Newline ? p.next - 1 : p.next;
  }

  /**
   * Only blanks since a call's `(` (as in `tensor(\n(1, 2), [3, 4])`): a tuple opened next would be its matrix, and
   * that depends on where the `(` stands, which a checkpoint does not write down.
   */
  private rightInsideCall(i: number): boolean {
    if (this.depth === 0) return false;
    const top = this.frames[this.depth - 1];
    return top.kind === Kind.Group && top.close === Ch.RParen && this.firstInside(top, i);
  }

  /**
   * At a line start where the whole state is the open brackets: true when the old scan stood here with the same
   * brackets (the rest is known); else records a checkpoint when far enough from the last one.
   */
  private checkpoint(i: number, recording: Recording): boolean {
    const resync = recording.resync;
    if (resync !== undefined && i > resync.after) {
      const old = resync.old;
      while (resync.next < old.length && old.offset(resync.next) + resync.delta < i) resync.next++;
      if (resync.next < old.length && old.offset(resync.next) + resync.delta === i && sameBrackets(this.openBrackets(), old.bracketsAt(resync.next))) {
        recording.checkpoints.push(i, old.bracketsAt(resync.next));
        resync.found = resync.next;
        return true;
      }
    }
    const spacing = recording.spacing;
    const nodes = this.bracketNodes - this.nodesAtRecord + this.newBrackets();
    if (spacing > 0 && i - this.recordedAt < spacing + nodes * charsPerNewBracket) return false;
    recording.checkpoints.push(i, this.openBrackets());
    this.recordedAt = i;
    this.nodesAtRecord = this.bracketNodes;
    return false;
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
    while (k < text.length && k - s < 32 && (isIdentChar(text.charCodeAt(k)) || text.charCodeAt(k) === Ch.Plus || text.charCodeAt(k) === Ch.Minus)) k++;
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
    let rowsOnly = false;
    if (c === Ch.LBracket) {
      if (this.profile.jsonStrings && this.opensStringList(i)) {
        kind = Kind.Group;
      } else if (prev === Ch.Dollar && this.profile.dollarMath) {
        kind = Kind.Array;
      } else if (isIdentChar(prev)) {
        kind = Kind.Index;
        // Only a typed-array name (Float64) or a LaTeX \left, \big… ends in a digit, t, l or g here.
        if ((prev >= Ch.Zero && prev <= Ch.Nine) || prev === Ch.LowerT || prev === Ch.LowerL || prev === Ch.LowerG) {
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
      if (prev === Ch.LowerC || prev === Ch.LowerF || prev === Ch.LowerT) {
        const word = this.wordBefore(i);
        if (word !== undefined && (CALL_ARRAYS.has(word) || (word === 'c' && this.profile.rVectors))) {
          kind = Kind.Array;
          start = i - word.length;
        }
      } else if (inArray && !isIdentChar(prev) && prev !== Ch.RParen && prev !== Ch.RBracket) {
        kind = Kind.Array; // a tuple as a row: [(1, 2), (3, 4)]
      } else if (parent !== undefined && parent.kind === Kind.Group && parent.close === Ch.RParen && this.firstInside(parent, i)) {
        // A call's first argument written as a tuple of rows, `tensor(((2, 4), [3, 6]))`; a tuple of numbers there
        // (`zeros((3, 4))`) is a shape, not data.
        kind = Kind.Array;
        rowsOnly = true;
      }
    } else if (!this.profile.braces) {
      kind = Kind.Group;
    }
    if (inArray && kind !== Kind.Array) this.nonNumeric(parent);
    const f = this.push(kind, c === Ch.LBracket ? Ch.RBracket : c === Ch.LParen ? Ch.RParen : Ch.RBrace, start, this.context());
    f.rowsOnly = rowsOnly;
    return i + 1;
  }

  /** A notebook's JSON list of lines, `"source": [\n "x = 1\n",`: the bracket at i is followed by a string. */
  private opensStringList(i: number): boolean {
    const text = this.text;
    for (let k = i + 1; k < text.length && k - i < 64; k++) {
      const c = text.charCodeAt(k);
      if (c === Ch.Quote) return true;
      if (!isBlank(c)) return false;
    }
    return false;
  }

  /** Whether only blanks lie between the frame's opening bracket and i. */
  private firstInside(f: Frame, i: number): boolean {
    if (f.restored) return false;
    for (let k = i - 1; k > f.start; k--) {
      if (!isBlank(this.text.charCodeAt(k)) || i - k > 64) return false;
    }
    return true;
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
      const end = boundedIndexOf(text, Ch.RBrace, k, 64);
      if (end >= 0) k = end + 1;
    }
    const f = this.push(Kind.Latex, 0, i, this.context());
    f.env = env;
    return k;
  }

  private plainBackslash(i: number): number {
    const top = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    if (top !== undefined && this.overflow === 0 && top.kind >= Kind.Array) this.nonNumeric(top);
    return i + 1;
  }
}

/** Finds every numeric array in the text and hands each to the sink (not necessarily in text order). */
export function scanArrays(text: string, languageId: string | undefined, sink: ArraySink): void {
  new Scanner(text, languageId, sink).run();
}

/**
 * How a sliced scan records checkpoints: line starts where nothing is open but inert brackets, no comment and
 * no fenced block, so a later scan of edited text may resume at each.
 */
export interface Recording {
  /** Appended to as the scan goes. */
  checkpoints: Checkpoints;
  /** Characters at least between two recorded checkpoints (more where the stack changed); 0 records every one. */
  spacing: number;
  /** A checkpoint of an earlier scan of text with the same first `from` characters, and its brackets: the scan starts there. */
  from: number;
  brackets: OpenBrackets;
  /**
   * After an edit: the scan stops at the first such line start past `after` where the old scan had a checkpoint
   * `delta` characters before with the same brackets, and sets `found` to that old checkpoint's index.
   */
  resync?: { after: number; delta: number; old: Checkpoints; next: number; found: number };
}

/** A scan done in slices (`scanTo`), for callers that must not block for the whole text at once. */
export interface SlicedScan {
  scanTo(until: number): boolean;
  /** Where the next slice starts. */
  readonly at: number;
}

/** A scan done in slices, recording checkpoints (and, after an edit, stopping where the rest is known). */
export function slicedScan(text: string, languageId: string | undefined, sink: ArraySink, recording: Recording): SlicedScan {
  return new Scanner(text, languageId, sink, recording);
}
