// The messages between the walkthrough's host (src/panel) and its webview (src/webview), declared once for both.
// Everything here is plain data: no vscode, no DOM, so the webview bundle can import it. Whatever crosses between
// them is read from `unknown` by the parsers at the end, which keep only what fits.
import type { lab } from '../core';

/** An array in a document: its URI and the UTF-16 offset where its literal starts. */
export interface DocumentArrayRef {
  kind?: 'document';
  uri: string;
  start: number;
}

/** An array a notebook cell's saved output prints: which output item of which cell, and the offset in its text. */
export interface OutputArrayRef {
  kind: 'output';
  notebook: string;
  cell: number;
  output: number;
  item: number;
  start: number;
}

export type ArrayRef = DocumentArrayRef | OutputArrayRef;

/** A reference read from a message, a command argument or persisted state; undefined unless it is well formed. */
export function parseArrayRef(value: unknown): ArrayRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind === 'output') {
    if (typeof v.notebook !== 'string' || !isCount(v.cell) || !isCount(v.output) || !isCount(v.item) || !isCount(v.start)) return undefined;
    return { kind: 'output', notebook: v.notebook, cell: v.cell, output: v.output, item: v.item, start: v.start };
  }
  if ((v.kind !== undefined && v.kind !== 'document') || typeof v.uri !== 'string' || !isCount(v.start)) return undefined;
  return { uri: v.uri, start: v.start };
}

/** Whether two references point at the same array. */
export function sameRef(a: ArrayRef, b: ArrayRef): boolean {
  if (a.kind === 'output' || b.kind === 'output') {
    return a.kind === 'output' && b.kind === 'output' && a.notebook === b.notebook && a.cell === b.cell && a.output === b.output && a.item === b.item && a.start === b.start;
  }
  return a.uri === b.uri && a.start === b.start;
}

/** What the webview keeps through getState/setState so the panel comes back on the same array after a reload. */
export interface PersistedState {
  ref?: ArrayRef;
  row: number;
  pinned: boolean;
  temperature: number;
  decimals: number;
  target?: number;
  sampling?: SamplingSettings;
  /** The start offset of the array compared with, in the same document. */
  compareWith?: number;
  attention?: AttentionSettings;
}

/** The lab's sampling filters in transformers' terms, each with its off value: top-k 0, top-p 1, min-p 0. */
export interface SamplingSettings {
  topK: number;
  topP: number;
  minP: number;
}

export const samplingOff: SamplingSettings = { topK: 0, topP: 1, minP: 0 };

/** Attention mode for a matrix of scores (queries × keys): divided by √d, optionally under a causal mask. */
export interface AttentionSettings {
  on: boolean;
  d: number;
  causal: boolean;
}

export const attentionDefaults: AttentionSettings = { on: false, d: 1, causal: false };

/** The largest d the panel takes: far past any model's head size. */
export const dimensionMax = 1 << 20;

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const within = (x: number, min: number, max: number) => Math.min(Math.max(x, min), max);

/** Sampling settings from whatever a webview sent or saved: each value brought into its range, or off when it is not a number. */
export function samplingSettingsFrom(value: unknown): SamplingSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const topK = finiteNumber(v.topK);
  const topP = finiteNumber(v.topP);
  const minP = finiteNumber(v.minP);
  return {
    topK: topK === undefined ? samplingOff.topK : within(Math.floor(topK), 0, 2 ** 31),
    topP: topP === undefined ? samplingOff.topP : within(topP, 0, 1),
    minP: minP === undefined ? samplingOff.minP : within(minP, 0, 1),
  };
}

/** Attention settings from whatever a webview sent or saved: d a whole number from 1 to dimensionMax, the switches booleans. */
export function attentionSettingsFrom(value: unknown): AttentionSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const d = finiteNumber(v.d);
  return { on: v.on === true, d: d === undefined ? attentionDefaults.d : within(Math.round(d), 1, dimensionMax), causal: v.causal === true };
}

/** One row of the step tables, numbers already formatted by the core's formatters. */
export interface StepRow {
  index: number;
  x: string;
  /** x_i / T; equal to x when T = 1. */
  scaled: string;
  shifted: string;
  exp: string;
  probability: string;
  logProbability: string;
  /** Exact probability for the chart's bar length. */
  p: number;
  /** `p_i = e^{x_i-m}/S = value`. */
  normalizeTex: string;
  /** `log p_i = x_i - LSE = value`. */
  logSoftmaxTex: string;
  /** The same two formulas read out in plain text, for screen readers without MathML. */
  normalizeReading: string;
  logSoftmaxReading: string;
}

export type Chart =
  /** `cut`: a sampling filter removed the entry. */
  | { kind: 'bars'; bars: { index: number; p: number; label: string; cut: boolean }[] }
  /**
   * The rank curve of the probabilities (largest first) at a few hundred levels of ln p; masked entries left out.
   * `levels` says the same in numbers: how many entries have p ≥ 0.1, ≥ 0.01, … and > 0 (`label` is `≥ 0.1`).
   */
  | { kind: 'sorted'; n: number; points: { rank: number; logP: number }[]; levels: { label: string; count: number }[]; kept?: number };

/** The walkthrough's formulas, as TeX for KaTeX or as their plain readings. */
export interface Formulas {
  formula: string;
  /** Column headings of the step 1 table. */
  headings: string[];
  sum: string;
  entropy: string;
  logSumExp: string;
  logSoftmax: string;
  crossEntropy?: string;
}

/** Everything the webview shows for one array: numbers formatted and TeX built on the host, from the core. */
export interface WalkthroughView {
  seq: number;
  ref: ArrayRef;
  source: {
    fileName: string;
    /** 1-based line of the array's first bracket. */
    line: number;
    /** The line's text, trimmed and shortened: document text, shown only through textContent. */
    lineText: string;
    /** A variable name written before the array, if any: document text too. */
    name?: string;
    /** For an array a notebook cell's output prints, the place said instead of a line: "Cell 3 · output 1". */
    place?: string;
  };
  /** What the array reads as, localized on the host: the walkthrough takes the softmax whatever it is, and says so. */
  reading: {
    label: string;
    reason: string;
    /** For arrays that are not logits: what the steps below do with them anyway. */
    note?: string;
  };
  shape: number[];
  row: number;
  rowCount: number;
  length: number;
  temperature: number;
  decimals: number;
  pinned: boolean;
  /** True when the cursor has left every array and the panel still shows this one. */
  lingering: boolean;
  tex: Formulas;
  /** The same formulas read out in plain text: each typeset formula carries its reading. */
  readings: Formulas;
  /** The rows shown: every row up to the cap, else the largest probabilities. */
  rows: StepRow[];
  /** Set when rows hold only the largest probabilities of a longer array. */
  summary?: { shown: number; total: number; massShown: string; smallest: string; masked: number };
  argmax: number;
  target?: number;
  chart: Chart;
  lab: LabView;
}

type Formula = lab.Formula;

/** The lab below the walkthrough: sampling, a comparison, training and attention, every number from the core. */
export interface LabView {
  attentionSettings: AttentionSettings;
  sampling: SamplingView;
  compare: CompareView;
  /** With a target class picked. */
  training?: TrainingView;
  /** For a matrix, with attention mode on. */
  attention?: AttentionView;
}

export interface SamplingView {
  settings: SamplingSettings;
  /** The filters that are on, in the order they ran: each one's rule with its numbers, and how many it saw and kept. */
  stages: { filter: lab.SamplingFilter; formula: Formula; seen: number; kept: number }[];
  /** Entries with a probability before and after the filters (masked entries are neither). */
  total: number;
  kept: number;
  /** With a filter on: the general renormalization, and each shown row's. */
  renormalize?: Formula;
  /** `cut`: a filter removed the entry (a masked entry, −∞, had nothing to remove). */
  entries: { index: number; cut: boolean; before: string; after: string; formula: Formula }[];
  /** Entropy and perplexity before, and after when a filter is on. */
  before: Formula;
  after?: Formula;
}

export interface CompareView {
  /** The document's other arrays of the same shape, by start offset; labels hold document text (textContent only). */
  candidates: { start: number; label: string }[];
  /** Some arrays of the same shape are left out of the list. */
  more: boolean;
  chosen?: number;
  result?: {
    /** q's definition, then KL(p‖q), KL(q‖p), H(p, q), TV(p, q). */
    formulas: Formula[];
    headings: Formula[];
    /** One per shown row: p_i, q_i and the four terms, printed. */
    rows: { index: number; cells: string[] }[];
    onlyInP: lab.Support;
    onlyInQ: lab.Support;
  };
  /** Why q could not be computed (the compared array has a NaN, say), localized. */
  error?: string;
}

export interface TrainingView {
  target: number;
  gradient: Formula;
  /** ∇L as a row of numbers (the first few entries of a long one). */
  vector: Formula;
  /** With a temperature: how the gradient reaches the logits x. */
  chain?: Formula;
  /** The gradient of each shown row, for the chart. */
  bars: { index: number; value: number; label: string }[];
  /** For n ≤ jacobianLimit: the general entry and the whole matrix. */
  jacobian?: { entry: Formula; matrix: Formula };
}

export interface AttentionView {
  formulas: Formula[];
  row: number;
  rowFormulas: Formula[];
  /** For matrices up to heatmapLimit on each side: every weight, printed, and its value for the colour. */
  heatmap?: { rows: number; cols: number; cells: string[]; weights: number[] };
  shape: [number, number];
  /** Why the weights could not be computed (a row the mask hides entirely, say), localized. */
  error?: string;
}

/** Every user-facing string of the webview, localized on the host. */
export interface WalkthroughStrings {
  title: string;
  source: string;
  readAs: string;
  formulaHeading: string;
  whyShift: string;
  whyTemperature: string;
  step1Heading: string;
  step2Heading: string;
  step3Heading: string;
  chartHeading: string;
  statsHeading: string;
  logSoftmaxHeading: string;
  crossEntropyHeading: string;
  crossEntropyHint: string;
  temperature: string;
  decimals: string;
  row: string;
  pin: string;
  unpin: string;
  pinnedNote: string;
  lingeringNote: string;
  emptyNote: string;
  summary: string;
  argmax: string;
  chartLabel: string;
  sortedChartLabel: string;
  targetRow: string;
  index: string;
  probability: string;
  mark: string;
  entries: string;
  reset: string;
  lab: LabStrings;
}

/** The lab's words, localized on the host like the rest. */
export interface LabStrings {
  samplingHeading: string;
  samplingWhy: string;
  samplingLegend: string;
  topK: string;
  topP: string;
  minP: string;
  topKOff: string;
  topPOff: string;
  minPOff: string;
  off: string;
  /** `{0}` kept of `{1}`. */
  keptOf: string;
  topKWhy: string;
  topPWhy: string;
  minPWhy: string;
  samplingOffNote: string;
  renormalizeHeading: string;
  perplexityHeading: string;
  cut: string;
  /** `{0}` the indices of the entries cut. */
  cutEntries: string;
  compareHeading: string;
  compareWith: string;
  compareNothing: string;
  compareNone: string;
  compareMore: string;
  compareHint: string;
  /** `{0}` the first entry, `{1}` how many. */
  onlyInP: string;
  onlyInQ: string;
  termsCaption: string;
  trainingHeading: string;
  trainingWhy: string;
  gradientChartLabel: string;
  gradient: string;
  jacobianHeading: string;
  /** `{0}` n, `{1}` the limit. */
  jacobianTooLarge: string;
  attentionLegend: string;
  attentionMode: string;
  attentionD: string;
  attentionDHint: string;
  causalMask: string;
  keptBySampling: string;
  attentionHeading: string;
  attentionWhy: string;
  heatmapCaption: string;
  heatmapCorner: string;
  /** `{0}` the limit, `{1}` × `{2}` the matrix. */
  heatmapTooLarge: string;
  /** `{0}` the row. */
  attentionRowHeading: string;
  selectedRow: string;
  /** `{0}` rows shown, `{1}` entries in all. */
  labRowsShown: string;
}

export type HostMessage =
  | { type: 'render'; strings: WalkthroughStrings; view: WalkthroughView }
  /** No array to show yet (or the shown one is gone); `message` is already localized. */
  | { type: 'empty'; seq: number; strings: WalkthroughStrings; message: string };

export type WebviewMessage =
  | { type: 'ready'; state?: PersistedState }
  /** After each render: how many formulas KaTeX typeset and how many step rows are shown. */
  | { type: 'rendered'; seq: number; formulas: number; rows: number }
  | { type: 'setTemperature'; seq: number; temperature: number }
  | { type: 'setDecimals'; seq: number; decimals: number }
  | { type: 'setRow'; seq: number; row: number }
  | { type: 'setTarget'; seq: number; target: number | undefined }
  | { type: 'setPinned'; seq: number; pinned: boolean }
  | { type: 'setSampling'; seq: number; sampling: SamplingSettings }
  | { type: 'setCompare'; seq: number; start: number | undefined }
  | { type: 'setAttention'; seq: number; attention: AttentionSettings };

/** The temperature slider's travel. A temperature beyond it (a setting of 20) is shown and used as it is, the slider at its end. */
export const temperatureSlider = { min: 0.01, max: 10 } as const;
export { decimalsRange } from '../editor/settingsSchema';
/** At most this many rows are typeset; a longer array shows its largest `topRows`. */
export const rowCap = 50;
export const topRows = 20;
/** The Jacobian is typeset up to this many classes, the attention heatmap up to this many rows and columns. */
export const jacobianLimit = 8;
export const heatmapLimit = 32;
/** At most this many arrays are offered to compare with. */
export const candidateCap = 200;

/** A record's fields, or undefined when the value is no object. */
function fieldsOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isPositive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/**
 * The state a webview saved, read from whatever getState() or a restored panel gives back: undefined unless row,
 * pin, temperature and decimals are there and sound; a reference or target that is not is left out.
 */
export function parsePersistedState(value: unknown): PersistedState | undefined {
  const f = fieldsOf(value);
  if (f === undefined || !isCount(f.row) || typeof f.pinned !== 'boolean' || !isPositive(f.temperature) || !isCount(f.decimals)) return undefined;
  const state: PersistedState = { row: f.row, pinned: f.pinned, temperature: f.temperature, decimals: f.decimals };
  const ref = parseArrayRef(f.ref);
  if (ref !== undefined) state.ref = ref;
  if (isCount(f.target)) state.target = f.target;
  if (f.sampling !== undefined) state.sampling = samplingSettingsFrom(f.sampling);
  if (isCount(f.compareWith)) state.compareWith = f.compareWith;
  if (f.attention !== undefined) state.attention = attentionSettingsFrom(f.attention);
  return state;
}

/** A message from the webview, read from `unknown`: undefined for anything that is not one of WebviewMessage's shapes. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  const f = fieldsOf(value);
  if (f === undefined) return undefined;
  if (f.type === 'ready') {
    const state = parsePersistedState(f.state);
    return state === undefined ? { type: 'ready' } : { type: 'ready', state };
  }
  const seq = f.seq;
  if (!isCount(seq)) return undefined;
  switch (f.type) {
    case 'rendered':
      return isCount(f.formulas) && isCount(f.rows) ? { type: 'rendered', seq, formulas: f.formulas, rows: f.rows } : undefined;
    case 'setTemperature':
      return isPositive(f.temperature) ? { type: 'setTemperature', seq, temperature: f.temperature } : undefined;
    case 'setDecimals':
      return isCount(f.decimals) ? { type: 'setDecimals', seq, decimals: f.decimals } : undefined;
    case 'setRow':
      return isCount(f.row) ? { type: 'setRow', seq, row: f.row } : undefined;
    case 'setTarget':
      return f.target === undefined || isCount(f.target) ? { type: 'setTarget', seq, target: f.target } : undefined;
    case 'setPinned':
      return typeof f.pinned === 'boolean' ? { type: 'setPinned', seq, pinned: f.pinned } : undefined;
    case 'setSampling':
      return fieldsOf(f.sampling) !== undefined ? { type: 'setSampling', seq, sampling: samplingSettingsFrom(f.sampling) } : undefined;
    case 'setCompare':
      return f.start === undefined || isCount(f.start) ? { type: 'setCompare', seq, start: f.start } : undefined;
    case 'setAttention':
      return fieldsOf(f.attention) !== undefined ? { type: 'setAttention', seq, attention: attentionSettingsFrom(f.attention) } : undefined;
  }
  return undefined;
}

/** A message from the host, as far as the webview relies on it before rendering: its kind and its sequence number. */
export function isHostMessage(value: unknown): value is HostMessage {
  const f = fieldsOf(value);
  if (f === undefined) return false;
  if (f.type === 'render') return fieldsOf(f.view) !== undefined && isCount(fieldsOf(f.view)?.seq) && fieldsOf(f.strings) !== undefined;
  return f.type === 'empty' && isCount(f.seq) && typeof f.message === 'string' && fieldsOf(f.strings) !== undefined;
}
