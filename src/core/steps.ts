// Computations done in steps, so a caller that must not block (an editor view on a million logits) can let
// other work run between them.
// The stepped twins stay in the core rather than in a worker: they share each pass with the synchronous function.

/**
 * A computation done in steps: each `yield` marks a point where the caller may let other work run before it
 * calls `next()` again. A step is at most STEP elements of one linear pass.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once: the synchronous answer. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Elements per step of a computation done in steps: a millisecond or two of work. */
export const STEP = 1 << 16;

/*
 * Each pass is a plain function over a range [from, to): the synchronous functions run it over the whole row at
 * once, the `…Steps` generators a STEP at a time through `inRanges`. The loops stay out of generators and
 * closures, where V8 runs them about half as fast, and the synchronous functions create no generator (a matrix
 * has many rows).
 */

/** Calls `pass(from, to)` over [start, n) a STEP at a time, yielding before each range. */
export function* inRanges(n: number, pass: (from: number, to: number) => void, start = 0, step = STEP): Steps<void> {
  for (let from = start; from < n; from += step) {
    yield;
    pass(from, Math.min(n, from + step));
  }
}
