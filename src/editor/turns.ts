// Long work (scanning a multi-megabyte document, the softmax of a million logits) is done in steps, and the
// extension host must stay free between them: VS Code's requests and every other extension share its thread.
import { runSteps, type Steps } from '../core';

/** Waiting steps, first come first served: one runs per event-loop turn however many scans are under way. */
const waiting: Array<() => void> = [];
let scheduled = false;

/**
 * Runs `run` on a later turn: Node's setImmediate in the Node extension host; in the web worker host a message to
 * itself, since browsers hold a chain of zero-delay timers back to 4 ms each. One call is outstanding at a time.
 */
const soon: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => void setImmediate(run) : typeof MessageChannel === 'function' ? messageToSelf() : (run) => void setTimeout(run, 0);

function messageToSelf(): (run: () => void) => void {
  const channel = new MessageChannel();
  let next: (() => void) | undefined;
  // The DOM's MessagePort (this runs only where setImmediate is missing, i.e. in a web worker).
  (channel.port1 as unknown as { onmessage: (() => void) | null }).onmessage = () => {
    const run = next;
    next = undefined;
    run?.();
  };
  return (run) => {
    next = run;
    channel.port2.postMessage(undefined);
  };
}

function runOne(): void {
  const next = waiting.shift();
  // The step's own code runs right after this callback returns; it queues its next step behind the others.
  next?.();
  if (waiting.length > 0) soon(runOne);
  else scheduled = false;
}

/**
 * Resolves on a later turn of the event loop, after whatever else is waiting there. Steps of different tasks
 * take turns, so two scans at once never add up to one long block: each turn runs one step.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      soon(runOne);
    }
  });
}

/**
 * Drives a computation done in steps (the core's `Steps`), one step per turn; undefined as soon as
 * `stillWanted` says the answer is no longer needed.
 */
export async function runInTurns<T>(steps: Steps<T>, stillWanted: () => boolean = () => true): Promise<T | undefined> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await nextTurn();
    if (!stillWanted()) return undefined;
  }
}

/** From this many values on, views compute in steps (64 K elements of one pass each) with the host free in between. */
const stepsFrom = 1 << 16;

/**
 * The answer of a computation in steps over `size` values: at once when it is small (a few milliseconds at
 * most, and no turn given up), else one step per turn through runInTurns.
 */
export async function computeSoon<T>(steps: Steps<T>, size: number, stillWanted?: () => boolean): Promise<T | undefined> {
  if (size < stepsFrom) return runSteps(steps);
  return runInTurns(steps, stillWanted);
}
