// The stack of open brackets and what closing one means: a shape, a ragged nesting, an array to report,
// or a list of other things whose numeric arrays are reported on their own.

import { Ch } from '../charCodes';
import { noBrackets, OpenBrackets } from './checkpoints';
import { isBlank } from './numbers';

/** `shown` is set for an elided print: how many values it shows (it then has no values, and shape [0]). */
export type ArraySink = (start: number, end: number, shape: number[], values: number[], shown?: number) => void;

export const enum Kind { Group, Index, Array, Latex }
export const enum Status { Ok, Ragged, NonNumeric }
/** Where a bracket opened: in code, in a line comment, or in a block comment. */
export const enum Ctx { Code, Line, Block }

/** Nesting deeper than this is only counted: no real array nests this far, and memory stays bounded. */
export const MAX_DEPTH = 256;

export class Frame {
  /** Its place in the stack: the stack reuses one frame per depth. */
  constructor(readonly slot: number) {}
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
  /** The print elides values (`...`) here or in a row inside. */
  elided = false;
  /** A tuple that is an array only when it holds rows (a call's first argument): of bare numbers it is a shape. */
  rowsOnly = false;
  /** Opened from a checkpoint: where its bracket stood is not known, only that more than blanks follow it. */
  restored = false;
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

/**
 * The value buffer of the last finished scan, for the next one while the garbage collector leaves it: storing into
 * a long array in place costs a fraction of growing a fresh one to a million numbers again.
 */
let spareValues: WeakRef<number[]> | undefined;

export class FrameStack {
  protected readonly frames: Frame[] = [];
  protected depth = 0;
  /** Brackets opened beyond MAX_DEPTH and not yet closed. */
  protected overflow = 0;
  /** Open frames per closing character, so a stray closer is recognised in O(1). */
  protected openSquare = 0;
  protected openParen = 0;
  protected openBrace = 0;
  /** Index of the lowest frame opened inside a comment, or -1. */
  protected commentBase = -1;
  /** The numbers of the open arrays, and the finished sub-arrays that may still be reported on their own. */
  protected values: number[];
  protected valueCount = 0;
  private readonly pending: Candidate[] = [];
  private pendingCount = 0;

  /** Open frames that can still become an array or hold one back: index subscripts, LaTeX, arrays not known to be non-numeric. */
  private live = 0;
  /** `nodes[k]` lists the brackets of frames 0..k, valid for k < nodeDepth: a push or pop at a depth invalidates it and above. */
  private readonly nodes: OpenBrackets[] = [];
  private nodeDepth = 0;
  /** Bracket nodes created so far, so checkpoints can be spaced by what they keep. */
  protected bracketNodes = 0;

  constructor(
    protected readonly text: string,
    protected readonly sink: ArraySink,
  ) {
    // At most one scan holds the buffer: taking it leaves none for a scan that starts meanwhile.
    this.values = spareValues?.deref() ?? [];
    spareValues = undefined;
  }

  /** The scan is over: its value buffer may serve the next one. */
  protected releaseValues(): void {
    if (this.values.length > 0) spareValues = new WeakRef(this.values);
    this.values = [];
  }

  /**
   * True when nothing open can still become an array or hold one back: every open bracket is a plain group or
   * an array already known not to be numeric, none opened in a comment, none past MAX_DEPTH, no sub-array
   * waiting. Then the open brackets' kinds and closers (`openBrackets()`) are all the state the frames hold.
   */
  protected inert(): boolean {
    return this.live === 0 && this.overflow === 0 && this.commentBase < 0 && this.pendingCount === 0;
  }

  /** How many bracket nodes `openBrackets` would create now. */
  protected newBrackets(): number {
    return this.depth - this.nodeDepth;
  }

  /** The inert stack as a persistent list (its kinds and closers), sharing the nodes of the part unchanged since last asked. */
  protected openBrackets(): OpenBrackets {
    let below = this.nodeDepth > 0 ? this.nodes[this.nodeDepth - 1] : noBrackets;
    this.bracketNodes += this.depth - this.nodeDepth;
    for (let k = this.nodeDepth; k < this.depth; k++) {
      const f = this.frames[k];
      below = this.nodes[k] = new OpenBrackets((f.kind << 8) | f.close, below);
    }
    this.nodeDepth = this.depth;
    return below;
  }

  /** Opens the brackets of a checkpoint, as inert frames, as if the text before `at` had opened them. */
  protected restoreStack(brackets: OpenBrackets, at: number): void {
    const list: OpenBrackets[] = [];
    for (let b = brackets; b.below !== undefined; b = b.below) list.push(b);
    for (let k = list.length - 1; k >= 0; k--) {
      const f = this.push(list[k].code >> 8, list[k].code & 255, at, Ctx.Code);
      this.nonNumeric(f);
      f.restored = true;
      this.nodes[f.slot] = list[k];
    }
    this.nodeDepth = this.depth;
  }

  protected push(kind: Kind, close: number, start: number, ctx: Ctx): Frame {
    let f = this.frames[this.depth];
    if (f === undefined) {
      f = new Frame(this.depth);
      this.frames.push(f);
    }
    f.kind = kind;
    f.close = close;
    f.start = start;
    f.status = kind >= Kind.Array ? Status.Ok : Status.NonNumeric;
    f.ctx = ctx;
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
    f.rowsOnly = false;
    f.elided = false;
    f.restored = false;
    if (f.ctx !== Ctx.Code && this.commentBase < 0) this.commentBase = this.depth;
    if (kind !== Kind.Group) this.live++;
    if (this.nodeDepth > this.depth) this.nodeDepth = this.depth;
    this.depth++;
    this.count(close, 1);
    return f;
  }

  protected count(close: number, delta: number): void {
    if (close === Ch.RBracket) this.openSquare += delta;
    else if (close === Ch.RParen) this.openParen += delta;
    else if (close === Ch.RBrace) this.openBrace += delta;
  }

  protected pop(): Frame {
    const f = this.frames[--this.depth];
    if (f.kind !== Kind.Group && !(f.kind === Kind.Array && f.status === Status.NonNumeric)) this.live--;
    if (this.nodeDepth > this.depth) this.nodeDepth = this.depth;
    this.count(f.close, -1);
    if (this.commentBase >= this.depth) this.commentBase = -1;
    return f;
  }

  protected pushNumber(f: Frame, value: number): void {
    if (f.kids > 0 && f.status === Status.Ok) f.status = Status.Ragged;
    this.values[this.valueCount++] = value;
    f.nums++;
    f.rowLen++;
    f.afterElement = true;
  }

  protected endRow(f: Frame): void {
    if (f.rowLen === 0) return;
    if (f.rows === 0) f.firstRowLen = f.rowLen;
    else if (f.rowLen !== f.firstRowLen && f.status === Status.Ok) f.status = Status.Ragged;
    f.rows++;
    f.rowLen = 0;
  }

  /** Closes the top frame at `end`: reports it, hands it to its parent, or drops it. */
  protected finish(end: number): void {
    const f = this.pop();
    const parent = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    const parentActive = parent !== undefined && parent.kind >= Kind.Array && parent.status !== Status.NonNumeric;
    if (f.kind < Kind.Array) return;
    if (f.rowsOnly && f.kids === 0) {
      this.valueCount = f.vStart;
      return;
    }
    if (f.kind === Kind.Latex && !f.cellFull && f.rowLen > 0) this.nonNumeric(f);
    this.endRow(f);
    if (f.kids > 0 && f.rows > 1) this.nonNumeric(f);
    if (f.elided && f.status !== Status.NonNumeric) {
      this.finishElided(f, parent, parentActive, end);
      return;
    }
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
   * An elided print: its rows need not agree (the shown part is all there is), it is reported once, as its
   * outermost array, with the count of values it shows; the parent of an elided row is elided too.
   */
  private finishElided(f: Frame, parent: Frame | undefined, parentActive: boolean, end: number): void {
    this.pendingCount = f.pStart;
    if (parentActive && parent !== undefined && parent.kind === Kind.Array) {
      parent.elided = true;
      parent.kids++;
      parent.rowLen++;
      parent.afterElement = true;
      return;
    }
    if (parentActive && parent !== undefined) this.nonNumeric(parent);
    const shown = this.valueCount - f.vStart;
    this.valueCount = f.vStart;
    if (shown >= 2 && (parent === undefined || !this.isIndexList(parent, f))) this.sink(f.start, end, [0], [], shown);
  }

  /**
   * `x[[0, 2]]`: a list that is the whole subscript selects elements; it is not data. Only a list right
   * after the subscript's bracket counts, so a subscript left open by a stray `[` in a string hides nothing.
   */
  protected isIndexList(parent: Frame, f: Frame): boolean {
    if (parent.kind !== Kind.Index) return false;
    for (let k = f.start - 1; k > parent.start; k--) {
      if (!isBlank(this.text.charCodeAt(k)) || f.start - k > 64) return false;
    }
    return true;
  }

  protected report(c: Candidate): void {
    if (c.vEnd - c.vStart < 2) return;
    this.sink(c.start, c.end, c.shape, this.values.slice(c.vStart, c.vEnd));
  }

  /** The frame holds something that is not a number: it is no array, but the arrays inside it are. */
  protected nonNumeric(f: Frame): void {
    if (f.status === Status.NonNumeric) return;
    f.status = Status.NonNumeric;
    if (f.kind === Kind.Array && f.slot < this.depth) this.live--;
    for (let k = f.pStart; k < this.pendingCount; k++) this.report(this.pending[k]);
    this.pendingCount = f.pStart;
  }

  /** Pops an unterminated frame: it is no array, and neither is anything holding it. */
  protected abandon(): void {
    const f = this.pop();
    if (f.kind >= Kind.Array) {
      if (f.status === Status.Ragged) this.pendingCount = f.pStart;
      else this.nonNumeric(f);
    }
    const parent = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    if (parent !== undefined && parent.kind >= Kind.Array) this.nonNumeric(parent);
    else this.valueCount = f.vStart;
  }

  protected abandonTo(depth: number): void {
    while (this.depth > depth) this.abandon();
  }
}
