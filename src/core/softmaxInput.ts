// What softmax accepts: its options, the error for everything else, and where a logit sits in words.

export interface SoftmaxOptions {
  /** Divides the logits first; must be finite and > 0. Default 1. */
  temperature?: number;
}

/** An input softmax cannot take, with a message written for the person who gave it. */
export class SoftmaxInputError extends Error {
  constructor(message: string, readonly index?: number) {
    super(message);
    this.name = 'SoftmaxInputError';
  }
}

/** The temperature the options ask for, after checking it is usable. */
export function temperatureOf(options?: SoftmaxOptions): number {
  const t = options?.temperature ?? 1;
  if (typeof t !== 'number' || !Number.isFinite(t) || !(t > 0)) {
    throw new SoftmaxInputError(`Temperature must be a finite number greater than 0 (got ${String(t)}).`);
  }
  return t;
}

/** Where a logit sits, in words: "3" in a vector, "2 in row 1" in a matrix. */
export type Locate = (i: number) => string;

export const vectorPlace: Locate = (i) => `${i}`;

/** Throws the error for a logit that softmax cannot take; `raw` is what the person gave. */
function reject(raw: number, i: number, temperature: number, where: Locate, flatIndex: number): never {
  if (Number.isNaN(raw)) {
    throw new SoftmaxInputError(`Logit ${where(i)} is NaN — softmax needs numbers.`, flatIndex);
  }
  if (raw === Infinity) {
    throw new SoftmaxInputError(
      `Logit ${where(i)} is +∞ — softmax is undefined with an infinite logit (−∞ is allowed: it masks that entry to 0).`,
      flatIndex,
    );
  }
  throw new SoftmaxInputError(
    `Logit ${where(i)} divided by the temperature ${temperature} overflows — use a larger temperature.`,
    flatIndex,
  );
}

/** Throws for a row with no numbers. */
export function rejectEmpty(n: number): void {
  if (n === 0) throw new SoftmaxInputError('Softmax needs at least one number, and got none.');
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
  const all = n === 1 ? 'The only logit is −∞' : `All ${n} logits are −∞`;
  throw new SoftmaxInputError(`${all}, so every entry is masked and softmax is undefined.`);
}

/** The last-axis length and row count of a row-major shape, checked against the number of values. */
export function rowsOf(length: number, shape: readonly number[]): { rows: number; cols: number } {
  if (shape.length === 0) throw new SoftmaxInputError('Softmax needs a shape with at least one axis.');
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new SoftmaxInputError(`The shape [${shape.join(', ')}] has an axis that is not a whole number.`);
    }
    size *= d;
  }
  if (size !== length) {
    throw new SoftmaxInputError(`The shape [${shape.join(', ')}] needs ${size} values, but there are ${length}.`);
  }
  const cols = shape[shape.length - 1];
  if (cols === 0) throw new SoftmaxInputError('Softmax needs at least one number in each row, and got none.');
  return { rows: size / cols, cols };
}

/** A matrix position in words, for errors about one row of many. */
export function rowPlace(shape: readonly number[], row: number): Locate {
  return shape.length === 1 ? vectorPlace : (i) => `${i} in row ${row}`;
}
