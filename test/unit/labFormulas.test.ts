// The lab's formulas: every TeX string typesets under KaTeX's strictest settings, and its reading says the same numbers.
import * as assert from 'assert';
import katex from 'katex';
import { breakdown, lab, runSteps, type Breakdown } from '../../src/core';
import { englishReadingWords } from '../../src/core/reading';

const words = englishReadingWords;

function typeset(tex: string): void {
  katex.renderToString(tex, { strict: 'error', throwOnError: true, trust: false, maxSize: 20, maxExpand: 200, displayMode: true });
}

/** The numbers a TeX string shows, subscripts and the primes of p′ left out. */
function texNumbers(tex: string): string[] {
  const plain = tex
    .replace(/_\{[^{}]*\}|_[A-Za-z0-9]/g, ' ')
    .replace(/\\sqrt\{(\d+)\}/g, ' $1 ')
    .replace(/(-?\d+(?:\.\d+)?) \\times 10\^\{(-?\d+)\}/g, '$1e$2')
    .replace(/\\frac\{1\}\{2\}|\\tfrac\{1\}\{2\}/g, ' 1/2 ')
    .replace(/\\frac\{1\}\{T\}/g, ' 1 / T ')
    .replace(/\\infty/g, '∞');
  return plain.match(/-?(?:\d+(?:\/\d+)?(?:\.\d+)?(?:e-?\d+)?|∞)/g) ?? [];
}

/** The numbers a reading says, indices glued to their symbol (p̃0, a1, s2) left out. */
function readingNumbers(reading: string): string[] {
  const plain = reading.replace(/−/g, '-').replace(/(?:[A-Za-z]|p̃|M)\d+/g, ' ').replace(/_\w+/g, ' ');
  return plain.match(/-?(?:\d+(?:\/\d+)?(?:\.\d+)?(?:e-?\d+)?|∞)/g) ?? [];
}

/** Every lab formula for one array at these settings. */
function everyFormula(b: Breakdown, decimals: number, target: number, options: lab.SamplingOptions, other: Breakdown, attention: { values: number[]; shape: number[]; d: number }): lab.Formula[] {
  const o = { decimals };
  const s = lab.sampling(b, options);
  const n = b.probabilities.length;
  const formulas: lab.Formula[] = [
    ...s.stages.map((stage, k) => lab.samplingStageFormula(stage, k, o, words)),
    lab.renormalizeFormula(s, o, words),
    ...Array.from({ length: n }, (_, i) => lab.renormalizedEntryFormula(b, s, i, o)),
    lab.perplexityFormula(s.entropyBefore, false, o, words),
    lab.perplexityFormula(s.entropyAfter, true, o, words),
    lab.comparedFormula(b.temperature),
    ...lab.comparisonFormulas(lab.compare(b, other), o, words),
    ...lab.comparisonHeadings(),
    lab.gradientFormula(b.temperature, target),
    lab.gradientVectorFormula(lab.crossEntropyGradient(b, target), b.temperature, o),
    lab.gradientChainFormula(),
    lab.jacobianFormula(lab.softmaxJacobian(b), n, b.temperature, o),
    lab.jacobianEntryFormula(b.temperature),
  ];
  for (const causal of [true, false]) {
    const options2 = { d: attention.d, causal };
    formulas.push(...lab.attentionFormulas(attention.d, causal, o));
    for (let r = 0; r < attention.shape[0]; r++) {
      formulas.push(...lab.attentionRowFormulas(runSteps(lab.attentionRowSteps(attention.values, attention.shape, r, options2)), r, o, words));
    }
  }
  return formulas;
}

const cases = [
  { name: 'the worked example, top-k 2', logits: [2, 1, 0.1], other: [1, 1, 0.5], temperature: 1, decimals: 4, options: { topK: 2 } },
  { name: 'every filter at T = 0.5', logits: [0.5, -1.25, 3, 2.75, -Infinity, 1], other: [1, 0, 2, 3, 0, -1], temperature: 0.5, decimals: 6, options: { topK: 4, topP: 0.9, minP: 0.05 } },
  { name: 'infinite divergences and scientific notation', logits: [0, -40, 30, 1], other: [0, -Infinity, 1, 2], temperature: 1, decimals: 3, options: { topP: 0.5 } },
  { name: 'one decimal and nothing cut', logits: [1, 2, 3], other: [3, 2, 1], temperature: 2, decimals: 1, options: { minP: 0.01 } },
];
const attention = { values: [0.5, 1.5, 2.5, 1, 0, -1, 2, -0.5, 0.25], shape: [3, 3], d: 2 };

describe('lab formulas', () => {
  for (const c of cases) {
    it(`typeset under KaTeX strict with throwOnError, and read the same numbers in plain text: ${c.name}`, () => {
      const b = breakdown(c.logits, { temperature: c.temperature });
      const other = breakdown(c.other, { temperature: c.temperature });
      for (const formula of everyFormula(b, c.decimals, 1, c.options, other, attention)) {
        assert.doesNotThrow(() => typeset(formula.tex), formula.tex);
        assert.deepStrictEqual(readingNumbers(formula.reading), texNumbers(formula.tex), `${formula.reading}\n${formula.tex}`);
        // As the panel's accessibility check has it: no backslash, caret or brace, which would be TeX left over.
        assert.ok(!/[\\^{}]/.test(formula.reading), `TeX left in a reading: ${formula.reading}`);
        assert.ok(!/-/.test(formula.reading), `a hyphen where a minus sign is read: ${formula.reading}`);
      }
    });
  }

  it('reads the worked example with top-k 2 as a person would say it', () => {
    const b = breakdown([2, 1, 0.1]);
    const s = lab.sampling(b, { topK: 2 });
    const o = { decimals: 4 };
    assert.strictEqual(lab.samplingStageFormula(s.stages[0], 0, o, words).reading, 'i ∈ K_k ⇔ p_i ≥ p_(k), k = 2, p_(k) = 0.2424, |K_k| = 2');
    assert.strictEqual(lab.renormalizedEntryFormula(b, s, 0, o).reading, 'p̃0 = 0.6590 / 0.9014 = 0.7311');
    assert.strictEqual(lab.renormalizedEntryFormula(b, s, 2, o).reading, 'p̃2 = 0');
    assert.strictEqual(lab.renormalizeFormula(s, o, words).reading, 'p̃_i = p_i / Z (i ∈ K), p̃_i = 0 (i ∉ K), Z = sum over j ∈ K of p_j = 0.9014');
  });

  it('writes an 8-class Jacobian out whole and a longer gradient row with an ellipsis', () => {
    const b = breakdown(Array.from({ length: 8 }, (_, i) => i / 3));
    const j = lab.jacobianFormula(lab.softmaxJacobian(b), 8, 1, { decimals: 3 });
    assert.strictEqual((j.tex.match(/\\\\/g) ?? []).length, 7);
    assert.ok(!j.tex.includes('cdots'));
    const long = breakdown(Array.from({ length: 12 }, (_, i) => i / 3));
    const g = lab.gradientVectorFormula(lab.crossEntropyGradient(long, 0), 1, { decimals: 3 });
    assert.ok(g.tex.includes('\\cdots') && g.reading.endsWith(', …)'), g.reading);
  });
});
