// The correctly rounded softmax on WebAssembly SIMD against the TypeScript kernel, scipy.special.softmax and
// the memory floor (three passes, no exp), on the same random logits in one run; plus the size from which
// the kernel beats the TypeScript path. Alone: npm run bench -- softmaxSimd
import { softmaxRowInto } from '../src/core/rows';
import { vectorPlace } from '../src/core/softmaxInput';
import { SIMD_FROM } from '../src/core/simdFrom';
import { softmaxSimd, softmaxSimdInto } from '../src/core/wasm/softmaxSimd';
import { markdownTable, registerSuite } from './harness';
import { measure, ns, ratio, scipyAround, ROUNDS, SAMPLE_MS } from './sampling';

const SIZES = [1e3, 1e5, 1e6, 1e7];
const SMALL_SIZES = [16, 32, 64, 128, 256, 512, 1024, 4096];

/** The TypeScript kernel alone (softmax() hands long rows to the SIMD kernel). */
function ts(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  softmaxRowInto(x, 0, x.length, 1, out, 0, vectorPlace);
  return out;
}

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

export function benchSoftmaxSimd(): string {
  const data = SIZES.map(randomLogits);
  const { js, scipy } = scipyAround(data, () => data.map((x) => measure({ simd, simdInto, ts, floor: memoryFloor }, x)));
  reused.clear();
  const rows = SIZES.map((n, k) => {
    const py = scipy?.[k];
    const { simd: s, simdInto: i, ts: t, floor: f } = js[k];
    return [n.toExponential(0).replace('+', ''), ns(s), ns(i), ns(t), ns(py), ns(f), ratio(s, py), ratio(i, py), ratio(t, py), ratio(s, t), ratio(s, f)];
  });
  const small = SMALL_SIZES.map((n) => {
    const { simd: s, ts: t } = measure({ simd, ts }, randomLogits(n));
    return [String(n), ns(s), ns(t), ratio(s, t)];
  });
  return [
    '## softmax: WebAssembly SIMD kernel',
    '',
    `Random N(0, 3²) logits, the same arrays in JS and Python. CPU ns per element (the machine is shared, so not wall time): median of ${ROUNDS} samples of ≥ ${SAMPLE_MS} ms, fastest in parentheses; ratios of medians (of fastest). Both correctly rounded paths return a new array (as softmax() must; the floor allocates one too); "SIMD, kept array" writes into an array reused from call to call: the kernel without Node's cost of fresh memory.`,
    scipy ? '' : '\npython3 with numpy and scipy was not found: no scipy column.\n',
    markdownTable(['n', 'SIMD', 'SIMD, kept array', 'TS kernel', 'scipy', 'floor', 'SIMD / scipy', 'SIMD kept / scipy', 'TS / scipy', 'SIMD / TS', 'SIMD / floor'], rows),
    '',
    `Small arrays (where the kernel starts to pay; softmax() uses it from ${SIMD_FROM} logits on):`,
    '',
    markdownTable(['n', 'SIMD', 'TS kernel', 'SIMD / TS'], small),
  ].join('\n');
}

registerSuite({ name: 'softmaxSimd', run: benchSoftmaxSimd });

// Run on its own (`node dist/bench/softmaxSimd.js`); bundled into the bench index, `module` is the index too.
if (require.main === module && /softmaxSimd\.js$/.test(require.main.filename)) console.log(benchSoftmaxSimd());
