// How exact: the share of results that are correctly rounded and the worst error in ulps, against a 50-digit
// reference (Python's decimal), for the core, scipy (softmax, log_softmax, logsumexp) and a textbook softmax, on
// the same logits; and how often the core's ladder has to go past its fast path. Needs python3 with scipy.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { logSoftmax, logSumExp, softmax } from '../src/core';
import { ladderCounts } from '../src/core/correctlyRounded';
import { markdownTable, registerSuite, runPython } from './harness';
import { random } from './random';

interface Case {
  name: string;
  n: number;
  temperature: number;
  draw: (rnd: () => number) => number;
}

const normal = (rnd: () => number): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

const CASES: Case[] = [
  { name: 'N(0, 1)', n: 10000, temperature: 1, draw: normal },
  { name: 'N(0, 100²)', n: 10000, temperature: 1, draw: (r) => 100 * normal(r) },
  { name: 'U[690, 720] (the textbook overflows)', n: 10000, temperature: 1, draw: (r) => 690 + 30 * r() },
  { name: 'N(0, 1), 30 % −∞', n: 10000, temperature: 1, draw: (r) => (r() < 0.3 ? -Infinity : normal(r)) },
  { name: 'ties: integers 0 … 3', n: 10000, temperature: 1, draw: (r) => Math.floor(4 * r()) },
  { name: 'U[−800, 0] (subnormal probabilities)', n: 10000, temperature: 1, draw: (r) => -800 * r() },
  { name: 'N(0, 1) at T = 0.37', n: 10000, temperature: 0.37, draw: normal },
  { name: 'N(0, 1), n = 10⁵', n: 100000, temperature: 1, draw: normal },
];

// The exact reference and scipy's results, written as float64 files beside the logits.
const PYTHON = `
import math, sys
import numpy as np
from decimal import Decimal, getcontext
from fractions import Fraction
from scipy.special import softmax, log_softmax, logsumexp
getcontext().prec = 50
def dec(f): return Decimal(f.numerator) / Decimal(f.denominator)
def near(v):
    if v is None: return -math.inf, 0.0
    f = float(v)
    u = math.ulp(f) if f != 0 else math.ulp(0.0)
    return f, float((v - Decimal(f)) / Decimal(u))
for stem in sys.argv[1:]:
    x = np.fromfile(stem + '.x', dtype='<f8'); t = float(np.fromfile(stem + '.t', dtype='<f8')[0])
    T = Fraction(t)
    z = [None if v == -math.inf else Fraction(float(v)) / T for v in x]
    m = max(v for v in z if v is not None)
    a = next(i for i, v in enumerate(z) if v == m)
    d = [None if v is None else dec(v - m) for v in z]
    e = [None if v is None else v.exp() for v in d]
    rest = sum((v for i, v in enumerate(e) if v is not None and i != a), Decimal(0))
    L = (1 + rest).ln() if rest > Decimal('1e-30') else rest - rest * rest / 2
    p = [near(Decimal(0) if v is None else v / (1 + rest)) for v in e]
    lp = [near(None if v is None else v - L) for v in d]
    np.array(p, dtype='<f8').tofile(stem + '.p')
    np.array(lp, dtype='<f8').tofile(stem + '.lp')
    np.array(near(dec(m) + L), dtype='<f8').tofile(stem + '.lse')
    with np.errstate(all='ignore'):
        y = x / t
        softmax(y).astype('<f8').tofile(stem + '.sp')
        log_softmax(y).astype('<f8').tofile(stem + '.slp')
        np.array([logsumexp(y)], dtype='<f8').tofile(stem + '.slse')
print('ok')
`;

const view = new DataView(new ArrayBuffer(8));

function ulp(x: number): number {
  view.setFloat64(0, Math.abs(x));
  const biased = (view.getUint32(0) >>> 20) & 0x7ff;
  return biased === 0 ? 2 ** -1074 : 2 ** (biased - 1075);
}

interface Score {
  exact: number;
  total: number;
  worst: number;
}

/** How many of `got` equal the correctly rounded reference, and the largest error in ulps (NaN counts as ∞). */
function score(got: ArrayLike<number>, reference: Float64Array, s: Score = { exact: 0, total: 0, worst: 0 }): Score {
  for (let i = 0; i < got.length; i++) {
    const near = reference[2 * i];
    const g = got[i];
    s.total++;
    if (g === near) s.exact++;
    const err = near === -Infinity || near === Infinity ? (g === near ? 0 : Infinity) : Math.abs((g - near) / ulp(near) - reference[2 * i + 1]);
    s.worst = Math.max(s.worst, err === err ? err : Infinity);
  }
  return s;
}

const cell = (s: Score): string => {
  const share = (100 * s.exact) / s.total;
  const shown = s.exact === s.total ? '100 %' : `${share >= 99.99 ? share.toFixed(3) : share.toFixed(2)} %`;
  return `${shown} · ${s.worst === Infinity ? '∞ (NaN)' : s.worst.toFixed(2)}`;
};

function textbook(x: Float64Array, t: number): { p: Float64Array; lp: Float64Array; lse: number } {
  const e = x.map((v) => Math.exp(v / t));
  let s = 0;
  for (const v of e) s += v;
  return { p: e.map((v) => v / s), lp: e.map((v) => Math.log(v / s)), lse: Math.log(s) };
}

/** Rows the fast path could not settle alone, per rung, over `rows` rows of `n` logits drawn by `draw`. */
function ladderRates(n: number, rows: number, draw: (r: () => number) => number, seed: number): string[] {
  const rnd = random(seed);
  const counts = { entry: 0, sum: 0, exact: 0, logSum: 0, logExact: 0 };
  const x = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < n; i++) x[i] = draw(rnd);
    const before = { ...ladderCounts };
    softmax(x);
    if (ladderCounts.entries > before.entries) counts.entry++;
    if (ladderCounts.accurateSums > before.accurateSums) counts.sum++;
    if (ladderCounts.exactRows > before.exactRows) counts.exact++;
    const mid = { ...ladderCounts };
    logSoftmax(x);
    if (ladderCounts.accurateSums > mid.accurateSums) counts.logSum++;
    if (ladderCounts.exactRows > mid.exactRows) counts.logExact++;
  }
  const rate = (k: number): string => `${k} / ${rows}`;
  return [rate(counts.entry), rate(counts.sum), rate(counts.exact), rate(counts.logSum), rate(counts.logExact)];
}

registerSuite({
  name: 'accuracy',
  run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-accuracy-'));
    const data = CASES.map((c, k) => {
      const rnd = random(100 + k);
      const x = Float64Array.from({ length: c.n }, () => c.draw(rnd));
      const stem = path.join(dir, `case-${k}`);
      fs.writeFileSync(`${stem}.x`, new Uint8Array(x.buffer));
      fs.writeFileSync(`${stem}.t`, new Uint8Array(Float64Array.of(c.temperature).buffer));
      return { c, x, stem };
    });
    const ok = runPython(PYTHON, data.map((d) => d.stem));
    const read = (file: string): Float64Array => new Float64Array(new Uint8Array(fs.readFileSync(file)).buffer);
    const rows: string[][] = [];
    if (ok) {
      for (const { c, x, stem } of data) {
        const o = { temperature: c.temperature };
        const p = read(`${stem}.p`);
        const lp = read(`${stem}.lp`);
        const lse = read(`${stem}.lse`);
        const tb = textbook(x, c.temperature);
        rows.push([
          c.name,
          cell(score(softmax(x, o), p)),
          cell(score(read(`${stem}.sp`), p)),
          cell(score(tb.p, p)),
          cell(score(logSoftmax(x, o), lp)),
          cell(score(read(`${stem}.slp`), lp)),
          cell(score(tb.lp, lp)),
          cell(score([logSumExp(x, o)], lse)),
          cell(score(read(`${stem}.slse`), lse)),
        ]);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    const ladder = [
      ['N(0, 1)', '10³', ...ladderRates(1000, 2000, normal, 1)],
      ['N(0, 1)', '10⁵', ...ladderRates(100000, 200, normal, 2)],
      ['N(0, 1)', '10⁶', ...ladderRates(1000000, 40, normal, 3)],
      ['N(0, 100²)', '10⁶', ...ladderRates(1000000, 40, (r) => 100 * normal(r), 4)],
    ];
    return [
      '## accuracy',
      '',
      'Each cell: the share of results equal to the correctly rounded value of the exact function (Python `decimal`, 50 digits, from the exact quotients x / T) · the worst error in ulps. scipy gets `x / T` rounded, as a caller passes it; the textbook is `exp(x / T) / Σ exp(x / T)` in JavaScript.',
      '',
      ok
        ? markdownTable(['logits (n = 10⁴ unless said)', 'core softmax', 'scipy softmax', 'textbook', 'core log-softmax', 'scipy log_softmax', 'textbook log', 'core logsumexp', 'scipy logsumexp'], rows)
        : 'python3 with numpy and scipy was not found: no reference, no table.',
      '',
      'How often a row needed more than the fast path (rows of fresh random logits): rung 1 recomputes an entry\'s term accurately, rung 2 the whole sum S (one more pass over the row), rung 3 is exact interval arithmetic.',
      '',
      markdownTable(['logits', 'n', 'softmax: rung 1', 'rung 2', 'rung 3', 'log-softmax: rung 2', 'rung 3'], ladder),
    ].join('\n');
  },
});
