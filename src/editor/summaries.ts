import * as vscode from 'vscode';
import { formatNumber, formatProbability, formatProbabilityDigits, topK, type Distribution, type RowSumCheck } from '../core';
import { isMatrix, rowArgmax, rowFacts, rowProbabilities, type ArraySoftmax } from './arraySoftmax';

/** Entries a lens lists before shortening with …; it must fit on one line above the code. */
const lensEntries = 4;
/** Entries (or rows) the notification lists before switching to the top entries. */
const notificationEntries = 8;
const notificationTop = 5;
const notificationRows = 4;

/** Thousands separated by a narrow no-break space, as in "49 990", so a count never wraps. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** "2×3", "4×2×3". */
export function shapeText(shape: readonly number[]): string {
  return shape.join('×');
}

function softmaxLabel(temperature: number): string {
  return temperature === 1 ? 'softmax' : vscode.l10n.t('softmax (T = {0})', formatNumber(temperature));
}

/** `[a, b, c, …]` with at most `count` entries, each written by `format` from its index. */
function shortList(values: ArrayLike<number>, count: number, format: (i: number) => string): string {
  const shown: string[] = [];
  for (let i = 0; i < Math.min(count, values.length); i++) shown.push(format(i));
  if (values.length > count) shown.push('…');
  return `[${shown.join(', ')}]`;
}

/** `softmax → [0.659, 0.242, 0.0986] · max 0.659 @ 0`, or `softmax per row (2×3) · argmax [0, 2]`. */
export function lensTitle(result: ArraySoftmax): string {
  const label = softmaxLabel(result.temperature);
  if (isMatrix(result)) {
    const shown = Math.min(result.rows, lensEntries);
    const argmaxes = Array.from({ length: shown }, (_, r) => String(rowArgmax(result, r)));
    if (result.rows > shown) argmaxes.push('…');
    return vscode.l10n.t('{0} per row ({1}) · argmax [{2}]', label, shapeText(result.array.shape), argmaxes.join(', '));
  }
  const p = result.probabilities;
  const best = rowArgmax(result, 0);
  const facts = rowFacts(result, 0);
  const format = (i: number) => formatProbabilityDigits(p[i], 3, facts(i));
  return vscode.l10n.t('{0} → {1} · max {2} @ {3}', label, shortList(p, lensEntries, format), format(best), best);
}

/** The notification's text: every probability of a short vector, else the top entries; a few rows of a matrix. */
export function notificationMessage(result: ArraySoftmax, decimals: number): string {
  const label = softmaxLabel(result.temperature);
  const writer = (row: number) => {
    const p = rowProbabilities(result, row);
    const facts = rowFacts(result, row);
    return (i: number) => formatProbability(p[i], decimals, facts(i));
  };
  if (isMatrix(result)) {
    const rows = Array.from({ length: Math.min(result.rows, notificationRows) }, (_, r) => rowSummary(rowProbabilities(result, r), writer(r)));
    if (result.rows > notificationRows) rows.push(vscode.l10n.t('… and {0} more rows', groupDigits(result.rows - notificationRows)));
    return vscode.l10n.t('{0} per row ({1}): {2}', label, shapeText(result.array.shape), rows.join('; '));
  }
  const p = result.probabilities;
  const format = writer(0);
  if (p.length <= notificationEntries) return vscode.l10n.t('{0} → {1}', label, shortList(p, notificationEntries, format));
  return vscode.l10n.t('{0} of {1} logits, top {2}: {3}', label, groupDigits(p.length), notificationTop, topEntries(p, notificationTop, format));
}

function rowSummary(p: Float64Array, format: (i: number) => string): string {
  return p.length <= notificationEntries ? shortList(p, notificationEntries, format) : vscode.l10n.t('top {0}', topEntries(p, 3, format));
}

/** `#3 0.5123, #17 0.2000, …` — the k most probable entries with their indices. */
function topEntries(p: Float64Array, k: number, format: (i: number) => string): string {
  return topK(p, k)
    .map((i) => `#${i} ${format(i)}`)
    .concat(p.length > k ? ['…'] : [])
    .join(', ');
}

/** How far printing lets a check be off: "± 0.00015". */
function allowance(check: RowSumCheck): string {
  return formatNumber(check.tolerance, 2);
}

/** One row's check in a few words: ✓, ⚠ with the sum and what its print allows, or the sum with no verdict. */
function checkWords(check: RowSumCheck, kind: 'probabilities' | 'logProbabilities'): string {
  const value = formatNumber(check.sum, 6);
  if (kind === 'probabilities') {
    if (check.sumsToOne === true) return vscode.l10n.t('sum 1 ✓');
    if (check.sumsToOne === false) return vscode.l10n.t('⚠ sum {0}, its print allows 1 ± {1}', value, allowance(check));
    return vscode.l10n.t('sum {0} (print precision unknown)', value);
  }
  if (check.sumsToOne === true) return vscode.l10n.t('logsumexp 0 ✓');
  if (check.sumsToOne === false) return vscode.l10n.t('⚠ logsumexp {0}, its print allows 0 ± {1}', value, allowance(check));
  return vscode.l10n.t('logsumexp {0} (print precision unknown)', value);
}

/**
 * The lens of printed probabilities or log-probabilities: their own facts, never their softmax. Like the softmax
 * lens it ends with the argmax: `probabilities · sum 1 ✓ · entropy 0.681 nats · max 0.75 @ 2`,
 * `log-probabilities · exp → [0.204, …] · max 0.75 @ 2`.
 */
export function distributionTitle(distribution: Distribution, shape: readonly number[], kind: 'probabilities' | 'logProbabilities'): string {
  const label = kind === 'probabilities' ? vscode.l10n.t('probabilities') : vscode.l10n.t('log-probabilities');
  const { rows, checks } = distribution;
  if (shape.length > 1) {
    const argmaxes = rows.slice(0, lensEntries).map((r) => String(r.argmax));
    if (checks.length > lensEntries) argmaxes.push('…');
    const off = checks.filter((c) => c.sumsToOne === false).length;
    const unknown = checks.filter((c) => c.sumsToOne === undefined).length;
    const verdict =
      off > 0
        ? vscode.l10n.t('⚠ {0} of {1} rows off', off, checks.length)
        : unknown > 0
          ? vscode.l10n.t('print precision unknown')
          : kind === 'probabilities'
            ? vscode.l10n.t('every row sums to 1 ✓')
            : vscode.l10n.t('every row has logsumexp 0 ✓');
    return vscode.l10n.t('{0} per row ({1}) · {2} · argmax [{3}]', label, shapeText(shape), verdict, argmaxes.join(', '));
  }
  const [row] = rows;
  const best = formatNumber(row.probabilities[row.argmax], 3);
  if (kind === 'probabilities') {
    return vscode.l10n.t('{0} · {1} · entropy {2} nats · max {3} @ {4}', label, checkWords(row.check, kind), formatNumber(row.entropyNats, 3), best, row.argmax);
  }
  const exp = shortList(row.probabilities, lensEntries, (x) => formatNumber(x, 3));
  const shown = row.check.sumsToOne === true ? label : `${label} · ${checkWords(row.check, kind)}`;
  return vscode.l10n.t('{0} · exp → {1} · max {2} @ {3}', shown, exp, best, row.argmax);
}
