// Builds what the webview shows from one array: the core computes, this only picks rows and caps the payload.
import {
  breakdownSteps,
  runSteps,
  type Steps,
  formatNumber,
  formatProbability,
  probabilityFacts,
  rowsOf,
  topK,
  type Breakdown,
  type FoundArray,
  type ProbabilityFacts,
  crossEntropyTex,
  entropyTex,
  formulaTex,
  logSoftmaxFormulaTex,
  logSoftmaxTex,
  logSumExpTex,
  normalizeTex,
  stepTableHeadingsTex,
  significantDigits,
  sumTex,
} from '../core';
import { rowCap, topRows, type ArrayRef, type Chart, type StepRow, type WalkthroughView } from './protocol';

export interface ViewRequest {
  seq: number;
  ref: ArrayRef;
  array: FoundArray;
  source: WalkthroughView['source'];
  row: number;
  temperature: number;
  decimals: number;
  pinned: boolean;
  lingering: boolean;
  target?: number;
}

/** The number of rows (sets of logits) in an array: everything but the last axis. */
export function rowCount(array: FoundArray): number {
  return rowsOf(array.values.length, array.shape).rows;
}

/** The number of logits in one row: the last axis. */
export function rowLength(array: FoundArray): number {
  return rowsOf(array.values.length, array.shape).cols;
}

/** The logits of one row: softmax is taken along the last axis. */
export function rowValues(array: FoundArray, row: number): number[] {
  const { cols } = rowsOf(array.values.length, array.shape);
  return array.values.slice(row * cols, (row + 1) * cols);
}

const chartPoints = 240;


export function buildView(request: ViewRequest): WalkthroughView {
  return runSteps(viewSteps(request));
}

/** buildView in the core's steps (at most 64 K elements of one pass each), so a huge row never blocks the host. */
export function* viewSteps(request: ViewRequest): Steps<WalkthroughView> {
  const rows = rowCount(request.array);
  const row = Math.min(Math.max(0, Math.trunc(request.row)), rows - 1);
  const b = yield* breakdownSteps(rowValues(request.array, row), { temperature: request.temperature });
  yield;
  const n = b.probabilities.length;
  const options = { decimals: request.decimals };
  const significant = significantDigits(request.decimals);
  const long = n > rowCap;
  const shown = long ? topK(b.probabilities, topRows) : [...Array(n).keys()];
  const target = request.target !== undefined && request.target >= 0 && request.target < n ? request.target : undefined;
  const facts = probabilityFacts(b.logits, b.probabilities, b.temperature, b.logProbabilities);

  const stepRows: StepRow[] = shown.map((i) => ({
    index: i,
    x: formatNumber(b.logits[i], significant),
    scaled: formatNumber(b.scaled[i], significant),
    shifted: formatNumber(b.shifted[i], significant),
    exp: formatNumber(b.exps[i], significant),
    probability: formatProbability(b.probabilities[i], request.decimals, facts(i)),
    logProbability: formatNumber(b.logProbabilities[i], significant),
    p: b.probabilities[i],
    normalizeTex: normalizeTex(b, i, options, facts(i)),
    logSoftmaxTex: logSoftmaxTex(b, i, options),
  }));

  return {
    seq: request.seq,
    ref: request.ref,
    source: request.source,
    shape: request.array.shape,
    row,
    rowCount: rows,
    length: n,
    temperature: b.temperature,
    decimals: request.decimals,
    pinned: request.pinned,
    lingering: request.lingering,
    tex: {
      formula: formulaTex(b.temperature, options),
      headings: stepTableHeadingsTex(b.temperature),
      sum: sumTex(b, shown, options),
      entropy: entropyTex(b, options),
      logSumExp: logSumExpTex(b, options),
      logSoftmax: logSoftmaxFormulaTex(b.temperature),
      crossEntropy: target === undefined ? undefined : crossEntropyTex(b, target, options),
    },
    rows: stepRows,
    summary: long ? summarize(b, shown, request.decimals, facts) : undefined,
    argmax: b.argmax,
    target,
    chart: long ? sortedChart(b.probabilities, b.logProbabilities) : barChart(stepRows),
  };
}

/**
 * The line above a long array's table: the mass of the rows shown, the smallest probability of an entry that is not
 * masked (from the log-probabilities, so one too small for a double still reads as the number it is), and how many
 * entries are masked (logit −∞).
 */
function summarize(b: Breakdown, shown: number[], decimals: number, facts: (i: number) => ProbabilityFacts): WalkthroughView['summary'] {
  const p = b.probabilities;
  let mass = 0;
  for (const i of shown) mass += p[i];
  let smallest = -1;
  let masked = 0;
  for (let i = 0; i < p.length; i++) {
    if (b.logits[i] === -Infinity) masked++;
    else if (smallest < 0 || b.logProbabilities[i] < b.logProbabilities[smallest]) smallest = i;
  }
  const unmasked = p.length - masked;
  return {
    shown: shown.length,
    total: p.length,
    massShown: formatProbability(Math.min(mass, 1), decimals, { belowOne: shown.length < unmasked }),
    smallest: smallest < 0 ? '0' : formatProbability(p[smallest], decimals, facts(smallest)),
    masked,
  };
}

function barChart(rows: StepRow[]): Chart {
  return { kind: 'bars', bars: rows.map((r) => ({ index: r.index, p: r.p, label: r.probability })) };
}

/**
 * The sorted distribution without sorting: a histogram of log p gives, at each level, how many entries lie above it,
 * which is the rank curve itself, in one linear pass (a sort of 200 000 numbers would take far longer).
 */
function sortedChart(p: Float64Array, logP: Float64Array): Chart {
  let top = -Infinity;
  let bottom = Infinity;
  for (let i = 0; i < logP.length; i++) {
    const l = logP[i];
    if (l === -Infinity) continue;
    if (l > top) top = l;
    if (l < bottom) bottom = l;
  }
  if (top === -Infinity) return { kind: 'sorted', n: p.length, points: [] };
  const width = (top - bottom) / chartPoints || 1;
  const counts = new Uint32Array(chartPoints + 1);
  for (let i = 0; i < logP.length; i++) {
    if (logP[i] !== -Infinity) counts[Math.min(chartPoints, Math.floor((top - logP[i]) / width))]++;
  }
  const points: { rank: number; logP: number }[] = [];
  let rank = 0;
  for (let k = 0; k <= chartPoints; k++) {
    if (counts[k] === 0) continue;
    points.push({ rank, logP: top - k * width });
    rank += counts[k];
  }
  points.push({ rank: rank - 1, logP: bottom });
  return { kind: 'sorted', n: p.length, points };
}
