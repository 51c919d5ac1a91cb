// The accurate softmax on WebAssembly SIMD against the accurate TypeScript core, scipy.special.softmax and
// the memory floor (three passes, no exp), on the same random logits in one run; plus the size from which
// the kernel beats the TypeScript path. Alone: node esbuild.js && node dist/bench/softmaxSimd.js
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { softmax } from '../src/core';
import { softmaxSimd, softmaxSimdInto } from '../src/core/wasm/softmaxSimd';
import { markdownTable, registerSuite, runPython } from './harness';

const SIZES = [1e3, 1e5, 1e6, 1e7];
const SMALL_SIZES = [32, 64, 128, 256, 512, 1024, 4096];
const ROUNDS = 9;
/** Each sample repeats the call for at least this much CPU time, so timer resolution does not matter. */
const SAMPLE_MS = 40;

/** Random N(0, 3²) logits by Box–Muller: unpredictable arguments, as exp sees in real use. */
function randomLogits(n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 3 * Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return x;
}

function simd(x: Float64Array): Float64Array {
  const p = softmaxSimd(x);
  if (!p) throw new Error('the SIMD kernel is unavailable in this Node');
  return p;
}

const reused = new Map<number, Float64Array>();

/** The kernel alone: into an array kept from call to call, so no fresh memory is paged in. */
function simdInto(x: Float64Array): Float64Array {
  let out = reused.get(x.length);
  if (!out) reused.set(x.length, (out = new Float64Array(x.length)));
  if (!softmaxSimdInto(x, 0, x.length, 1, out)) throw new Error('the SIMD kernel is unavailable in this Node');
  return out;
}

/** What any softmax must at least do: a new array, a pass for the max, one to shift and sum, one to scale. */
function memoryFloor(x: Float64Array): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < n; i++) s += out[i] = x[i] - m;
  const k = 1 / s;
  for (let i = 0; i < n; i++) out[i] *= k;
  return out;
}

/** CPU time of this process: other processes on the shared cores do not count against a kernel. */
function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/** One sample: CPU ns per element, over as many calls as fill SAMPLE_MS. */
function sample(kernel: (x: Float64Array) => Float64Array, x: Float64Array): number {
  let calls = 0;
  let sink = 0;
  const start = cpuNs();
  let elapsed: number;
  do {
    sink += kernel(x)[calls % x.length];
    calls++;
    elapsed = cpuNs() - start;
  } while (elapsed < SAMPLE_MS * 1e6);
  if (sink !== sink) throw new Error('NaN from a kernel');
  return elapsed / calls / x.length;
}

const PYTHON = `
import json, sys, time
import numpy as np
from scipy.special import softmax
rounds, sample_s = int(sys.argv[1]), float(sys.argv[2])
out = {}
for f in sys.argv[3:]:
    x = np.fromfile(f, dtype='<f8')
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
    out[str(len(x))] = samples
print(json.dumps(out))
`;

/** scipy.special.softmax on the same logits, timed in CPU time by Python itself. */
function scipySamples(data: Float64Array[], rounds: number): Record<string, number[]> | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-simd-bench-'));
  const files = data.map((x, k) => {
    const f = path.join(dir, `logits-${k}.f64`);
    fs.writeFileSync(f, new Uint8Array(x.buffer));
    return f;
  });
  const out = runPython(PYTHON, [String(rounds), String(SAMPLE_MS / 1000), ...files]);
  fs.rmSync(dir, { recursive: true, force: true });
  return out ? (JSON.parse(out) as Record<string, number[]>) : undefined;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ns = (xs: number[] | undefined): string => (xs?.length ? `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)})` : '—');
const ratio = (a: number[] | undefined, b: number[] | undefined): string =>
  a?.length && b?.length ? `${(median(a) / median(b)).toFixed(2)} (${(Math.min(...a) / Math.min(...b)).toFixed(2)})` : '—';

/** Samples each kernel in turn, round after round, so drift in the machine's load hits all of them alike. */
function measure(kernels: Record<string, (x: Float64Array) => Float64Array>, x: Float64Array): Record<string, number[]> {
  const times: Record<string, number[]> = {};
  for (const [name, kernel] of Object.entries(kernels)) {
    sample(kernel, x);
    times[name] = [];
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, kernel] of Object.entries(kernels)) times[name].push(sample(kernel, x));
  }
  return times;
}

export function benchSoftmaxSimd(): string {
  const data = SIZES.map(randomLogits);
  // Python before and after the JS rounds, for the same reason.
  const before = scipySamples(data, Math.ceil(ROUNDS / 2));
  const js = data.map((x) => measure({ simd, simdInto, ts: (v) => softmax(v), floor: memoryFloor }, x));
  reused.clear();
  const after = scipySamples(data, Math.ceil(ROUNDS / 2));
  const rows = SIZES.map((n, k) => {
    const py = before && after ? [...before[String(n)], ...after[String(n)]] : undefined;
    const { simd: s, simdInto: i, ts: t, floor: f } = js[k];
    return [n.toExponential(0).replace('+', ''), ns(s), ns(i), ns(t), ns(py), ns(f), ratio(s, py), ratio(i, py), ratio(t, py), ratio(s, t), ratio(s, f)];
  });
  const small = SMALL_SIZES.map((n) => {
    const { simd: s, ts: t } = measure({ simd, ts: (v) => softmax(v) }, randomLogits(n));
    return [String(n), ns(s), ns(t), ratio(s, t)];
  });
  return [
    '## softmax: WebAssembly SIMD kernel',
    '',
    `Random N(0, 3²) logits, the same arrays in JS and Python. CPU ns per element (the machine is shared, so not wall time): median of ${ROUNDS} samples of ≥ ${SAMPLE_MS} ms, fastest in parentheses; ratios of medians (of fastest). Both accurate paths return a new array (as softmax() must; the floor allocates one too); "SIMD, kept array" writes into an array reused from call to call: the kernel without Node's cost of fresh memory.`,
    before && after ? '' : '\npython3 with numpy and scipy was not found: no scipy column.\n',
    markdownTable(['n', 'SIMD', 'SIMD, kept array', 'TS core', 'scipy', 'floor', 'SIMD / scipy', 'SIMD kept / scipy', 'TS / scipy', 'SIMD / TS', 'SIMD / floor'], rows),
    '',
    'Small arrays (where the kernel starts to pay):',
    '',
    markdownTable(['n', 'SIMD', 'TS core', 'SIMD / TS'], small),
  ].join('\n');
}

registerSuite({ name: 'softmaxSimd', run: benchSoftmaxSimd });

// Run on its own (`node dist/bench/softmaxSimd.js`); bundled into the bench index, `module` is the index too.
if (require.main === module && /softmaxSimd\.js$/.test(require.main.filename)) console.log(benchSoftmaxSimd());
