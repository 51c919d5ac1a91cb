// Builds what the webview shows from one array: the core computes, this only picks rows and caps the payload.
import {
  breakdownSteps,
  requireWholeArray,
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
  crossEntropyReading,
  entropyReading,
  formulaReading,
  logSoftmaxFormulaReading,
  logSoftmaxReading,
  logSumExpReading,
  normalizeReading,
  stepTableHeadingsReading,
  sumReading,
  spokenNumber,
  type ReadingWords,
} from '../core';
import { labSteps, type LabRequest } from './labModel';
import { attentionDefaults, rowCap, samplingOff, topRows, type ArrayRef, type Chart, type StepRow, type WalkthroughView } from './protocol';

export interface ViewRequest {
  seq: number;
  ref: ArrayRef;
  array: FoundArray;
  source: WalkthroughView['source'];
  reading: WalkthroughView['reading'];
  row: number;
  temperature: number;
  decimals: number;
  pinned: boolean;
  lingering: boolean;
  target?: number;
  /** The words of the formulas' plain readings, localized. */
  words: ReadingWords;
  /** The lab's settings and the arrays to compare with; without it, every filter is off and nothing is compared. */
  lab?: LabRequest;
}

const noLab: LabRequest = {
  sampling: samplingOff,
  attention: attentionDefaults,
  candidates: [],
  moreCandidates: false,
  describeError: (error) => (error instanceof Error ? error.message : String(error)),
};

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
  requireWholeArray(request.array);
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
    normalizeReading: normalizeReading(b, i, options),
    logSoftmaxReading: logSoftmaxReading(b, i, options),
  }));
  const { words } = request;
  const shownLab = { array: request.array, row, b, rows: shown, target, decimals: request.decimals, words };
  const { lab, sampled } = yield* labSteps(shownLab, request.lab ?? noLab);
  const cut = sampled.stages.length > 0 ? (i: number) => sampled.kept[i] === 0 && b.logits[i] !== -Infinity : undefined;

  return {
    seq: request.seq,
    ref: request.ref,
    source: request.source,
    reading: request.reading,
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
    readings: {
      formula: formulaReading(b.temperature, options, words),
      headings: stepTableHeadingsReading(b.temperature),
      sum: sumReading(b, shown, options, words),
      entropy: entropyReading(b, options, words),
      logSumExp: logSumExpReading(b, options, words),
      logSoftmax: logSoftmaxFormulaReading(b.temperature),
      crossEntropy: target === undefined ? undefined : crossEntropyReading(b, target, options),
    },
    rows: stepRows,
    summary: long ? summarize(b, shown, request.decimals, facts) : undefined,
    argmax: b.argmax,
    target,
    chart: long ? sortedChart(b.probabilities, b.logProbabilities, cut && sampled.keptCount) : barChart(stepRows, cut),
    lab,
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

/** A bar per row; `cut` (when a sampling filter is on) says which entries it removed. */
function barChart(rows: StepRow[], cut: ((i: number) => boolean) | undefined): Chart {
  return { kind: 'bars', bars: rows.map((r) => ({ index: r.index, p: r.p, label: r.probability, cut: cut?.(r.index) ?? false })) };
}

/**
 * The sorted distribution without sorting: a histogram of log p gives, at each level, how many entries lie above it,
 * which is the rank curve itself, in one linear pass (a sort of 200 000 numbers would take far longer).
 */
function sortedChart(p: Float64Array, logP: Float64Array, kept: number | undefined): Chart {
  let top = -Infinity;
  let bottom = Infinity;
  for (let i = 0; i < logP.length; i++) {
    const l = logP[i];
    if (l === -Infinity) continue;
    if (l > top) top = l;
    if (l < bottom) bottom = l;
  }
  if (top === -Infinity) return { kind: 'sorted', n: p.length, points: [], levels: [], kept };
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
  // Sampling keeps the most probable entries: the first `kept` ranks.
  return { kind: 'sorted', n: p.length, points, levels: levelCounts(p, logP), kept };
}

/** Levels of p the chart's text alternative counts entries above: 0.1, 0.01, … 1e-6. */
const levelDecades = 6;

/**
 * How many entries have p ≥ 0.1, ≥ 0.01, …, and p > 0 (every entry not masked): the rank curve read at those
 * levels, in one pass. The levels stop where every entry is counted.
 */
function levelCounts(p: Float64Array, logP: Float64Array): { label: string; count: number }[] {
  // A probability of exactly 1/100 is a few ulps either side of the double 0.01: it counts as ≥ 0.01.
  const cuts = Array.from({ length: levelDecades }, (_, k) => 10 ** -(k + 1) * (1 - 8 * Number.EPSILON));
  const first = new Uint32Array(levelDecades + 1);
  let unmasked = 0;
  for (let i = 0; i < p.length; i++) {
    if (logP[i] === -Infinity) continue;
    unmasked++;
    let k = 0;
    while (k < levelDecades && p[i] < cuts[k]) k++;
    first[k]++;
  }
  const levels: { label: string; count: number }[] = [];
  let count = 0;
  for (let k = 0; k < levelDecades && count < unmasked; k++) {
    count += first[k];
    levels.push({ label: `≥ ${spokenNumber(formatNumber(10 ** -(k + 1)))}`, count });
  }
  if (count < unmasked) levels.push({ label: '> 0', count: unmasked });
  return levels;
}
