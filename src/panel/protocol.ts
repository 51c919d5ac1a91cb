// The messages between the walkthrough's host (src/panel) and its webview (src/webview), declared once for both.
// Everything here is plain data: no vscode, no DOM, so the webview bundle can import it. Whatever crosses between
// them is read from `unknown` by the parsers at the end, which keep only what fits.

/** An array in a document: its URI and the UTF-16 offset where its literal starts. */
export interface ArrayRef {
  uri: string;
  start: number;
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
}

export type Chart =
  | { kind: 'bars'; bars: { index: number; p: number; label: string }[] }
  /** The rank curve of the probabilities (largest first) at a few hundred levels of ln p; masked entries left out. */
  | { kind: 'sorted'; n: number; points: { rank: number; logP: number }[] };

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
  tex: {
    formula: string;
    /** Column headings of the step 1 table. */
    headings: string[];
    sum: string;
    entropy: string;
    logSumExp: string;
    logSoftmax: string;
    crossEntropy?: string;
  };
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

/** A record's fields, or undefined when the value is no object. */
function fieldsOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isPositive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

function parseArrayRef(value: unknown): ArrayRef | undefined {
  const f = fieldsOf(value);
  return f !== undefined && typeof f.uri === 'string' && isCount(f.start) ? { uri: f.uri, start: f.start } : undefined;
}

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
