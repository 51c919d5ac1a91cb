// The window scans of one version of a large document: they run one at a time, and what each settles is kept, so
// concurrent and repeated requests share the work. No vscode here, so the scheduling is tested in plain Node.
import { arrayContaining, type FoundArray, type WindowAnswer } from '../core';

/** What a look-up says about a position. */
export interface ArrayLookUp {
  array: FoundArray | undefined;
  /** In a document above `softmaxLens.maxFileSize`: the position may sit in an array longer than a window may grow. */
  tooLong: boolean;
}

/** Window answers kept per document version. */
const answersKept = 16;

export class WindowScans {
  /** The answers of the last few window scans, oldest first. */
  private readonly answers: WindowAnswer[] = [];
  /** Settles when the last scan queued has. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly version: number) {}

  /** What finished scans settle about the offset: the whole array holding it, or that none does. */
  settled(offset: number): ArrayLookUp | undefined {
    for (let k = this.answers.length - 1; k >= 0; k--) {
      const answer = this.answers[k];
      const array = arrayContaining(answer.arrays, offset);
      if (array) return { array, tooLong: false };
      if (answer.settled.start <= offset && offset < answer.settled.end) return { array: undefined, tooLong: false };
    }
    return undefined;
  }

  /**
   * The answer at the offset: what is settled, else, once the scans queued before it are done, what they settled
   * meanwhile or what `scan` finds. Undefined when `stillWanted` turns false first (`scan` should stop then too).
   */
  lookUp(offset: number, scan: () => Promise<WindowAnswer | undefined>, stillWanted: () => boolean): Promise<ArrayLookUp | undefined> {
    const known = this.settled(offset);
    if (known) return Promise.resolve(known);
    const turn = this.queue.then(async (): Promise<ArrayLookUp | undefined> => {
      if (!stillWanted()) return undefined;
      const settled = this.settled(offset);
      if (settled) return settled;
      const answer = await scan();
      if (!answer) return undefined;
      this.answers.push(answer);
      if (this.answers.length > answersKept) this.answers.shift();
      return { array: answer.array, tooLong: answer.tooLong };
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}
