// The bench registry and timing helpers: each bench module registers its suite on import.
import { spawnSync } from 'child_process';

export interface Suite {
  name: string;
  /** Runs the measurements and returns Markdown (a heading, a table, notes); `args` are the command line's other words. */
  run(args: string[]): Promise<string> | string;
}

const suites: Suite[] = [];

export function registerSuite(suite: Suite): void {
  suites.push(suite);
}

export function registeredSuites(): readonly Suite[] {
  return suites;
}

/**
 * CPU nanoseconds per call of `fn` in the fastest of `batches` batches, each ≥ minMs so the microsecond
 * CPU clock is precise. CPU time, not wall time, and the fastest batch: this machine is shared, and
 * other processes only ever add time. `sink` keeps the optimiser from dropping the work.
 */
export function nsPerCall(fn: () => unknown, minMs = 100, batches = 11): number {
  return nsPerCallStats(fn, minMs, batches).fastest;
}

/**
 * nsPerCall's batches, summed up both ways: the fastest batch and the median one; `batches` holds every batch's
 * time, fastest first, for a caller that pools the batches of several rounds.
 */
export function nsPerCallStats(
  fn: () => unknown,
  minMs = 100,
  batches = 11,
): { fastest: number; median: number; batches: number[] } {
  let sink = 0;
  const once = (): void => {
    const r = fn() as ArrayLike<number> | number;
    sink += typeof r === 'number' ? r : r.length;
  };
  const warm = performance.now();
  let reps = 0;
  while (performance.now() - warm < minMs / 2 || reps < 2) {
    once();
    reps++;
  }
  const perBatch = Math.max(1, Math.ceil((reps * minMs) / Math.max(1e-3, performance.now() - warm)));
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = process.cpuUsage();
    for (let i = 0; i < perBatch; i++) once();
    const used = process.cpuUsage(start);
    times.push(((used.user + used.system) * 1000) / perBatch);
  }
  if (sink === -1) console.log(sink);
  times.sort((a, b) => a - b);
  return { fastest: times[0], median: times[Math.floor(times.length / 2)], batches: times };
}

/** Runs python3 with a script; null when python3 or a module it needs is missing. */
/** Milliseconds of each of `runs` calls after one warm-up, fastest first. */
export function msTimes(fn: () => unknown, runs = 7): number[] {
  fn();
  const out: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

/** The middle of samples sorted fastest first (the upper one of an even count). */
export const middle = (sorted: number[]): number => sorted[Math.floor(sorted.length / 2)];

export function runPython(script: string, args: string[]): string | null {
  const env = { ...process.env };
  // These are set in this environment for other tools and slow OpenBLAS/numpy down; drop them here only.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const r = spawnSync('python3', ['-c', script, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.error || r.status !== 0) {
    if (r.stderr) console.error(r.stderr.trim().split('\n').slice(-1)[0]);
    return null;
  }
  return r.stdout;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
