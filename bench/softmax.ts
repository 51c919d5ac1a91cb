// The core's softmax against scipy.special.softmax on the same logits in one run, at n = 1e3, 1e5, 1e6 and on
// four kinds of input: the median of many calls, each returning a fresh array, beside the fastest sample. A
// plain shift-and-divide loop and the textbook formula in JavaScript are timed beside them on N(0, 1).
import { breakdownSteps, logSoftmax, runSteps, softmax } from '../src/core';
import { markdownTable, registerSuite } from './harness';
import { random } from './random';
import { measure, ns, ratio, scipyAround } from './sampling';

const SIZES = [1e3, 1e5, 1e6];

const normal = (rnd: () => number): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

/** The inputs: unpredictable arguments, as exp sees them in real use. */
const INPUTS: [string, (rnd: () => number) => number][] = [
  ['N(0, 1)', normal],
  ['N(0, 100²)', (r) => 100 * normal(r)],
  ['N(0, 1), 30 % −∞', (r) => (r() < 0.3 ? -Infinity : normal(r))],
  ['ties: integers 0 … 3', (r) => Math.floor(4 * r())],
];

/** What tutorials write: no shift (overflows past 709), map/reduce on a plain array. */
function textbook(x: Float64Array): number[] {
  const e = Array.from(x, Math.exp);
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** What the hover and the walkthrough compute for a vector (probabilities, log-probabilities, logsumexp, entropy), stepped. */
const editor = (x: Float64Array): Float64Array => runSteps(breakdownSteps(x)).probabilities;

/** The temperature of the T ≠ 1 rows: the division by T and its residuals run in both kernels. */
const HOT = { temperature: 0.7 };

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

registerSuite({
  name: 'softmax',
  run() {
    const cases = INPUTS.flatMap(([name, draw], k) =>
      SIZES.map((n) => {
        const rnd = random(10 + k);
        return { name, n, x: Float64Array.from({ length: n }, () => draw(rnd)) };
      }),
    );
    const { js, scipy } = scipyAround(
      cases.map((c) => c.x),
      () =>
        cases.map((c) =>
          c.name === 'N(0, 1)'
            ? measure({ core: (x) => softmax(x), logSoftmax: (x) => logSoftmax(x), editor, shiftDivide, textbook }, c.x)
            : measure({ core: (x) => softmax(x) }, c.x),
        ),
    );
    const rows = cases.map((c, k) => [
      c.name,
      c.n.toExponential(0).replace('+', ''),
      ns(js[k].core),
      ns(scipy?.[k]),
      ratio(js[k].core, scipy?.[k]),
      js[k].editor ? ns(js[k].editor) : '',
      js[k].editor ? ratio(js[k].editor, js[k].core) : '',
      js[k].logSoftmax ? ns(js[k].logSoftmax) : '',
      js[k].logSoftmax ? ratio(js[k].logSoftmax, js[k].core) : '',
      js[k].shiftDivide ? ns(js[k].shiftDivide) : '',
      js[k].textbook ? ns(js[k].textbook) : '',
    ]);
    // T ≠ 1: the editor's breakdown beside softmax() in the same run, on the N(0, 1) logits from 1e5 on.
    const hot = cases
      .filter((c) => c.name === 'N(0, 1)' && c.n >= 1e5)
      .map((c) => {
        const t = measure({ core: (x) => softmax(x, HOT), editor: (x) => runSteps(breakdownSteps(x, HOT)).probabilities }, c.x);
        return [c.name, c.n.toExponential(0).replace('+', ''), String(HOT.temperature), ns(t.core), ns(t.editor), ratio(t.editor, t.core)];
      });
    return [
      '## softmax',
      '',
      'CPU ns per element (not wall time: the machine is shared): the median of 9 samples of ≥ 40 ms, each sample many calls that each return a fresh array, and the fastest sample in parentheses; scipy timed the same way by Python on the same arrays, half its samples before the JavaScript ones and half after. Ratio: core / scipy, of medians (of fastest). The core is correctly rounded (see the accuracy suite); from 128 logits on it runs on the WebAssembly SIMD kernel. "editor": the breakdown the hover and the walkthrough show for a vector (the same probabilities, plus log-probabilities, logsumexp and entropy), run step by step as the editor runs it. "logSoftmax": the correctly rounded log-softmax, on the kernel too from 128 logits on (T = 1).',
      scipy ? '' : '\npython3 with numpy and scipy was not found: no scipy column.\n',
      markdownTable(['logits', 'n', 'core softmax', 'scipy.special.softmax', 'core / scipy', 'editor breakdown', 'editor / core', 'core logSoftmax', 'logSoftmax / core', 'JS shift + divide', 'JS textbook'], rows),
      '',
      `The editor's breakdown at T = ${HOT.temperature} beside softmax() at the same T, same samples:`,
      '',
      markdownTable(['logits', 'n', 'T', 'core softmax', 'editor breakdown', 'editor / core'], hot),
    ].join('\n');
  },
});
