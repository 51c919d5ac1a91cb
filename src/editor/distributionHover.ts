import * as vscode from 'vscode';
import { distributionOf, formatNumber, formatProbability, topK, type ArrayRole, type DistributionRow, type FoundArray, type PrintPrecision, type RowSumCheck } from '../core';
import { reasonText } from '../l10n/roleText';
import { groupDigits, shapeText } from './summaries';

/** Vectors up to this length are listed whole; longer ones show their top entries. */
const wholeVector = 20;
const topEntries = 10;
/** Rows of a matrix listed one per line, entries per row, and rows named when they are off. */
const matrixRows = 20;
const rowEntries = 6;
const offRowsNamed = 5;
const barWidth = 10;

/** Eighth blocks, so a bar shows p to 1/80 within ten characters. */
export function bar(p: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, p)) * barWidth * 8);
  const partial = eighths % 8 === 0 ? '' : ' ▏▎▍▌▋▊▉'[eighths % 8];
  return ('█'.repeat(Math.floor(eighths / 8)) + partial).padEnd(barWidth, ' ');
}

/** "4 decimals", "4 digits after the point in e-notation": how the array was printed, in words. */
function precisionWords(precision: PrintPrecision | undefined): string {
  if (precision === undefined) return vscode.l10n.t('unknown');
  if (precision.mantissaDecimals < 0) return precision.decimals === 1 ? vscode.l10n.t('1 decimal') : vscode.l10n.t('{0} decimals', Math.max(0, precision.decimals));
  if (precision.decimals < 0) return vscode.l10n.t('{0} digits after the point in e-notation', precision.mantissaDecimals);
  return vscode.l10n.t('as printed');
}

/**
 * The hover of printed probabilities or log-probabilities: what they were read as and why, their values with log p
 * (the logits they imply, up to a constant) or exp, and whether they sum to 1 (logsumexp 0) as far as printing tells.
 */
export function distributionLines(array: FoundArray, role: ArrayRole, precision: PrintPrecision | undefined, decimals: number): string[] {
  const kind = role.role === 'logProbabilities' ? 'logProbabilities' : 'probabilities';
  const heading =
    kind === 'probabilities'
      ? vscode.l10n.t('**Probabilities** — {0}', reasonText(role.reason))
      : vscode.l10n.t('**Log-probabilities** — {0}', reasonText(role.reason));
  const distribution = distributionOf(array, kind, precision, array.shape.length > 1 ? matrixRows : 1);
  const lines = [heading, ''];
  if (array.shape.length > 1) lines.push(...matrixLines(distribution.rows, distribution.checks, array.shape, decimals, kind));
  else lines.push(...vectorLines(distribution.rows[0], kind, decimals));
  lines.push('', checkSentence(distribution.checks, kind, precision));
  return lines;
}

function vectorLines(row: DistributionRow, kind: 'probabilities' | 'logProbabilities', decimals: number): string[] {
  const n = row.probabilities.length;
  const long = n > wholeVector;
  const indices = long ? topK(row.probabilities, topEntries) : Array.from({ length: n }, (_, i) => i);
  const lines =
    kind === 'probabilities'
      ? [`| # | p | | ${vscode.l10n.t('log p')} |`, '|--:|--:|:--|--:|']
      : [`| # | ${vscode.l10n.t('log p')} | ${vscode.l10n.t('p = exp')} | |`, '|--:|--:|--:|:--|'];
  for (const i of indices) {
    const best = i === row.argmax;
    const index = best ? `**${i}** ★` : String(i);
    const p = formatProbability(row.probabilities[i], decimals);
    const logP = formatNumber(row.logProbabilities[i], 4);
    const barCell = `\`${bar(row.probabilities[i])}\``;
    lines.push(kind === 'probabilities' ? `| ${index} | ${best ? `**${p}**` : p} | ${barCell} | ${logP} |` : `| ${index} | ${logP} | ${best ? `**${p}**` : p} | ${barCell} |`);
  }
  if (long) lines.push('', vscode.l10n.t('… and {0} more', groupDigits(n - indices.length)));
  const entropy = vscode.l10n.t('entropy {0} nats ({1} bits)', formatNumber(row.entropyNats, 4), formatNumber(row.entropyNats / Math.LN2, 4));
  const implied = kind === 'probabilities' ? vscode.l10n.t('log p: the logits they imply, up to a constant') : vscode.l10n.t('p = exp(log p)');
  lines.push('', `${entropy} · ${implied}`);
  return lines;
}

function matrixLines(rows: DistributionRow[], checks: RowSumCheck[], shape: readonly number[], decimals: number, kind: 'probabilities' | 'logProbabilities'): string[] {
  const lines = [vscode.l10n.t('each row ({0}):', shapeText(shape)), ''];
  rows.forEach((row, r) => {
    const p = row.probabilities;
    const entries = Array.from({ length: Math.min(p.length, rowEntries) }, (_, i) => formatProbability(p[i], decimals));
    if (p.length > rowEntries) entries.push('…');
    const mark = row.check.sumsToOne === true ? '✓' : row.check.sumsToOne === false ? '⚠' : '?';
    const values = kind === 'probabilities' ? entries.join(', ') : vscode.l10n.t('exp: {0}', entries.join(', '));
    lines.push(`- ${vscode.l10n.t('row {0}: [{1}] · max {2} @ {3} · {4}', r, values, formatProbability(p[row.argmax], decimals), row.argmax, mark)}`);
  });
  if (checks.length > rows.length) lines.push('', vscode.l10n.t('… and {0} more rows', groupDigits(checks.length - rows.length)));
  return lines;
}

/** ✓, ⚠ or no verdict on the sums (logsumexps) of every row, with what the print's last digits allow. */
function checkSentence(checks: RowSumCheck[], kind: 'probabilities' | 'logProbabilities', precision: PrintPrecision | undefined): string {
  const printed = precisionWords(precision);
  const off = checks.map((c, r) => ({ c, r })).filter(({ c }) => c.sumsToOne === false);
  if (checks.length === 1) {
    const [c] = checks;
    const value = formatNumber(c.sum, 8);
    const allowed = formatNumber(c.tolerance, 2);
    if (kind === 'probabilities') {
      if (c.sumsToOne === true) return vscode.l10n.t('✓ They sum to 1 as far as their printing tells ({0}: 1 ± {1}).', printed, allowed);
      if (c.sumsToOne === false) return vscode.l10n.t('⚠ They sum to {0}, but {1} allow only 1 ± {2}: these are not the rounded probabilities of any distribution.', value, printed, allowed);
      return vscode.l10n.t('They sum to {0}; how their numbers were printed could not be read, so there is no verdict.', value);
    }
    if (c.sumsToOne === true) return vscode.l10n.t('✓ Their logsumexp is 0 as far as their printing tells ({0}: 0 ± {1}).', printed, allowed);
    if (c.sumsToOne === false) return vscode.l10n.t('⚠ Their logsumexp is {0}, but {1} allow only 0 ± {2}: these are not the log-probabilities of any distribution.', value, printed, allowed);
    return vscode.l10n.t('Their logsumexp is {0}; how their numbers were printed could not be read, so there is no verdict.', value);
  }
  if (off.length === 0) {
    if (checks.some((c) => c.sumsToOne === undefined)) return vscode.l10n.t('How the numbers were printed could not be read, so the rows get no verdict.');
    return kind === 'probabilities'
      ? vscode.l10n.t('✓ Every row sums to 1 as far as its printing tells ({0}).', printed)
      : vscode.l10n.t('✓ Every row has logsumexp 0 as far as its printing tells ({0}).', printed);
  }
  const named = off
    .slice(0, offRowsNamed)
    .map(({ c, r }) => vscode.l10n.t('row {0}: {1} (± {2})', r, formatNumber(c.sum, 8), formatNumber(c.tolerance, 2)))
    .join(', ');
  const more = off.length > offRowsNamed ? ', …' : '';
  return kind === 'probabilities'
    ? vscode.l10n.t('⚠ {0} of {1} rows do not sum to 1 as far as their printing ({2}) allows: {3}.', off.length, checks.length, printed, named + more)
    : vscode.l10n.t('⚠ {0} of {1} rows do not have logsumexp 0 as far as their printing ({2}) allows: {3}.', off.length, checks.length, printed, named + more);
}
