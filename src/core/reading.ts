// Plain readings of the walkthrough's formulas, for screen readers that cannot read MathML: the same
// symbols and printed digits as tex.ts, written linearly ("p0 = exp(x0 − m) / S = 1 / 1.517 = 0.6590").
import type { Breakdown } from './breakdown';
import { fillTemplate, spokenNumber } from './template';
import { probabilityFacts, type ProbabilityFacts } from './format';
import { logitSymbol, printedNumber, printedProbability, type TexOptions } from './tex';

/** The few words a reading holds, localized by the caller; `{n}` placeholders are filled in order. */
export interface ReadingWords {
  /** `{0}` the index, `{1}` the term: "sum over j of exp(x_j − m)". */
  sumOver: string;
  /** `{0}` the index, `{1}` its first and `{2}` its last value, `{3}` the term. */
  sumFromTo: string;
  nats: string;
  bits: string;
}

export const englishReadingWords: ReadingWords = {
  sumOver: 'sum over {0} of {1}',
  sumFromTo: 'sum over {0} from {1} to {2} of {3}',
  nats: 'nats',
  bits: 'bits',
};

function number(x: number, options: TexOptions): string {
  return spokenNumber(printedNumber(x, options));
}

function probability(p: number, options: TexOptions, facts?: ProbabilityFacts): string {
  return spokenNumber(printedProbability(p, options, facts));
}

/** Wraps a negative number in parentheses where it follows an operator. */
function operand(reading: string): string {
  return reading.startsWith('−') ? `(${reading})` : reading;
}

/** The softmax formula (formulaTex). */
export function formulaReading(temperature: number, options: TexOptions, words: ReadingWords): string {
  const v = logitSymbol(temperature);
  const argument = temperature === 1 ? 'x' : 'x / T';
  const softmax = `p_i = softmax(${argument})_i = exp(${v}_i − m) / (${fillTemplate(words.sumOver, 'j', `exp(${v}_j − m)`)})`;
  if (temperature === 1) return `${softmax}, m = max(x)`;
  return `${softmax}, z_i = x_i / T, m = max(z), T = ${number(temperature, options)}`;
}

/** Names of the step 1 table's columns (stepTableHeadingsTex). */
export function stepTableHeadingsReading(temperature: number): string[] {
  const headings = ['i', 'x_i'];
  if (temperature !== 1) headings.push('z_i = x_i / T');
  const v = logitSymbol(temperature);
  headings.push(`${v}_i − m`, `exp(${v}_i − m)`);
  return headings;
}

/** Step 2 (sumTex): the same terms written out, the same elision. */
export function sumReading(b: Breakdown, indices: readonly number[], options: TexOptions, words: ReadingWords): string {
  const n = b.probabilities.length;
  const v = logitSymbol(b.temperature);
  const parts = [`S = ${fillTemplate(words.sumFromTo, 'j', 0, n - 1, `exp(${v}_j − m)`)}`];
  const elided = indices.length < n;
  const tail = elided ? ' + …' : '';
  if (!elided && n <= 8) parts.push(indices.map((i) => `exp(${number(b.shifted[i], options)})`).join(' + '));
  parts.push(indices.map((i) => number(b.exps[i], options)).join(' + ') + tail);
  parts.push(number(b.sum, options));
  return parts.join(' = ');
}

/** Step 3 for one entry (normalizeTex), with the same facts of the entry in its row. */
export function normalizeReading(b: Breakdown, i: number, options: TexOptions, facts?: ProbabilityFacts): string {
  const v = logitSymbol(b.temperature);
  const known = facts ?? probabilityFacts(b.logits, b.probabilities, b.temperature, b.logProbabilities)(i);
  const printed = probability(b.probabilities[i], options, known);
  const relation = printed[0] === '>' || printed[0] === '<' ? `${printed[0]} ${printed.slice(1)}` : `= ${printed}`;
  return `p${i} = exp(${v}${i} − m) / S = ${number(b.exps[i], options)} / ${number(b.sum, options)} ${relation}`;
}

/** Log-softmax for one entry (logSoftmaxTex). */
export function logSoftmaxReading(b: Breakdown, i: number, options: TexOptions): string {
  const v = logitSymbol(b.temperature);
  return `ln p${i} = ${v}${i} − m − ln S = ${number(b.logProbabilities[i], options)}`;
}

/** The general log-softmax line (logSoftmaxFormulaTex). */
export function logSoftmaxFormulaReading(temperature: number): string {
  const v = logitSymbol(temperature);
  return `ln p_i = ${v}_i − LSE(${v}) = ${v}_i − m − ln S`;
}

/** logsumexp through the shift (logSumExpTex). */
export function logSumExpReading(b: Breakdown, options: TexOptions, words: ReadingWords): string {
  const v = logitSymbol(b.temperature);
  const lnS = number(Math.log(b.sum), options);
  return `LSE(${v}) = ln(${fillTemplate(words.sumOver, 'j', `exp(${v}_j)`)}) = m + ln S = ${number(b.max, options)} + ${operand(lnS)} = ${number(b.logSumExp, options)}`;
}

/** Entropy in nats and bits (entropyTex). */
export function entropyReading(b: Breakdown, options: TexOptions, words: ReadingWords): string {
  const sum = fillTemplate(words.sumOver, 'i', 'p_i · ln p_i');
  return `H(p) = −(${sum}) = ${number(b.entropyNats, options)} ${words.nats} = ${number(b.entropyBits, options)} ${words.bits}`;
}

/** Cross-entropy against the target class (crossEntropyTex). */
export function crossEntropyReading(b: Breakdown, target: number, options: TexOptions): string {
  return `L_CE = −ln p${target} = ${number(-b.logProbabilities[target], options)}`;
}
