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

// Placeholder until the accurate kernel lands (issue 3).
export function softmax(logits: ArrayLike<number>, options: SoftmaxOptions = {}): Float64Array {
  const t = options.temperature ?? 1;
  if (logits.length === 0) throw new SoftmaxInputError('Softmax needs at least one number.');
  let m = -Infinity;
  for (let i = 0; i < logits.length; i++) m = Math.max(m, logits[i] / t);
  const out = new Float64Array(logits.length);
  let s = 0;
  for (let i = 0; i < logits.length; i++) s += out[i] = Math.exp(logits[i] / t - m);
  for (let i = 0; i < out.length; i++) out[i] /= s;
  return out;
}
