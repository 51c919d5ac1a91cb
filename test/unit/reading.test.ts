// The formulas' plain readings: what a screen reader without MathML says, with the same numbers as the typeset TeX.
import * as assert from 'assert';
import {
  breakdown,
  crossEntropyReading,
  crossEntropyTex,
  entropyReading,
  entropyTex,
  formatNumber,
  formatProbability,
  formulaReading,
  formulaTex,
  logSoftmaxFormulaReading,
  logSoftmaxFormulaTex,
  logSoftmaxReading,
  logSoftmaxTex,
  logSumExpReading,
  logSumExpTex,
  normalizeReading,
  normalizeTex,
  stepTableHeadingsReading,
  stepTableHeadingsTex,
  sumReading,
  sumTex,
  topK,
  type Breakdown,
  type ReadingWords,
} from '../../src/core';
import { englishReadingWords } from '../../src/core/reading';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import { formulaCases } from './formulaCases';

const words = englishReadingWords;

/** Every formula the panel would show for this breakdown, as [TeX, reading] pairs. */
function everyPair(b: Breakdown, decimals: number, indices: number[]): [string, string][] {
  const options = { decimals };
  const headings = stepTableHeadingsTex(b.temperature);
  const headingReadings = stepTableHeadingsReading(b.temperature);
  return [
    [formulaTex(b.temperature, options), formulaReading(b.temperature, options, words)],
    ...headings.map((tex, k): [string, string] => [tex, headingReadings[k]]),
    [sumTex(b, indices, options), sumReading(b, indices, options, words)],
    [entropyTex(b, options), entropyReading(b, options, words)],
    [logSumExpTex(b, options), logSumExpReading(b, options, words)],
    [logSoftmaxFormulaTex(b.temperature), logSoftmaxFormulaReading(b.temperature)],
    ...indices.flatMap((i): [string, string][] => [
      [normalizeTex(b, i, options), normalizeReading(b, i, options)],
      [logSoftmaxTex(b, i, options), logSoftmaxReading(b, i, options)],
      [crossEntropyTex(b, i, options), crossEntropyReading(b, i, options)],
    ]),
  ];
}

/** The numbers a TeX string shows, subscripts (indices) left out: `1.2 \times 10^{-9}` counts as 1.2e-9. */
function texNumbers(tex: string): string[] {
  const plain = tex
    .replace(/_\{[^{}]*\}|_[A-Za-z0-9]/g, ' ')
    .replace(/(-?\d+(?:\.\d+)?) \\times 10\^\{(-?\d+)\}/g, '$1e$2')
    .replace(/\\infty/g, '∞');
  return plain.match(/-?(?:\d+(?:\.\d+)?(?:e-?\d+)?|∞)/g) ?? [];
}

/** The numbers a reading says, indices glued to their symbol (p0, x2) and the sum's first index left out. */
function readingNumbers(reading: string): string[] {
  const plain = reading
    .replace(/−/g, '-')
    .replace(/[A-Za-z]\d+/g, ' ')
    .replace(/from \d+ /g, ' ');
  return plain.match(/-?(?:\d+(?:\.\d+)?(?:e-?\d+)?|∞)/g) ?? [];
}

const all = (n: number) => [...Array(n).keys()];

describe('plain readings of the walkthrough formulas', () => {
  it('the worked example reads p0 = exp(x0 − m) / S = 1 / 1.517 = 0.6590, digits from an exact reference', () => {
    const logits = [2, 1, 0.1];
    const exact = referenceSoftmax(logits);
    const b = breakdown(logits);
    // p_i = exp(x_i − m) / S with exp(x_0 − m) = 1, so S = 1 / p_0 and exp(x_i − m) = p_i / p_0.
    const sum = formatNumber(1 / exact[0], 4);
    logits.forEach((_, i) => {
      const term = formatNumber(exact[i] / exact[0], 4);
      assert.strictEqual(normalizeReading(b, i, { decimals: 4 }), `p${i} = exp(x${i} − m) / S = ${term} / ${sum} = ${formatProbability(exact[i], 4)}`);
    });
    assert.strictEqual(normalizeReading(b, 0, { decimals: 4 }), `p0 = exp(x0 − m) / S = 1 / ${sum} = ${formatProbability(exact[0], 4)}`);
  });

  it('reads four equal logits exactly: exp(0) terms, S = 4, p = 0.25, 2 bits', () => {
    const b = breakdown([1, 1, 1, 1]);
    const options = { decimals: 4 };
    assert.strictEqual(formulaReading(1, options, words), 'p_i = softmax(x)_i = exp(x_i − m) / (sum over j of exp(x_j − m)), m = max(x)');
    assert.deepStrictEqual(stepTableHeadingsReading(1), ['i', 'x_i', 'x_i − m', 'exp(x_i − m)']);
    assert.strictEqual(sumReading(b, all(4), options, words), 'S = sum over j from 0 to 3 of exp(x_j − m) = exp(0) + exp(0) + exp(0) + exp(0) = 1 + 1 + 1 + 1 = 4');
    assert.strictEqual(normalizeReading(b, 2, options), 'p2 = exp(x2 − m) / S = 1 / 4 = 0.2500');
    assert.strictEqual(entropyReading(b, options, words), 'H(p) = −(sum over i of p_i · ln p_i) = 1.386 nats = 2 bits');
    assert.strictEqual(logSumExpReading(b, options, words), 'LSE(x) = ln(sum over j of exp(x_j)) = m + ln S = 1 + 1.386 = 2.386');
    assert.strictEqual(logSoftmaxReading(b, 0, options), 'ln p0 = x0 − m − ln S = −1.386');
    assert.strictEqual(logSoftmaxFormulaReading(1), 'ln p_i = x_i − LSE(x) = x_i − m − ln S');
    assert.strictEqual(crossEntropyReading(b, 3, options), 'L_CE = −ln p3 = 1.386');
  });

  it('reads a masked logit as exp(−∞), probability exactly 0', () => {
    const b = breakdown([0, 0, -Infinity]);
    const options = { decimals: 3 };
    assert.strictEqual(sumReading(b, all(3), options, words), 'S = sum over j from 0 to 2 of exp(x_j − m) = exp(0) + exp(0) + exp(−∞) = 1 + 1 + 0 = 2');
    assert.strictEqual(normalizeReading(b, 2, options), 'p2 = exp(x2 − m) / S = 0 / 2 = 0');
    assert.strictEqual(logSoftmaxReading(b, 2, options), 'ln p2 = x2 − m − ln S = −∞');
  });

  it('names the scaled logits z when a temperature divides them', () => {
    const b = breakdown([4, 4, 2], { temperature: 2 });
    const options = { decimals: 4 };
    assert.strictEqual(
      formulaReading(2, options, words),
      'p_i = softmax(x / T)_i = exp(z_i − m) / (sum over j of exp(z_j − m)), z_i = x_i / T, m = max(z), T = 2',
    );
    assert.deepStrictEqual(stepTableHeadingsReading(2), ['i', 'x_i', 'z_i = x_i / T', 'z_i − m', 'exp(z_i − m)']);
    assert.strictEqual(sumReading(b, all(3), options, words), 'S = sum over j from 0 to 2 of exp(z_j − m) = exp(0) + exp(0) + exp(−1) = 1 + 1 + 0.3679 = 2.368');
  });

  for (const c of formulaCases) {
    it(`every reading says the numbers its TeX shows, in order, as plain text: ${c.name}`, () => {
      const b = breakdown(c.logits, { temperature: c.temperature });
      for (const [tex, reading] of everyPair(b, c.decimals, all(c.logits.length))) {
        assert.deepStrictEqual(readingNumbers(reading), texNumbers(tex), `${reading}\n${tex}`);
        assert.ok(!/[\\{}^]/.test(reading), `TeX left in a reading: ${reading}`);
        assert.ok(!/-/.test(reading), `a hyphen where a minus sign is read: ${reading}`);
      }
    });
  }

  it('a 5 000-element array reads its top 20 terms of the sum and elides the rest', () => {
    const logits = Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 8);
    const b = breakdown(logits);
    const shown = topK(b.probabilities, 20);
    const reading = sumReading(b, shown, { decimals: 4 }, words);
    assert.ok(reading.startsWith('S = sum over j from 0 to 4999 of exp(x_j − m) = '), reading);
    assert.ok(reading.includes(' + … = '), reading);
    assert.deepStrictEqual(readingNumbers(reading), texNumbers(sumTex(b, shown, { decimals: 4 })));
  });

  it('takes its words from the caller, so the host can localize them', () => {
    const own: ReadingWords = { sumOver: '{1} SUM {0}', sumFromTo: '{3} SUM {0} {1}..{2}', nats: 'NATS', bits: 'BITS' };
    const b = breakdown([1, 1, 1, 1]);
    const options = { decimals: 4 };
    assert.strictEqual(formulaReading(1, options, own), 'p_i = softmax(x)_i = exp(x_i − m) / (exp(x_j − m) SUM j), m = max(x)');
    assert.ok(sumReading(b, all(4), options, own).startsWith('S = exp(x_j − m) SUM j 0..3 = '));
    assert.strictEqual(entropyReading(b, options, own), 'H(p) = −(p_i · ln p_i SUM i) = 1.386 NATS = 2 BITS');
    assert.strictEqual(logSumExpReading(b, options, own), 'LSE(x) = ln(exp(x_j) SUM j) = m + ln S = 1 + 1.386 = 2.386');
  });
});
