// What softmax accepts: its options, the error for everything else, and where a logit sits.
import { describeCode, type ErrorCode, type Translate } from './messages';

export interface SoftmaxOptions {
  /** Divides the logits first; must be finite and > 0. Default 1. */
  temperature?: number;
}

/**
 * An input softmax cannot take: a code and its parameters (the template of errorTemplates they fill), worded in
 * English as the message; describeError words it in another language. `index` is the flat index of a bad logit.
 */
export class SoftmaxInputError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: readonly (string | number)[] = [],
    readonly index?: number,
  ) {
    super(describeCode(code, params));
    this.name = 'SoftmaxInputError';
  }
}

/** The error in the words `translate` gives: English by default, the display language in the editor. */
export function describeError(error: SoftmaxInputError, translate?: Translate): string {
  return describeCode(error.code, error.params, translate);
}

/** The temperature the options ask for, after checking it is usable. */
export function temperatureOf(options?: SoftmaxOptions): number {
  const t = options?.temperature ?? 1;
  if (typeof t !== 'number' || !Number.isFinite(t) || !(t > 0)) {
    throw new SoftmaxInputError('temperature', [String(t)]);
  }
  return t;
}

/** Where a logit sits: its index, and its row in a matrix. */
export type Locate = (i: number) => { index: number; row?: number };

export const vectorPlace: Locate = (i) => ({ index: i });

/** Throws the error for a logit that softmax cannot take; `raw` is what the person gave. */
function reject(raw: number, i: number, temperature: number, where: Locate, flatIndex: number): never {
  const { index, row } = where(i);
  const place = row === undefined ? [index] : [index, row];
  if (Number.isNaN(raw)) throw new SoftmaxInputError(row === undefined ? 'nanLogit' : 'nanLogitInRow', place, flatIndex);
  if (raw === Infinity) throw new SoftmaxInputError(row === undefined ? 'infiniteLogit' : 'infiniteLogitInRow', place, flatIndex);
  throw new SoftmaxInputError(row === undefined ? 'overflow' : 'overflowInRow', [...place, temperature], flatIndex);
}

/** Throws for a row with no numbers. */
export function rejectEmpty(n: number): void {
  if (n === 0) throw new SoftmaxInputError('empty');
}

/**
 * Throws for the first logit in x[offset, offset + n) that is NaN or +∞ (after dividing by T, when
 * `scaled` holds x / T), or, if there is none, because all are −∞.
 */
export function rejectFirstBad(
  x: ArrayLike<number>,
  offset: number,
  n: number,
  where: Locate,
  temperature: number,
  scaled: ArrayLike<number> | null,
): never {
  for (let i = 0; i < n; i++) {
    const raw = x[offset + i];
    const v = scaled === null ? raw : scaled[i];
    if (v !== v || v === Infinity) reject(raw, i, temperature, where, offset + i);
  }
  throw n === 1 ? new SoftmaxInputError('onlyLogitMasked') : new SoftmaxInputError('allMasked', [n]);
}

/** The last-axis length and row count of a row-major shape, checked against the number of values. */
export function rowsOf(length: number, shape: readonly number[]): { rows: number; cols: number } {
  if (shape.length === 0) throw new SoftmaxInputError('shapeWithoutAxes');
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new SoftmaxInputError('fractionalAxis', [shape.join(', ')]);
    }
    size *= d;
  }
  if (size !== length) {
    throw new SoftmaxInputError('shapeSize', [shape.join(', '), size, length]);
  }
  const cols = shape[shape.length - 1];
  if (cols === 0) throw new SoftmaxInputError('emptyRows');
  return { rows: size / cols, cols };
}

/** A matrix position, for errors about one row of many. */
export function rowPlace(shape: readonly number[], row: number): Locate {
  return shape.length === 1 ? vectorPlace : (i) => ({ index: i, row });
}
