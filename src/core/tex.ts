// TeX for the walkthrough: the formula and each step, written from a Breakdown. KaTeX typesets these in the webview.
import type { Breakdown } from './breakdown';
import { formatNumber, formatProbability, probabilityFacts, type ProbabilityFacts } from './format';

export interface TexOptions {
  /** Decimals for probabilities; other numbers get `significantDigits(decimals)` significant digits. */
  decimals: number;
}

/** Logits, exp terms and sums are shown to as many significant digits as probabilities have decimals, and at least 3. */
export function significantDigits(decimals: number): number {
  return Math.max(3, decimals);
}

/** Writes a number the core's formatter printed (`0.25`, `-3`, `1.2e-9`, `-Infinity`) as TeX. */
export function texNumber(printed: string): string {
  const text = printed.trim();
  if (/^[-−]?(Infinity|inf|∞)$/i.test(text)) return text.startsWith('-') || text.startsWith('−') ? '-\\infty' : '\\infty';
  const scientific = /^(-?\d+(?:\.\d+)?)e([+-]?)(\d+)$/i.exec(text);
  if (scientific) {
    const exponent = (scientific[2] === '-' ? '-' : '') + scientific[3].replace(/^0+(?=\d)/, '');
    return `${scientific[1]} \\times 10^{${exponent}}`;
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  return `\\text{${text.replace(/[^0-9A-Za-z.+-]/g, '')}}`;
}

/** The logits' symbol in every formula: x, or z once a temperature has divided them. */
export function logitSymbol(temperature: number): 'x' | 'z' {
  return temperature === 1 ? 'x' : 'z';
}

/** A logit, exp term or sum as the formulas print it (the plain readings print the same digits). */
export function printedNumber(x: number, options: TexOptions): string {
  return formatNumber(x, significantDigits(options.decimals));
}

/** A probability as the formulas print it: its digits, or `>0.9999` / `<1e-4` where digits alone would mislead. */
export function printedProbability(p: number, options: TexOptions, facts?: ProbabilityFacts): string {
  return formatProbability(p, options.decimals, facts);
}

function number(x: number, options: TexOptions): string {
  return texNumber(printedNumber(x, options));
}

/** `= 0.6590`, or `> 0.9999` where the probability is below 1 but reads as the double 1. */
function probabilityRelation(p: number, options: TexOptions, facts: ProbabilityFacts): string {
  const printed = printedProbability(p, options, facts);
  const bound = printed[0] === '>' || printed[0] === '<' ? printed[0] : '';
  return `${bound || '='} ${texNumber(bound ? printed.slice(1) : printed)}`;
}

/** Wraps a negative number in parentheses where it follows an operator. */
function operand(tex: string): string {
  return tex.startsWith('-') ? `(${tex})` : tex;
}

/** The softmax formula; with a temperature other than 1 the logits are divided by T first. */
export function formulaTex(temperature: number, options: TexOptions): string {
  const v = logitSymbol(temperature);
  const argument = temperature === 1 ? 'x' : 'x / T';
  const softmax = `p_i = \\operatorname{softmax}(${argument})_i = \\frac{e^{${v}_i - m}}{\\sum_{j} e^{${v}_j - m}}`;
  if (temperature === 1) return `${softmax}, \\qquad m = \\max_j x_j`;
  return `${softmax}, \\qquad z_i = \\frac{x_i}{T}, \\quad m = \\max_j z_j, \\quad T = ${number(temperature, options)}`;
}

/** Column headings of the step 1 table: index, logit, (scaled logit), shifted, exponential. */
export function stepTableHeadingsTex(temperature: number): string[] {
  const headings = ['i', 'x_i'];
  if (temperature !== 1) headings.push('z_i = x_i / T');
  const v = logitSymbol(temperature);
  headings.push(`${v}_i - m`, `e^{${v}_i - m}`);
  return headings;
}

/**
 * Step 2: `S`, its terms as exponentials (short arrays), their values, and the total.
 * `indices` lists the terms written out; the rest of the array is elided with `\cdots`.
 */
export function sumTex(b: Breakdown, indices: readonly number[], options: TexOptions): string {
  const n = b.probabilities.length;
  const v = logitSymbol(b.temperature);
  const parts = [`S = \\sum_{j=0}^{${n - 1}} e^{${v}_j - m}`];
  const elided = indices.length < n;
  const tail = elided ? ' + \\cdots' : '';
  if (!elided && n <= 8) {
    parts.push(indices.map((i) => `e^{${number(b.shifted[i], options)}}`).join(' + '));
  }
  parts.push(indices.map((i) => number(b.exps[i], options)).join(' + ') + tail);
  parts.push(number(b.sum, options));
  return parts.join(' = ');
}

/**
 * Step 3 for one entry: `p_i = e^{x_i - m} / S`, the division written out, and the probability; `facts` are those
 * of the entry in its row (probabilityFacts), worked out here when not given.
 */
export function normalizeTex(b: Breakdown, i: number, options: TexOptions, facts?: ProbabilityFacts): string {
  const v = logitSymbol(b.temperature);
  const division = `\\frac{${number(b.exps[i], options)}}{${number(b.sum, options)}}`;
  const known = facts ?? probabilityFacts(b.logits, b.probabilities, b.temperature, b.logProbabilities)(i);
  return `p_{${i}} = \\frac{e^{${v}_{${i}} - m}}{S} = ${division} ${probabilityRelation(b.probabilities[i], options, known)}`;
}

/** Log-softmax for one entry, computed without a division: `log p_i = x_i - m - ln S`. */
export function logSoftmaxTex(b: Breakdown, i: number, options: TexOptions): string {
  const v = logitSymbol(b.temperature);
  return `\\ln p_{${i}} = ${v}_{${i}} - m - \\ln S = ${number(b.logProbabilities[i], options)}`;
}

/** The general log-softmax line shown above the per-entry values. */
export function logSoftmaxFormulaTex(temperature: number): string {
  const v = logitSymbol(temperature);
  return `\\ln p_i = ${v}_i - \\operatorname{LSE}(${v}) = ${v}_i - m - \\ln S`;
}

/** logsumexp through the shift: `LSE(x) = m + ln S`. */
export function logSumExpTex(b: Breakdown, options: TexOptions): string {
  const v = logitSymbol(b.temperature);
  const m = number(b.max, options);
  const lnS = number(Math.log(b.sum), options);
  return `\\operatorname{LSE}(${v}) = \\ln \\sum_j e^{${v}_j} = m + \\ln S = ${m} + ${operand(lnS)} = ${number(b.logSumExp, options)}`;
}

/** Entropy of the distribution in nats and bits. */
export function entropyTex(b: Breakdown, options: TexOptions): string {
  return `H(p) = -\\sum_i p_i \\ln p_i = ${number(b.entropyNats, options)}\\ \\text{nats} = ${number(b.entropyBits, options)}\\ \\text{bits}`;
}

/** Cross-entropy against the target class `t`: the negative log-probability of that class. */
export function crossEntropyTex(b: Breakdown, target: number, options: TexOptions): string {
  return `\\mathcal{L}_{\\text{CE}} = -\\ln p_{${target}} = ${number(-b.logProbabilities[target], options)}`;
}
