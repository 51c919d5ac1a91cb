// What every runnable layer shares: a main() wrapper that prints the result line, sets the exit
// code, stops whatever was started, and turns a crash into one counted failure.
import { stopAll } from './cleanup';
import { resultLine, type SuiteCounts } from './suiteResult';

export function secondsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Rejects with `message` after `seconds`, unless `promise` settles first. */
export function withTimeout<T>(promise: Promise<T>, seconds: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs one layer as a program: prints its counts line and exits non-zero when anything failed. */
export function runLayerMain(name: string, body: () => Promise<SuiteCounts>): void {
  const started = Date.now();
  body()
    .then(
      (counts) => counts,
      (error: unknown) => {
        const seconds = Math.round((Date.now() - started) / 1000);
        console.error(`\n✘ ${name} stopped after ${seconds} s: ${error instanceof Error ? error.message : String(error)}`);
        return { passed: 0, failed: 1 };
      },
    )
    .then(async (counts) => {
      await stopAll();
      console.log(resultLine(counts));
      process.exit(counts.failed > 0 ? 1 : 0);
    });
}
