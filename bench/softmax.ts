// softmax at n = 1e3, 1e5, 1e6 on random logits: the accurate core against a textbook JS softmax,
// a plain shift-and-divide loop, and (when python3 has them) scipy.special.softmax and numpy.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { softmax } from '../src/core';
import { markdownTable, nsPerCall, registerSuite, runPython } from './harness';

const SIZES = [1e3, 1e5, 1e6];

/** What tutorials write: no shift (overflows past 709), map/reduce on a plain array. */
function textbook(x: number[]): number[] {
  const e = x.map(Math.exp);
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** numpy's algorithm in plain loops: shift by the max, plain sum, divide. */
function shiftDivide(x: Float64Array): Float64Array {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  const out = new Float64Array(x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += out[i] = Math.exp(x[i] - m);
  for (let i = 0; i < x.length; i++) out[i] /= s;
  return out;
}

/** Random logits, N(0, 3²) by Box–Muller, so exp sees unpredictable arguments as in real use. */
function randomLogits(n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - Math.random();
    x[i] = 3 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * Math.random());
  }
  return x;
}

// Times scipy and numpy on the very same logits, read from the files the TS side wrote.
const PYTHON = `
import json, sys, time
import numpy as np
try:
    from scipy.special import softmax as scipy_softmax
except ImportError:
    scipy_softmax = None

def ns_per_call(fn, x, min_s=0.1, batches=11):
    reps, t0 = 0, time.process_time()
    while time.process_time() - t0 < min_s / 2 or reps < 2:
        fn(x); reps += 1
    per = max(1, int(reps * min_s / max(1e-6, time.process_time() - t0)))
    times = []
    for _ in range(batches):
        t = time.process_time_ns()
        for _ in range(per):
            fn(x)
        times.append((time.process_time_ns() - t) / per)
    return min(times)

def shift_divide(x):
    e = np.exp(x - x.max())
    e /= e.sum()
    return e

out = {'numpy': np.__version__}
for f in sys.argv[1:]:
    x = np.fromfile(f, dtype='<f8')
    row = {'numpy': ns_per_call(shift_divide, x)}
    if scipy_softmax is not None:
        import scipy
        out['scipy'] = scipy.__version__
        row['scipy'] = ns_per_call(scipy_softmax, x)
    out[str(len(x))] = row
print(json.dumps(out))
`;

interface PythonTimes {
  numpy: string;
  scipy?: string;
  [n: string]: string | undefined | { numpy: number; scipy?: number };
}

function fmt(nsPerElement: number): string {
  return nsPerElement.toFixed(2);
}

registerSuite({
  name: 'softmax',
  run() {
    const data = SIZES.map(randomLogits);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-bench-'));
    const files = data.map((x, k) => {
      const f = path.join(dir, `logits-${k}.f64`);
      fs.writeFileSync(f, new Uint8Array(x.buffer));
      return f;
    });
    const pyOut = runPython(PYTHON, files);
    fs.rmSync(dir, { recursive: true, force: true });
    const py = pyOut ? (JSON.parse(pyOut) as PythonTimes) : null;

    const rows: string[][] = [];
    const kernels: [string, (x: Float64Array, plain: number[]) => unknown][] = [
      ['core softmax (accurate), Float64Array', (x) => softmax(x)],
      ['core softmax (accurate), number[]', (_, plain) => softmax(plain)],
      ['JS shift + divide, plain loops', (x) => shiftDivide(x)],
      ['JS textbook, map/reduce', (_, plain) => textbook(plain)],
    ];
    const table: Record<string, number[]> = {};
    SIZES.forEach((n, k) => {
      const x = data[k];
      const plain = Array.from(x);
      for (const [name, fn] of kernels) {
        (table[name] ??= [])[k] = nsPerCall(() => fn(x, plain)) / n;
      }
      const times = py?.[String(n)];
      if (times && typeof times === 'object') {
        if (times.scipy !== undefined) (table['scipy.special.softmax'] ??= [])[k] = times.scipy / n;
        (table['numpy shift + divide'] ??= [])[k] = times.numpy / n;
      }
    });
    const scipy = table['scipy.special.softmax'];
    for (const [name, ns] of Object.entries(table)) {
      const cells = [name];
      SIZES.forEach((_, k) => cells.push(fmt(ns[k]), scipy ? `${(ns[k] / scipy[k]).toFixed(2)}×` : '—'));
      rows.push(cells);
    }
    const header = ['kernel', ...SIZES.flatMap((n) => [`ns/elem n=${n.toExponential(0).replace('+', '')}`, 'vs scipy'])];
    const peers = py ? `numpy ${py.numpy}${py.scipy ? `, scipy ${py.scipy}` : ' (scipy missing)'}` : 'python3/numpy not found: no peer ratios';
    return [
      '## softmax',
      '',
      `Random N(0, 3²) logits, the same arrays in JS and Python; CPU time (not wall time: the machine is shared), fastest of 11 batches of ≥ 100 ms each. Peers: ${peers}.`,
      'Ratio = time / scipy time at the same n (lower is faster). Goal: accurate core ≤ 3× scipy at n = 1e6.',
      '',
      markdownTable(header, rows),
    ].join('\n');
  },
});
