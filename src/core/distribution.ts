// The facts of a printed distribution, row by row: for probabilities their sum at print precision, argmax,
// entropy and the logits they imply (log p, up to a constant); for log-probabilities the probabilities they stand
// for (exp) and their logsumexp at print precision. Never their softmax: that would be a number no one wants.
import type { FoundArray } from './findArrays';
import { rowLogSumExpChecks, rowSumChecks, type PrintPrecision, type RowSumCheck } from './precision';
import { rowsOf } from './softmax';
import { argmax, entropyOf } from './stats';

export interface DistributionRow {
  /** The row's probabilities: as printed, or exp of the printed log-probabilities. */
  probabilities: Float64Array;
  /** log p for each entry: the logits the probabilities imply, up to a constant (−∞ where p = 0). */
  logProbabilities: Float64Array;
  argmax: number;
  /** −Σ p log p in nats, of the probabilities as printed. */
  entropyNats: number;
  /** The sum of the probabilities (or the logsumexp of log-probabilities) against what printing allows. */
  check: RowSumCheck;
}

export interface Distribution {
  /** The first rows (up to the number asked for), with their facts. */
  rows: DistributionRow[];
  /** Every row's check, in order: how many rows a print gets wrong. */
  checks: RowSumCheck[];
}

/** The facts of each row of a printed distribution (along the last axis); `maxRows` rows get their full facts. */
export function distributionOf(
  array: Pick<FoundArray, 'values' | 'shape'>,
  kind: 'probabilities' | 'logProbabilities',
  precision: PrintPrecision | undefined,
  maxRows = Infinity,
): Distribution {
  const { values, shape } = array;
  const { rows, cols } = rowsOf(values.length, shape);
  const checks = kind === 'probabilities' ? rowSumChecks(values, shape, precision) : rowLogSumExpChecks(values, shape, precision);
  const out: DistributionRow[] = [];
  for (let r = 0; r < Math.min(rows, maxRows); r++) {
    const p = new Float64Array(cols);
    const logP = new Float64Array(cols);
    for (let i = 0; i < cols; i++) {
      const v = values[r * cols + i];
      p[i] = kind === 'probabilities' ? v : Math.exp(v);
      logP[i] = kind === 'probabilities' ? Math.log(v) : v;
    }
    out.push({ probabilities: p, logProbabilities: logP, argmax: argmax(p), entropyNats: entropyOf(p, logP), check: checks[r] });
  }
  return { rows: out, checks };
}
