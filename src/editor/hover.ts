import * as vscode from 'vscode';
import { formatNumber, formatProbability, probabilityFacts, rowSums, SoftmaxInputError, topK, type Breakdown, type FoundArray } from '../core';
import { errorText } from '../l10n/coreErrors';
import { rowArgmax, rowFacts, rowProbabilities, softmaxOfArraySoon, type ArraySoftmax } from './arraySoftmax';
import type { DocumentArrays } from './documentCache';
import { readSettings } from './settings';
import { groupDigits, shapeText } from './summaries';

/** Vectors up to this length are listed whole; longer ones show their top entries. */
const wholeVector = 20;
const topEntries = 10;
/** Rows of a matrix listed one per line, and entries listed per row. */
const matrixRows = 20;
const rowEntries = 6;
const barWidth = 10;
/** A printed probability vector should sum to 1 this closely. */
const sumTolerance = 1e-6;

/** A table of the probabilities of the array under the mouse, with a link to the walkthrough. */
export class SoftmaxHoverProvider implements vscode.HoverProvider {
  constructor(private readonly arrays: DocumentArrays) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = readSettings(document);
    if (!settings.hoverEnabled) return undefined;
    const array = await this.arrays.arrayAt(document, position, token);
    if (!array || token.isCancellationRequested) return undefined;
    const version = document.version;
    let result: ArraySoftmax | SoftmaxInputError;
    try {
      // A million logits take many short steps, each on its own turn, and a stale request stops early.
      const stillWanted = () => !token.isCancellationRequested && !document.isClosed && document.version === version;
      const computed = await softmaxOfArraySoon(array, settings.temperature, stillWanted);
      if (!computed) return undefined;
      result = computed;
    } catch (error) {
      if (!(error instanceof SoftmaxInputError)) throw error;
      result = error;
    }
    const range = new vscode.Range(document.positionAt(array.start), document.positionAt(array.end));
    return new vscode.Hover(hoverMarkdown(document.uri, array, result, settings.decimals), range);
  }
}

/** The hover's text for an array, given its softmax (or why softmax cannot be taken). */
export function hoverMarkdown(uri: vscode.Uri, array: FoundArray, result: ArraySoftmax | SoftmaxInputError, decimals: number): vscode.MarkdownString {
  const lines: string[] = [];
  if (result instanceof SoftmaxInputError) lines.push(vscode.l10n.t('**Softmax** cannot be taken: {0}', errorText(result)));
  else if (result.steps) lines.push(...vectorTable(result.steps, decimals));
  else lines.push(...matrixLines(result, decimals));
  const check = probabilityCheck(array);
  if (check) lines.push('', check);
  const args = encodeURIComponent(JSON.stringify([{ uri: uri.toString(), start: array.start }]));
  lines.push('', `[${vscode.l10n.t('Show the steps')}](command:softmaxLens.showWalkthrough?${args} "${vscode.l10n.t('Open the softmax walkthrough for this array')}")`);
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.isTrusted = { enabledCommands: ['softmaxLens.showWalkthrough'] };
  return markdown;
}

function heading(b: Breakdown | ArraySoftmax, what: string): string {
  return b.temperature === 1
    ? vscode.l10n.t('**Softmax** of {0}', what)
    : vscode.l10n.t('**Softmax** of {0} at temperature {1}', what, formatNumber(b.temperature));
}

function vectorTable(b: Breakdown, decimals: number): string[] {
  const n = b.probabilities.length;
  const long = n > wholeVector;
  const indices = long ? topK(b.probabilities, topEntries) : Array.from({ length: n }, (_, i) => i);
  const lines = [
    heading(b, long ? vscode.l10n.t('{0} logits (top {1})', groupDigits(n), topEntries) : vscode.l10n.t('{0} logits', n)),
    '',
    `| # | ${vscode.l10n.t('logit')} | p | |`,
    '|--:|--:|--:|:--|',
  ];
  const facts = probabilityFacts(b.logits, b.probabilities, b.temperature, b.logProbabilities);
  for (const i of indices) {
    const p = formatProbability(b.probabilities[i], decimals, facts(i));
    const best = i === b.argmax;
    lines.push(`| ${best ? `**${i}** ★` : i} | ${formatNumber(b.logits[i])} | ${best ? `**${p}**` : p} | \`${bar(b.probabilities[i])}\` |`);
  }
  if (long) lines.push('', vscode.l10n.t('… and {0} more', groupDigits(n - indices.length)));
  lines.push(
    '',
    vscode.l10n.t(
      'Σ exp(x − max) = {0} · entropy {1} nats ({2} bits) · logsumexp {3}',
      formatNumber(b.sum),
      formatNumber(b.entropyNats, 4),
      formatNumber(b.entropyBits, 4),
      formatNumber(b.logSumExp),
    ),
  );
  return lines;
}

function matrixLines(result: ArraySoftmax, decimals: number): string[] {
  const lines = [heading(result, vscode.l10n.t('each row ({0})', shapeText(result.array.shape))), ''];
  const shown = Math.min(result.rows, matrixRows);
  for (let r = 0; r < shown; r++) {
    const p = rowProbabilities(result, r);
    const best = rowArgmax(result, r);
    const facts = rowFacts(result, r);
    const format = (i: number) => formatProbability(p[i], decimals, facts(i));
    const entries = Array.from({ length: Math.min(p.length, rowEntries) }, (_, i) => format(i));
    if (p.length > rowEntries) entries.push('…');
    lines.push(`- ${vscode.l10n.t('row {0}: [{1}] · max {2} @ {3}', r, entries.join(', '), format(best), best)}`);
  }
  if (result.rows > shown) lines.push('', vscode.l10n.t('… and {0} more rows', groupDigits(result.rows - shown)));
  return lines;
}

/** Eighth blocks, so a bar shows p to 1/80 within ten characters. */
function bar(p: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, p)) * barWidth * 8);
  const partial = eighths % 8 === 0 ? '' : ' ▏▎▍▌▋▊▉'[eighths % 8];
  return ('█'.repeat(Math.floor(eighths / 8)) + partial).padEnd(barWidth, ' ');
}

/**
 * When every value lies in [0, 1] the array is probably a printed softmax output: say whether each row sums
 * to 1, since printed results that do not are common and this is where a reader catches them.
 */
function probabilityCheck(array: FoundArray): string | undefined {
  const { values } = array;
  for (let i = 0; i < values.length; i++) if (!(values[i] >= 0 && values[i] <= 1)) return undefined;
  const sums = rowSums(values, array.shape);
  const rows = sums.length;
  const off: string[] = [];
  sums.forEach((sum, r) => {
    if (Math.abs(sum - 1) > sumTolerance) off.push(rows === 1 ? formatNumber(sum, 8) : vscode.l10n.t('row {0}: {1}', r, formatNumber(sum, 8)));
  });
  if (off.length === 0) {
    return rows === 1
      ? vscode.l10n.t('✓ These values look like probabilities, and they sum to 1 (within 1e-6).')
      : vscode.l10n.t('✓ These values look like probabilities, and every row sums to 1 (within 1e-6).');
  }
  const shownOff = off.slice(0, 5).join(', ') + (off.length > 5 ? ', …' : '');
  return rows === 1
    ? vscode.l10n.t('⚠ These values look like probabilities, but they sum to {0}, not 1.', shownOff)
    : vscode.l10n.t('⚠ These values look like probabilities, but {0} of {1} rows do not sum to 1: {2}.', off.length, rows, shownOff);
}
