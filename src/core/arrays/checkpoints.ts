// Where a scan of edited text may resume: line starts where the scanner's whole state is the brackets open there.
// What a scan keeps of them stays proportional to the text whatever its brackets: checkpoints are sparse, their
// offsets sit in a typed array, and the open brackets are a persistent list whose unchanged part is shared.
import { lastAtMost } from './search';

/** The open brackets at a checkpoint, innermost first: one node per bracket, immutable, shared by every later stack above it. */
export class OpenBrackets {
  readonly depth: number;
  /** Of the kinds and closers from the bottom up, so two stacks that differ usually differ here. */
  readonly hash: number;

  constructor(
    /** The frame kind (a plain group or an array known not to be numeric) and its closing character, in one number. */
    readonly code: number,
    readonly below: OpenBrackets | undefined,
  ) {
    this.depth = below === undefined ? 0 : below.depth + 1;
    this.hash = below === undefined ? 0 : (Math.imul(below.hash, 31) + code) | 0;
  }
}

/** Nothing open: the bottom of every stack. */
export const noBrackets = new OpenBrackets(0, undefined);

/** True when both lists hold the same brackets: by identity first, then bracket by bracket down to a shared node. */
export function sameBrackets(a: OpenBrackets, b: OpenBrackets): boolean {
  while (a !== b) {
    if (a.depth !== b.depth || a.hash !== b.hash || a.code !== b.code || a.below === undefined || b.below === undefined) return false;
    a = a.below;
    b = b.below;
  }
  return true;
}

/** Ascending line starts and the brackets open at each, appended as a scan goes. */
export class Checkpoints {
  private offsets: Int32Array;
  private readonly brackets: OpenBrackets[] = [];
  private count = 0;

  constructor(capacity = 16) {
    this.offsets = new Int32Array(Math.max(1, capacity));
  }

  get length(): number {
    return this.count;
  }

  offset(k: number): number {
    return this.offsets[k];
  }

  bracketsAt(k: number): OpenBrackets {
    return this.brackets[k];
  }

  push(offset: number, brackets: OpenBrackets): void {
    if (this.count === this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.count] = offset;
    this.brackets[this.count++] = brackets;
  }

  /** A copy of the first `count` checkpoints, to append to. */
  prefix(count: number): Checkpoints {
    const copy = new Checkpoints(count + 16);
    copy.offsets.set(this.offsets.subarray(0, count));
    for (let k = 0; k < count; k++) copy.brackets.push(this.brackets[k]);
    copy.count = count;
    return copy;
  }

  /** The index of the last checkpoint at or before `offset`, or -1. */
  lastAtMost(offset: number): number {
    return lastAtMost(this.count, (k) => this.offsets[k], offset);
  }
}

/** Characters between two recorded checkpoints at least: a rescan then reads about this much on each side of an edit. */
export const checkpointSpacing = 1024;

/** Characters charged for each bracket node a checkpoint would add, so a stack rebuilt on every line cannot outgrow the text. */
export const charsPerNewBracket = 256;
