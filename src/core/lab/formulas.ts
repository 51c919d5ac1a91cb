// The lab's formulas, each built once as TeX for KaTeX and as its plain reading for screen readers without MathML,
// from the same printed numbers (the digits of tex.ts and reading.ts).
import type { Breakdown } from '../breakdown';
import type { ReadingWords } from '../reading';
import { fillTemplate, spokenNumber } from '../template';
import { logitSymbol, printedNumber, printedProbability, texNumber, type TexOptions } from '../tex';
import type { Comparison } from './compare';
import type { Sampled, SamplingStage } from './sampling';

/** One typeset formula and how it is read. */
export interface Formula {
  tex: string;
  reading: string;
}

/** A number two ways: TeX and read aloud. */
interface Printed {
  tex: string;
  reading: string;
}

function asPrinted(printed: string): Printed {
  return { tex: texNumber(printed), reading: spokenNumber(printed) };
}

function num(x: number, options: TexOptions): Printed {
  return asPrinted(printedNumber(x, options));
}

function prob(p: number, options: TexOptions): Printed {
  return asPrinted(printedProbability(p, options));
}

/** How many entries a vector or matrix row writes out before eliding the rest. */
export const writtenEntries = 8;

/** A row vector: `\begin{pmatrix} a & b & \cdots \end{pmatrix}` and `(a, b, …)`, the first `writtenEntries` entries. */
function rowVector(values: ArrayLike<number>, print: (x: number) => Printed): Printed {
  const shown = Array.from({ length: Math.min(values.length, writtenEntries) }, (_, j) => print(values[j]));
  const more = values.length > writtenEntries;
  return {
    tex: `\\begin{pmatrix} ${shown.map((p) => p.tex).join(' & ')}${more ? ' & \\cdots' : ''} \\end{pmatrix}`,
    reading: `(${shown.map((p) => p.reading).join(', ')}${more ? ', …' : ''})`,
  };
}

/** The distribution a filter saw: p before any filter, p′ after one, p″ after two. */
function seenSymbol(position: number): Printed {
  return [
    { tex: 'p', reading: 'p' },
    { tex: "p'", reading: 'p′' },
    { tex: "p''", reading: 'p″' },
  ][position];
}

/** One filter's rule with its numbers: which entries it keeps, and how many. */
export function samplingStageFormula(stage: SamplingStage, position: number, options: TexOptions, words: ReadingWords): Formula {
  const s = seenSymbol(position);
  const value = prob(stage.value, options);
  switch (stage.filter) {
    case 'topK':
      return {
        tex: `K_k = \\{\\, i : ${s.tex}_i \\ge ${s.tex}_{(k)} \\,\\}, \\quad k = ${stage.parameter}, \\quad ${s.tex}_{(k)} = ${value.tex}, \\quad |K_k| = ${stage.kept}`,
        reading: `i ∈ K_k ⇔ ${s.reading}_i ≥ ${s.reading}_(k), k = ${stage.parameter}, ${s.reading}_(k) = ${value.reading}, |K_k| = ${stage.kept}`,
      };
    case 'topP': {
      const parameter = num(stage.parameter, options);
      return {
        tex: `\\sum_{i \\in K_p} ${s.tex}_i = ${value.tex} \\ge P = ${parameter.tex}, \\quad |K_p| = ${stage.kept}`,
        reading: `${fillTemplate(words.sumOver, 'i ∈ K_p', `${s.reading}_i`)} = ${value.reading} ≥ P = ${parameter.reading}, |K_p| = ${stage.kept}`,
      };
    }
    case 'minP': {
      const parameter = num(stage.parameter, options);
      return {
        tex: `K_m = \\{\\, i : ${s.tex}_i \\ge p_{\\min} \\cdot \\max_j ${s.tex}_j \\,\\}, \\quad p_{\\min} = ${parameter.tex}, \\quad p_{\\min} \\cdot \\max_j ${s.tex}_j = ${value.tex}, \\quad |K_m| = ${stage.kept}`,
        reading: `i ∈ K_m ⇔ ${s.reading}_i ≥ p_min · max(${s.reading}), p_min = ${parameter.reading}, p_min · max(${s.reading}) = ${value.reading}, |K_m| = ${stage.kept}`,
      };
    }
  }
}

/** Renormalizing over the survivors K: p̃_i = p_i / Z with Z their mass, 0 outside K. */
export function renormalizeFormula(sampled: Sampled, options: TexOptions, words: ReadingWords): Formula {
  const z = prob(sampled.keptMass, options);
  return {
    tex: `\\tilde p_i = \\frac{p_i}{Z} \\;\\; (i \\in K), \\quad \\tilde p_i = 0 \\;\\; (i \\notin K), \\quad Z = \\sum_{j \\in K} p_j = ${z.tex}`,
    reading: `p̃_i = p_i / Z (i ∈ K), p̃_i = 0 (i ∉ K), Z = ${fillTemplate(words.sumOver, 'j ∈ K', 'p_j')} = ${z.reading}`,
  };
}

/** One entry renormalized: `p̃_i = p_i / Z = value`, or 0 for an entry cut. */
export function renormalizedEntryFormula(b: Breakdown, sampled: Sampled, i: number, options: TexOptions): Formula {
  const after = prob(sampled.after.probabilities[i], options);
  if (sampled.kept[i] === 0) return { tex: `\\tilde p_{${i}} = 0`, reading: `p̃${i} = 0` };
  const p = prob(b.probabilities[i], options);
  const z = prob(sampled.keptMass, options);
  return {
    tex: `\\tilde p_{${i}} = \\frac{${p.tex}}{${z.tex}} = ${after.tex}`,
    reading: `p̃${i} = ${p.reading} / ${z.reading} = ${after.reading}`,
  };
}

/** Entropy and perplexity of a distribution (`p`, or `p̃` after the filters). */
export function perplexityFormula(entropyNats: number, filtered: boolean, options: TexOptions, words: ReadingWords): Formula {
  const d = filtered ? { tex: '\\tilde p', reading: 'p̃' } : { tex: 'p', reading: 'p' };
  const h = num(entropyNats, options);
  const pp = num(Math.exp(entropyNats), options);
  return {
    tex: `H(${d.tex}) = ${h.tex}\\ \\text{nats}, \\quad \\operatorname{PPL}(${d.tex}) = e^{H(${d.tex})} = ${pp.tex}`,
    reading: `H(${d.reading}) = ${h.reading} ${words.nats}, PPL(${d.reading}) = exp(H(${d.reading})) = ${pp.reading}`,
  };
}

/** What the second distribution is: q = softmax(y / T) of the array compared with. */
export function comparedFormula(temperature: number): Formula {
  if (temperature === 1) return { tex: 'q = \\operatorname{softmax}(y)', reading: 'q = softmax(y)' };
  return { tex: 'q = \\operatorname{softmax}(y / T)', reading: 'q = softmax(y / T)' };
}

/** KL both ways, the cross-entropy and the total variation, each with its value. */
export function comparisonFormulas(c: Comparison, options: TexOptions, words: ReadingWords): Formula[] {
  const v = (x: number) => num(x, options);
  const [pq, qp, ce, tv] = [v(c.klPQ), v(c.klQP), v(c.crossEntropy), v(c.totalVariation)];
  const over = (term: string) => fillTemplate(words.sumOver, 'i', term);
  return [
    {
      tex: `\\operatorname{KL}(p \\,\\|\\, q) = \\sum_i p_i \\ln \\frac{p_i}{q_i} = ${pq.tex}`,
      reading: `KL(p ‖ q) = ${over('p_i · ln(p_i / q_i)')} = ${pq.reading}`,
    },
    {
      tex: `\\operatorname{KL}(q \\,\\|\\, p) = \\sum_i q_i \\ln \\frac{q_i}{p_i} = ${qp.tex}`,
      reading: `KL(q ‖ p) = ${over('q_i · ln(q_i / p_i)')} = ${qp.reading}`,
    },
    {
      tex: `H(p, q) = -\\sum_i p_i \\ln q_i = H(p) + \\operatorname{KL}(p \\,\\|\\, q) = ${ce.tex}`,
      reading: `H(p, q) = −(${over('p_i · ln q_i')}) = H(p) + KL(p ‖ q) = ${ce.reading}`,
    },
    {
      tex: `\\operatorname{TV}(p, q) = \\frac{1}{2} \\sum_i \\lvert p_i - q_i \\rvert = ${tv.tex}`,
      reading: `TV(p, q) = 1/2 · ${over('|p_i − q_i|')} = ${tv.reading}`,
    },
  ];
}

/** Column headings of the per-entry table of a comparison. */
export function comparisonHeadings(): Formula[] {
  return [
    { tex: 'i', reading: 'i' },
    { tex: 'p_i', reading: 'p_i' },
    { tex: 'q_i', reading: 'q_i' },
    { tex: 'p_i \\ln \\frac{p_i}{q_i}', reading: 'p_i · ln(p_i / q_i)' },
    { tex: 'q_i \\ln \\frac{q_i}{p_i}', reading: 'q_i · ln(q_i / p_i)' },
    { tex: '-p_i \\ln q_i', reading: '−p_i · ln q_i' },
    { tex: '\\tfrac{1}{2} \\lvert p_i - q_i \\rvert', reading: '1/2 · |p_i − q_i|' },
  ];
}

/** The gradient of L = −ln p_y with respect to the (scaled) logits, for the target y. */
export function gradientFormula(temperature: number, target: number): Formula {
  const v = logitSymbol(temperature);
  return {
    tex: `\\frac{\\partial \\mathcal{L}}{\\partial ${v}_i} = p_i - [\\, i = y \\,], \\quad y = ${target}`,
    reading: `∂L/∂${v}_i = p_i − [i = y], y = ${target}`,
  };
}

/** The gradient as a row of numbers: `∇L = (…)`. */
export function gradientVectorFormula(gradient: ArrayLike<number>, temperature: number, options: TexOptions): Formula {
  const v = logitSymbol(temperature);
  const row = rowVector(gradient, (x) => prob(x, options));
  return { tex: `\\nabla_{${v}} \\mathcal{L} = ${row.tex}`, reading: `∇_${v} L = ${row.reading}` };
}

/** With a temperature the logits x reach the loss through z = x / T: the chain rule divides by T. */
export function gradientChainFormula(): Formula {
  return {
    tex: '\\frac{\\partial \\mathcal{L}}{\\partial x_i} = \\frac{1}{T} \\, \\frac{\\partial \\mathcal{L}}{\\partial z_i}',
    reading: '∂L/∂x_i = (1 / T) · ∂L/∂z_i',
  };
}

/** The softmax Jacobian typeset as a matrix: J = diag(p) − p pᵀ with its numbers. */
export function jacobianFormula(jacobian: ArrayLike<number>, n: number, temperature: number, options: TexOptions): Formula {
  const v = logitSymbol(temperature);
  const rows: Printed[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: n }, (_, j) => prob(jacobian[i * n + j], options)));
  const tex = rows.map((row) => row.map((p) => p.tex).join(' & ')).join(' \\\\ ');
  const reading = rows.map((row) => `(${row.map((p) => p.reading).join(', ')})`).join(', ');
  return {
    tex: `J = \\frac{\\partial p}{\\partial ${v}} = \\operatorname{diag}(p) - p\\,p^{\\top} = \\begin{pmatrix} ${tex} \\end{pmatrix}`,
    reading: `J = ∂p/∂${v} = diag(p) − p pᵀ = (${reading})`,
  };
}

/** The general entry of the Jacobian. */
export function jacobianEntryFormula(temperature: number): Formula {
  const v = logitSymbol(temperature);
  return {
    tex: `\\frac{\\partial p_i}{\\partial ${v}_j} = p_i \\left( [\\, i = j \\,] - p_j \\right)`,
    reading: `∂p_i/∂${v}_j = p_i · ([i = j] − p_j)`,
  };
}

/** Attention's softmax, with √d and the mask written out. */
export function attentionFormulas(d: number, causal: boolean, options: TexOptions): Formula[] {
  const root = num(Math.sqrt(d), options);
  const mask = causal
    ? { tex: 'M_{ij} = \\begin{cases} 0 & j \\le i \\\\ -\\infty & j > i \\end{cases}', reading: 'M_ij = 0 (j ≤ i), M_ij = −∞ (j > i)' }
    : { tex: 'M = 0', reading: 'M = 0' };
  return [
    {
      tex: `W = \\operatorname{softmax}\\!\\left( \\frac{S}{\\sqrt{d}} + M \\right), \\quad \\sqrt{d} = \\sqrt{${d}} = ${root.tex}`,
      reading: `W = softmax(S / √d + M), √d = √${d} = ${root.reading}`,
    },
    mask,
  ];
}

/** One query's row of attention, step by step: scaled and masked scores, their shift and sum, the weights. */
export function attentionRowFormulas(b: Breakdown, row: number, options: TexOptions, words: ReadingWords): Formula[] {
  const scaled = rowVector(b.scaled, (x) => num(x, options));
  const weights = rowVector(b.probabilities, (p) => prob(p, options));
  const m = num(b.max, options);
  const s = num(b.sum, options);
  return [
    { tex: `a_{${row}} = \\frac{s_{${row}}}{\\sqrt{d}} + M_{${row}} = ${scaled.tex}`, reading: `a${row} = s${row} / √d + M${row} = ${scaled.reading}` },
    {
      tex: `m = \\max_j a_{${row}j} = ${m.tex}, \\quad S = \\sum_j e^{a_{${row}j} - m} = ${s.tex}`,
      reading: `m = max(a${row}) = ${m.reading}, S = ${fillTemplate(words.sumOver, 'j', `exp(a${row}_j − m)`)} = ${s.reading}`,
    },
    {
      tex: `w_{${row}} = \\operatorname{softmax}(a_{${row}}) = \\frac{e^{a_{${row}} - m}}{S} = ${weights.tex}`,
      reading: `w${row} = softmax(a${row}) = exp(a${row} − m) / S = ${weights.reading}`,
    },
  ];
}
