// Every process the harness starts is stopped here: on normal completion, on an exception,
// on Ctrl+C / SIGTERM, and (synchronously, as a last resort) when Node exits.

export interface Cleanup {
  /** Graceful stop. */
  stop(): Promise<void>;
  /** Immediate stop usable inside process.on('exit'). */
  kill(): void;
}

interface Registry {
  cleanups: Set<Cleanup>;
  stopping: boolean;
}

// Each test bundle carries its own copy of this module; one registry on globalThis serves them all.
const KEY = Symbol.for('softmax-lens.harness.cleanup');

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  let reg = g[KEY];
  if (!reg) {
    const created: Registry = { cleanups: new Set(), stopping: false };
    reg = created;
    g[KEY] = created;
    const onSignal = (signal: NodeJS.Signals, code: number) => {
      process.on(signal, () => {
        if (created.stopping) return;
        created.stopping = true;
        process.stderr.write(`\n${signal}: stopping everything the harness started…\n`);
        void stopAll().finally(() => process.exit(code));
      });
    };
    onSignal('SIGINT', 130);
    onSignal('SIGTERM', 143);
    onSignal('SIGHUP', 129);
    process.on('exit', () => {
      for (const c of created.cleanups) {
        try {
          c.kill();
        } catch {
          // Exiting anyway: nothing better to do with the error.
        }
      }
    });
  }
  return reg;
}

/** Registers a cleanup; returns the function that unregisters it (call it once the thing has stopped). */
export function onCleanup(cleanup: Cleanup): () => void {
  const reg = registry();
  reg.cleanups.add(cleanup);
  return () => reg.cleanups.delete(cleanup);
}

/** Stops everything still registered, newest first. */
export async function stopAll(): Promise<void> {
  const all = [...registry().cleanups].reverse();
  for (const c of all) {
    try {
      await c.stop();
    } catch (e) {
      process.stderr.write(`cleanup failed: ${String(e)}\n`);
    }
  }
}
