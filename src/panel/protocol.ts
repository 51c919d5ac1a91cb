// The messages between the walkthrough's host (src/panel) and its webview (src/webview), declared once for both.
// Everything here is plain data: no vscode, no DOM, so the webview bundle can import it.

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

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** A reference read from a message, a command argument or persisted state; undefined unless it is well formed. */
export function parseArrayRef(value: unknown): ArrayRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind === 'output') {
    if (typeof v.notebook !== 'string' || !isIndex(v.cell) || !isIndex(v.output) || !isIndex(v.item) || !isIndex(v.start)) return undefined;
    return { kind: 'output', notebook: v.notebook, cell: v.cell, output: v.output, item: v.item, start: v.start };
  }
  if ((v.kind !== undefined && v.kind !== 'document') || typeof v.uri !== 'string' || !isIndex(v.start)) return undefined;
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
  | { kind: 'bars'; bars: { index: number; p: number; label: string }[] }
  /**
   * The rank curve of the probabilities (largest first) at a few hundred levels of ln p; masked entries left out.
   * `levels` says the same in numbers: how many entries have p ≥ 0.1, ≥ 0.01, … and > 0 (`label` is `≥ 0.1`).
   */
  | { kind: 'sorted'; n: number; points: { rank: number; logP: number }[]; levels: { label: string; count: number }[] };

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
  | { type: 'setPinned'; seq: number; pinned: boolean };

export const temperatureRange = { min: 0.01, max: 10 } as const;
export const decimalsRange = { min: 0, max: 15 } as const;
/** At most this many rows are typeset; a longer array shows its largest `topRows`. */
export const rowCap = 50;
export const topRows = 20;
