import * as vscode from 'vscode';
import { formatNumber, formatProbability, probabilityFacts, SoftmaxInputError, topK, type ArrayRole, type Breakdown, type FoundArray } from '../core';
import { errorText } from '../l10n/coreErrors';
import { reasonText } from '../l10n/roleText';
import { precisionOf, type ArrayRoles } from './arrayRoles';
import { rowArgmax, rowFacts, rowProbabilities, softmaxOfArraySoon, type ArraySoftmax } from './arraySoftmax';
import { bar, distributionLines } from './distributionHover';
import type { DocumentArrays } from './documentCache';
import { readSettings } from './settings';
import { groupDigits, shapeText } from './summaries';

/** Vectors up to this length are listed whole; longer ones show their top entries. */
const wholeVector = 20;
const topEntries = 10;
/** Rows of a matrix listed one per line, and entries listed per row. */
const matrixRows = 20;
const rowEntries = 6;

/**
 * What the array under the mouse is and what it holds: for logits a table of their softmax; for printed
 * probabilities and log-probabilities their own facts; for a shape a short note. Links to the walkthrough.
 */
export class SoftmaxHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly arrays: DocumentArrays,
    private readonly roles: ArrayRoles,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = readSettings(document);
    if (!settings.hoverEnabled) return undefined;
    const array = await this.arrays.arrayAt(document, position, token);
    if (!array || token.isCancellationRequested) return undefined;
    const range = new vscode.Range(document.positionAt(array.start), document.positionAt(array.end));
    const role = this.roles.roleOf(document, array);
    if (role.role === 'shape') return new vscode.Hover(shapeNote(role), range);
    if (role.role === 'probabilities' || role.role === 'logProbabilities') {
      const lines = distributionLines(array, role, precisionOf(document, array), settings.decimals);
      return new vscode.Hover(withWalkthroughLink(lines, document.uri, array), range);
    }
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
    return new vscode.Hover(hoverMarkdown(document.uri, array, result, settings.decimals), range);
  }
}

/** A shape has no softmax to show: what it was read as, and that Compute Softmax still takes it. */
function shapeNote(role: ArrayRole): vscode.MarkdownString {
  return new vscode.MarkdownString(
    vscode.l10n.t('**A shape** — {0}. Sizes, indices and ranges have no softmax worth showing; Compute Softmax still takes them if you ask.', reasonText(role.reason)),
  );
}

/** The hover's text for logits, given their softmax (or why softmax cannot be taken). */
export function hoverMarkdown(uri: vscode.Uri, array: FoundArray, result: ArraySoftmax | SoftmaxInputError, decimals: number): vscode.MarkdownString {
  const lines: string[] = [];
  if (result instanceof SoftmaxInputError) lines.push(vscode.l10n.t('**Softmax** cannot be taken: {0}', errorText(result)));
  else if (result.steps) lines.push(...vectorTable(result.steps, decimals));
  else lines.push(...matrixLines(result, decimals));
  return withWalkthroughLink(lines, uri, array);
}

/** The lines as trusted Markdown, ending with the link that opens the walkthrough on the array (and no other command). */
function withWalkthroughLink(lines: string[], uri: vscode.Uri, array: FoundArray): vscode.MarkdownString {
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
    // Every column named, the bar last: the Accessible View reads each row's numbers before its block characters.
    `| # | ${vscode.l10n.t('logit')} | p | ${vscode.l10n.t('bar')} |`,
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
