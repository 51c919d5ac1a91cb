// The lab's part of the view, built from the breakdown the walkthrough already has: the core computes every number
// and writes every formula; this picks what is shown and caps the heavy parts (Jacobian, heatmap) at sizes that read.
import {
  breakdownSteps,
  formatNumber,
  formatProbability,
  lab,
  rowsOf,
  significantDigits,
  type Breakdown,
  type FoundArray,
  type ReadingWords,
  type Steps,
} from '../core';
import {
  heatmapLimit,
  jacobianLimit,
  type AttentionSettings,
  type CompareView,
  type LabView,
  type SamplingSettings,
  type SamplingView,
  type TrainingView,
  type AttentionView,
} from './protocol';

/** What the lab needs beside the breakdown. */
export interface LabRequest {
  sampling: SamplingSettings;
  attention: AttentionSettings;
  /** The document's other arrays of the same shape, and the one chosen to compare with (if it is still there). */
  candidates: { start: number; label: string }[];
  moreCandidates: boolean;
  compareWith?: { start: number; array: FoundArray };
  /** A core error as the person reads it, localized. */
  describeError(error: unknown): string;
}

interface Shown {
  array: FoundArray;
  row: number;
  b: Breakdown;
  /** The indices of the rows the walkthrough shows (all, or the largest probabilities of a long array). */
  rows: number[];
  target?: number;
  decimals: number;
  words: ReadingWords;
}

/** The lab for one view, in the core's steps. Also returns what sampling kept, for the chart's marks. */
export function* labSteps(shown: Shown, request: LabRequest): Steps<{ lab: LabView; sampled: lab.Sampled }> {
  const sampled = yield* lab.samplingSteps(shown.b, request.sampling);
  const compare = yield* compareSteps(shown, request);
  const training = shown.target === undefined ? undefined : yield* trainingSteps(shown, shown.target);
  const attention = request.attention.on && shown.array.shape.length > 1 ? yield* attentionSteps(shown, request.attention, request.describeError) : undefined;
  return { lab: { attentionSettings: request.attention, sampling: samplingView(shown, request.sampling, sampled), compare, training, attention }, sampled };
}

function samplingView(shown: Shown, settings: SamplingSettings, sampled: lab.Sampled): SamplingView {
  const { b, decimals, words } = shown;
  const options = { decimals };
  const on = sampled.stages.length > 0;
  const total = sampled.stages[0]?.seen ?? unmasked(b);
  return {
    settings,
    stages: sampled.stages.map((stage, k) => ({
      filter: stage.filter,
      formula: lab.samplingStageFormula(stage, k, options, words),
      seen: stage.seen,
      kept: stage.kept,
    })),
    total,
    kept: sampled.keptCount,
    renormalize: on ? lab.renormalizeFormula(sampled, options, words) : undefined,
    entries: on
      ? shown.rows.map((i) => ({
          index: i,
          cut: sampled.kept[i] === 0 && b.logits[i] !== -Infinity,
          before: formatProbability(b.probabilities[i], decimals),
          after: formatProbability(sampled.after.probabilities[i], decimals),
          formula: lab.renormalizedEntryFormula(b, sampled, i, options),
        }))
      : [],
    before: lab.perplexityFormula(sampled.entropyBefore, false, options, words),
    after: on ? lab.perplexityFormula(sampled.entropyAfter, true, options, words) : undefined,
  };
}

function unmasked(b: Breakdown): number {
  let count = 0;
  for (let i = 0; i < b.logits.length; i++) if (b.logits[i] !== -Infinity) count++;
  return count;
}

function* compareSteps(shown: Shown, request: LabRequest): Steps<CompareView> {
  const view: CompareView = { candidates: request.candidates, more: request.moreCandidates };
  const other = request.compareWith;
  if (!other) return view;
  view.chosen = other.start;
  const { b, decimals, words } = shown;
  try {
    const { cols } = rowsOf(other.array.values.length, other.array.shape);
    const y = other.array.values.slice(shown.row * cols, (shown.row + 1) * cols);
    const q = yield* breakdownSteps(y, { temperature: b.temperature });
    const c = yield* lab.compareSteps(b, q);
    const significant = significantDigits(decimals);
    const number = (x: number) => formatNumber(x, significant);
    view.result = {
      formulas: [lab.comparedFormula(b.temperature), ...lab.comparisonFormulas(c, { decimals }, words)],
      headings: lab.comparisonHeadings(),
      rows: shown.rows.map((i) => ({
        index: i,
        cells: [
          formatProbability(b.probabilities[i], decimals),
          formatProbability(q.probabilities[i], decimals),
          number(c.terms.klPQ[i]),
          number(c.terms.klQP[i]),
          number(c.terms.crossEntropy[i]),
          number(c.terms.totalVariation[i]),
        ],
      })),
      onlyInP: c.onlyInP,
      onlyInQ: c.onlyInQ,
    };
  } catch (error) {
    view.error = request.describeError(error);
  }
  return view;
}

function* trainingSteps(shown: Shown, target: number): Steps<TrainingView> {
  const { b, decimals } = shown;
  const options = { decimals };
  const gradient = yield* lab.crossEntropyGradientSteps(b, target);
  const n = gradient.length;
  return {
    target,
    gradient: lab.gradientFormula(b.temperature, target),
    vector: lab.gradientVectorFormula(gradient, b.temperature, options),
    chain: b.temperature === 1 ? undefined : lab.gradientChainFormula(),
    bars: shown.rows.map((i) => ({ index: i, value: gradient[i], label: formatProbability(gradient[i], decimals) })),
    jacobian:
      n <= jacobianLimit
        ? { entry: lab.jacobianEntryFormula(b.temperature), matrix: lab.jacobianFormula(lab.softmaxJacobian(b), n, b.temperature, options) }
        : undefined,
  };
}

function* attentionSteps(shown: Shown, settings: AttentionSettings, describeError: (error: unknown) => string): Steps<AttentionView> {
  const { array, row, decimals, words } = shown;
  const options = { decimals };
  const { rows, cols } = rowsOf(array.values.length, array.shape);
  const attention = { d: settings.d, causal: settings.causal };
  const view: AttentionView = { formulas: lab.attentionFormulas(settings.d, settings.causal, options), row, rowFormulas: [], shape: [rows, cols] };
  try {
    const rowBreakdown = yield* lab.attentionRowSteps(array.values, array.shape, row, attention);
    view.rowFormulas = lab.attentionRowFormulas(rowBreakdown, row, options, words);
    if (rows <= heatmapLimit && cols <= heatmapLimit) {
      const weights = yield* lab.attentionWeightsSteps(array.values, array.shape, attention);
      view.heatmap = { rows, cols, cells: Array.from(weights, (w) => formatProbability(w, decimals)), weights: Array.from(weights) };
    }
  } catch (error) {
    // A row the mask hides entirely (its only visible score is −∞), or a NaN in another row.
    view.error = describeError(error);
  }
  return view;
}
