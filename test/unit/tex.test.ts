// The walkthrough's TeX: every string typesets under KaTeX's strictest settings, and reads exactly as intended.
import * as assert from 'assert';
import katex from 'katex';
import {
  breakdown,
  crossEntropyTex,
  entropyTex,
  formulaTex,
  logSoftmaxFormulaTex,
  logSoftmaxTex,
  logSumExpTex,
  normalizeTex,
  stepTableHeadingsTex,
  sumTex,
  topK,
  type Breakdown,
} from '../../src/core';
import { texNumber } from '../../src/core/tex';
import { formulaCases } from './formulaCases';

function typeset(tex: string, displayMode = false): string {
  return katex.renderToString(tex, { strict: 'error', throwOnError: true, trust: false, maxSize: 20, maxExpand: 200, displayMode });
}

/** Every TeX string the panel would show for this breakdown, with the rows it would write out. */
function everyString(b: Breakdown, decimals: number, indices: number[]): string[] {
  const options = { decimals };
  return [
    formulaTex(b.temperature, options),
    ...stepTableHeadingsTex(b.temperature),
    sumTex(b, indices, options),
    entropyTex(b, options),
    logSumExpTex(b, options),
    logSoftmaxFormulaTex(b.temperature),
    ...indices.flatMap((i) => [normalizeTex(b, i, options), logSoftmaxTex(b, i, options), crossEntropyTex(b, i, options)]),
  ];
}

const all = (n: number) => [...Array(n).keys()];

describe('walkthrough TeX', () => {
  for (const c of formulaCases) {
    it(`every string typesets with KaTeX strict and throwOnError: ${c.name}`, () => {
      const b = breakdown(c.logits, { temperature: c.temperature });
      for (const tex of everyString(b, c.decimals, all(c.logits.length))) {
        assert.doesNotThrow(() => typeset(tex, true), tex);
      }
    });
  }

  it('a 5 000-element array typesets its top 20 with the rest of the sum elided', () => {
    const logits = Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 8);
    const b = breakdown(logits);
    const shown = topK(b.probabilities, 20);
    const sum = sumTex(b, shown, { decimals: 4 });
    assert.ok(sum.startsWith('S = \\sum_{j=0}^{4999} e^{x_j - m} = '), sum);
    assert.ok(sum.includes(' + \\cdots = '), sum);
    for (const tex of everyString(b, 4, shown)) assert.doesNotThrow(() => typeset(tex), tex);
  });

  it('writes out four equal logits exactly: e^0 terms, S = 4, p = 0.25, 2 bits', () => {
    const b = breakdown([1, 1, 1, 1]);
    const options = { decimals: 4 };
    assert.strictEqual(formulaTex(1, options), 'p_i = \\operatorname{softmax}(x)_i = \\frac{e^{x_i - m}}{\\sum_{j} e^{x_j - m}}, \\qquad m = \\max_j x_j');
    assert.deepStrictEqual(stepTableHeadingsTex(1), ['i', 'x_i', 'x_i - m', 'e^{x_i - m}']);
    assert.strictEqual(sumTex(b, all(4), options), 'S = \\sum_{j=0}^{3} e^{x_j - m} = e^{0} + e^{0} + e^{0} + e^{0} = 1 + 1 + 1 + 1 = 4');
    assert.strictEqual(normalizeTex(b, 2, options), 'p_{2} = \\frac{e^{x_{2} - m}}{S} = \\frac{1}{4} = 0.2500');
    assert.strictEqual(entropyTex(b, options), 'H(p) = -\\sum_i p_i \\ln p_i = 1.386\\ \\text{nats} = 2\\ \\text{bits}');
    assert.strictEqual(logSumExpTex(b, options), '\\operatorname{LSE}(x) = \\ln \\sum_j e^{x_j} = m + \\ln S = 1 + 1.386 = 2.386');
    assert.strictEqual(logSoftmaxTex(b, 0, options), '\\ln p_{0} = x_{0} - m - \\ln S = -1.386');
    assert.strictEqual(crossEntropyTex(b, 3, options), '\\mathcal{L}_{\\text{CE}} = -\\ln p_{3} = 1.386');
  });

  it('writes a masked logit as minus infinity with probability exactly 0', () => {
    const b = breakdown([0, 0, -Infinity]);
    const options = { decimals: 3 };
    assert.strictEqual(sumTex(b, all(3), options), 'S = \\sum_{j=0}^{2} e^{x_j - m} = e^{0} + e^{0} + e^{-\\infty} = 1 + 1 + 0 = 2');
    assert.strictEqual(normalizeTex(b, 2, options), 'p_{2} = \\frac{e^{x_{2} - m}}{S} = \\frac{0}{2} = 0');
    assert.strictEqual(logSoftmaxTex(b, 2, options), '\\ln p_{2} = x_{2} - m - \\ln S = -\\infty');
    assert.strictEqual(entropyTex(b, options), 'H(p) = -\\sum_i p_i \\ln p_i = 0.693\\ \\text{nats} = 1\\ \\text{bits}');
  });

  it('writes an entry below 1 that reads as the double 1 as above 0.9999, and one below every double from its log', () => {
    const b = breakdown([0, -1000, -Infinity]);
    const options = { decimals: 4 };
    assert.strictEqual(normalizeTex(b, 0, options), 'p_{0} = \\frac{e^{x_{0} - m}}{S} = \\frac{1}{1} > 0.9999');
    // exp(-1000) = 5.07595889…e-435 (Python decimal).
    assert.strictEqual(normalizeTex(b, 1, options), 'p_{1} = \\frac{e^{x_{1} - m}}{S} = \\frac{0}{1} = 5.1 \\times 10^{-435}');
    assert.strictEqual(normalizeTex(b, 2, options), 'p_{2} = \\frac{e^{x_{2} - m}}{S} = \\frac{0}{1} = 0');
  });

  it('names the scaled logits z when a temperature divides them', () => {
    const b = breakdown([4, 4, 2], { temperature: 2 });
    const options = { decimals: 4 };
    assert.strictEqual(
      formulaTex(2, options),
      'p_i = \\operatorname{softmax}(x / T)_i = \\frac{e^{z_i - m}}{\\sum_{j} e^{z_j - m}}, \\qquad z_i = \\frac{x_i}{T}, \\quad m = \\max_j z_j, \\quad T = 2',
    );
    assert.deepStrictEqual(stepTableHeadingsTex(2), ['i', 'x_i', 'z_i = x_i / T', 'z_i - m', 'e^{z_i - m}']);
    assert.strictEqual(sumTex(b, all(3), options), 'S = \\sum_{j=0}^{2} e^{z_j - m} = e^{0} + e^{0} + e^{-1} = 1 + 1 + 0.3679 = 2.368');
  });

  it('writes tiny and huge numbers in scientific notation as powers of ten', () => {
    assert.strictEqual(texNumber('1.2e-9'), '1.2 \\times 10^{-9}');
    assert.strictEqual(texNumber('3e+21'), '3 \\times 10^{21}');
    assert.strictEqual(texNumber('−∞'), '-\\infty');
    assert.strictEqual(texNumber('∞'), '\\infty');
    assert.strictEqual(texNumber('-0.125'), '-0.125');
  });

  it('never lets anything but a number through into TeX', () => {
    const tex = texNumber('\\href{javascript:alert(1)}{x}');
    assert.doesNotThrow(() => typeset(tex));
    assert.ok(!tex.includes('\\href'), tex);
  });
});
