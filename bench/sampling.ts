// Timing by samples of CPU time, kernels taking turns round after round, so drift in the machine's load hits all
// of them alike; and scipy.special.softmax timed the same way by Python itself, on the same logits.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runPython } from './harness';

/** Rounds of samples per kernel. */
export const ROUNDS = 9;
/** Each sample repeats the call for at least this much CPU time, so timer resolution does not matter. */
export const SAMPLE_MS = 40;

/** CPU time of this process: other processes on the shared cores do not count against a kernel. */
function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/** One sample: CPU ns per element, over as many calls as fill SAMPLE_MS (each call makes its fresh output). */
export function sample(kernel: (x: Float64Array) => ArrayLike<number>, x: Float64Array): number {
  let calls = 0;
  let sink = 0;
  const start = cpuNs();
  let elapsed: number;
  do {
    sink += kernel(x)[calls % x.length];
    calls++;
    elapsed = cpuNs() - start;
  } while (elapsed < SAMPLE_MS * 1e6);
  if (sink !== sink && x.every((v) => v === v)) throw new Error('NaN from a kernel');
  return elapsed / calls / x.length;
}

/** ROUNDS samples of each kernel on x, taken in turns (after one warm-up sample each). */
export function measure(kernels: Record<string, (x: Float64Array) => ArrayLike<number>>, x: Float64Array, rounds = ROUNDS): Record<string, number[]> {
  const times: Record<string, number[]> = {};
  for (const [name, kernel] of Object.entries(kernels)) {
    sample(kernel, x);
    times[name] = [];
  }
  for (let r = 0; r < rounds; r++) {
    for (const [name, kernel] of Object.entries(kernels)) times[name].push(sample(kernel, x));
  }
  return times;
}

const PYTHON = `
import json, sys, time
import numpy as np
from scipy.special import softmax
rounds, sample_s = int(sys.argv[1]), float(sys.argv[2])
out = []
for f in sys.argv[3:]:
    x = np.fromfile(f, dtype='<f8')
    with np.errstate(all='ignore'):
        softmax(x)
        samples = []
        for _ in range(rounds):
            calls, start = 0, time.process_time()
            while True:
                softmax(x)
                calls += 1
                elapsed = time.process_time() - start
                if elapsed >= sample_s:
                    break
            samples.append(elapsed / calls / len(x) * 1e9)
    out.append(samples)
print(json.dumps(out))
`;

/** scipy.special.softmax on each array, `rounds` samples of CPU ns per element; undefined without python3/scipy. */
export function scipySamples(data: Float64Array[], rounds: number): number[][] | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-bench-'));
  const files = data.map((x, k) => {
    const f = path.join(dir, `logits-${k}.f64`);
    fs.writeFileSync(f, new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    return f;
  });
  const out = runPython(PYTHON, [String(rounds), String(SAMPLE_MS / 1000), ...files]);
  fs.rmSync(dir, { recursive: true, force: true });
  return out ? (JSON.parse(out) as number[][]) : undefined;
}

/** scipy before and after the JS rounds (half the rounds each), so both sides see the same stretch of load. */
export function scipyAround<T>(data: Float64Array[], js: () => T): { js: T; scipy: number[][] | undefined } {
  const before = scipySamples(data, Math.ceil(ROUNDS / 2));
  const result = js();
  const after = scipySamples(data, Math.ceil(ROUNDS / 2));
  return { js: result, scipy: before && after ? before.map((b, k) => [...b, ...after[k]]) : undefined };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** "median (fastest)" of samples. */
export const ns = (xs: number[] | undefined): string => (xs?.length ? `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)})` : '—');

/** The ratio of medians, and of fastest samples. */
export const ratio = (a: number[] | undefined, b: number[] | undefined): string =>
  a?.length && b?.length ? `${(median(a) / median(b)).toFixed(2)} (${(Math.min(...a) / Math.min(...b)).toFixed(2)})` : '—';
