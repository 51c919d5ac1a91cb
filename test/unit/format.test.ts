// Numbers as a person reads them, and arrays as code they can paste back without losing a bit.
import * as assert from 'assert';
import fc from 'fast-check';
import { breakdown, exportSyntaxFor, formatArray, formatNumber, formatProbability, formatProbabilityDigits, probabilityFacts } from '../../src/core';

describe('formatProbability', () => {
  it('rounds to the decimals asked for', () => {
    assert.strictEqual(formatProbability(0.65900113, 4), '0.6590');
    assert.strictEqual(formatProbability(0.0985, 2), '0.10');
    assert.strictEqual(formatProbability(1, 3), '1.000');
  });
  it('writes a tiny non-zero probability in scientific notation, never as 0.0000', () => {
    assert.strictEqual(formatProbability(1.234e-9, 4), '1.2e-9');
    assert.strictEqual(formatProbability(5e-324, 4), '4.9e-324');
    fc.assert(
      fc.property(fc.double({ min: 5e-324, max: 1, noNaN: true }), fc.integer({ min: 0, max: 12 }), (p, d) => {
        const s = formatProbability(p, d);
        return Number(s) !== 0 && Math.abs(Number(s) - p) <= Math.max(0.5 * 10 ** -d, p * 0.05);
      }),
    );
  });
  it('writes an exact 0 as 0', () => assert.strictEqual(formatProbability(0, 4), '0'));
});

describe('formatNumber', () => {
  it('gives six significant digits without trailing zeros', () => {
    assert.strictEqual(formatNumber(2), '2');
    assert.strictEqual(formatNumber(-1.9), '-1.9');
    assert.strictEqual(formatNumber(1 / 3), '0.333333');
    assert.strictEqual(formatNumber(1234.56789), '1234.57');
    assert.strictEqual(formatNumber(0.000123456789), '0.000123457');
  });
  it('switches to scientific for very small and very large values', () => {
    assert.strictEqual(formatNumber(1.5e-7), '1.5e-7');
    assert.strictEqual(formatNumber(2.5e8), '2.5e8');
    assert.strictEqual(formatNumber(999999.7), '1e6');
  });
  it('honours the significant digits asked for', () => assert.strictEqual(formatNumber(Math.E, 3), '2.72'));
  it('writes −∞ with a true minus sign, and ∞ and NaN plainly', () => {
    assert.strictEqual(formatNumber(-Infinity), '\u2212\u221e');
    assert.strictEqual(formatNumber(Infinity), '\u221e');
    assert.strictEqual(formatNumber(NaN), 'NaN');
  });
  it('stays within half a unit of the last shown digit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = Number(formatNumber(x));
        return x === 0 || Math.abs(back - x) <= Math.abs(x) * 5e-6;
      }),
    );
  });
});

/** Reads a Python, numpy or JS export back as doubles, without eval. */
function readBack(text: string): number[] {
  const tokens = text
    .replace(/float\('-inf'\)|-np\.inf/g, '-Infinity')
    .replace(/np\.array\(|\)/g, '')
    .split(/[\s,[\]]+/)
    .filter(Boolean);
  return tokens.map((t) => {
    const v = t === 'null' ? NaN : Number(t);
    assert.ok(t === 'null' || !Number.isNaN(v), `token ${t}`);
    return v;
  });
}

describe('formatArray', () => {
  const probs = [0.6590011388859679, 0.24243297070471392, 0.09856589040931818];

  it('writes a Python list with Python float spellings', () => {
    assert.strictEqual(formatArray([2, 1e-5, 0.1, -Infinity, 1e16], [5], 'python'), "[2.0, 1e-05, 0.1, float('-inf'), 1e+16]");
  });
  it('writes a numpy array with rows aligned', () => {
    assert.strictEqual(formatArray([1, 2, 3, -Infinity], [2, 2], 'numpy'), 'np.array([[1.0, 2.0],\n          [3.0, -np.inf]])');
  });
  it('writes JSON that JSON.parse reads back, with −∞ as null', () => {
    const text = formatArray([...probs, -Infinity, 0, 1], [2, 3], 'json');
    assert.deepStrictEqual(JSON.parse(text), [probs, [null, 0, 1]]);
  });
  it('writes a JS array with -Infinity', () => {
    assert.strictEqual(formatArray([1.5, -Infinity], [2], 'javascript'), '[1.5, -Infinity]');
  });
  it('writes a LaTeX bmatrix, a vector as one row, tiny numbers with × 10^', () => {
    assert.strictEqual(formatArray([0.5, 1e-9, -Infinity], [3], 'latex'), '\\begin{bmatrix} 0.5 & 1 \\times 10^{-9} & -\\infty \\end{bmatrix}');
    assert.strictEqual(formatArray([1, 2, 3, 4], [2, 2], 'latex'), '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}');
  });
  it('rounds to the decimals asked for, keeping tiny values visible', () => {
    assert.strictEqual(formatArray([...probs, 3e-12], [4], 'python', 3), '[0.659, 0.242, 0.099, 3e-12]');
  });
  it('without decimals, every syntax reads back to the very same doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(-0)), { minLength: 1, maxLength: 12 }), (x) => {
        for (const syntax of ['python', 'numpy', 'javascript', 'json'] as const) {
          assert.deepStrictEqual(readBack(formatArray(x, [x.length], syntax)), x, syntax);
        }
      }),
    );
  });
  it('refuses a shape that does not hold the values', () => {
    assert.throws(() => formatArray([1, 2, 3], [2, 2], 'json'), /does not hold 3 values/);
  });
});

describe('exportSyntaxFor', () => {
  it('picks the syntax of the language being edited', () => {
    assert.strictEqual(exportSyntaxFor('python'), 'python');
    assert.strictEqual(exportSyntaxFor('markdown'), 'python');
    assert.strictEqual(exportSyntaxFor('typescript'), 'javascript');
    assert.strictEqual(exportSyntaxFor('javascriptreact'), 'javascript');
    assert.strictEqual(exportSyntaxFor('jsonc'), 'json');
    assert.strictEqual(exportSyntaxFor('latex'), 'latex');
    assert.strictEqual(exportSyntaxFor('rust'), 'rust');
  });
  it('falls back to JSON for any other language', () => assert.strictEqual(exportSyntaxFor('yaml'), 'json'));
});

describe('probabilities never read 1 below 1 nor 0 above 0', () => {
  it('at no decimals, 0.6 and 0.4 read 0.6 and 0.4, and 0.5 reads 0.5, not 1 or 0', () => {
    assert.deepStrictEqual([0.6, 0.4, 0.5].map((p) => formatProbability(p, 0)), ['0.6', '0.4', '0.5']);
  });

  it('any probability strictly between 0 and 1 reads strictly between 0 and 1, at every precision, within its rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: 5e-324, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 15 }), (p, d) => {
        for (const s of [formatProbability(p, d), formatProbability(p, d, {}, 'code'), formatProbabilityDigits(p, Math.max(1, d))]) {
          const back = Number(s);
          assert.ok(back > 0 && back < 1, `${p} at ${d} reads ${s}`);
          assert.ok(Math.abs(back - p) <= Math.max(0.5 * 10 ** -d, p * 0.05), `${p} at ${d} reads ${s}`);
        }
      }),
    );
  });

  it('[0, 10.2, −1000]: 3.7e-5, 0.99996 and 1.9e-439, as 50-digit decimal arithmetic gives them', () => {
    // Python decimal at 50 digits: 3.71689371…e-5, 0.999962831…, 1.88667996…e-439.
    const b = breakdown([0, 10.2, -1000]);
    const facts = probabilityFacts(b.logits, b.probabilities, 1, b.logProbabilities);
    assert.strictEqual(b.probabilities[2], 0, 'the third underflows in a double');
    assert.deepStrictEqual([0, 1, 2].map((i) => formatProbability(b.probabilities[i], 4, facts(i))), ['3.7e-5', '0.99996', '1.9e-439']);
    assert.deepStrictEqual([0, 1, 2].map((i) => formatProbabilityDigits(b.probabilities[i], 3, facts(i))), ['3.72e-5', '0.99996', '1.9e-439']);
    // Without the log-probabilities the facts work the log out from the logits alone.
    assert.strictEqual(formatProbability(0, 4, probabilityFacts(b.logits, b.probabilities)(2)), '1.9e-439');
  });

  it('a masked entry is exactly 0, and an entry that reads as the double 1 beside unmasked ones shows as above 0.9999', () => {
    const b = breakdown([0, -1000, -Infinity]);
    const facts = probabilityFacts(b.logits, b.probabilities, 1, b.logProbabilities);
    assert.strictEqual(b.probabilities[0], 1);
    assert.strictEqual(formatProbability(b.probabilities[2], 4, facts(2)), '0');
    assert.strictEqual(formatProbability(b.probabilities[0], 4, facts(0)), '>0.9999');
    assert.strictEqual(formatProbabilityDigits(b.probabilities[0], 3, facts(0)), '>0.999');
    // exp(-1000) = 5.07595889…e-435 (Python decimal).
    assert.strictEqual(formatProbability(b.probabilities[1], 4, facts(1)), '5.1e-435');
    // In code, the double itself: a number the document's syntax reads.
    assert.strictEqual(formatProbability(b.probabilities[0], 4, facts(0), 'code'), '1.0000');
    const alone = breakdown([3, -Infinity]);
    assert.strictEqual(formatProbability(alone.probabilities[0], 4, probabilityFacts(alone.logits, alone.probabilities)(0)), '1.0000');
  });

  it('a copied array holds numbers its syntax reads, with the digits that keep them off 0 and 1', () => {
    const b = breakdown([0, 10.2, -1000]);
    const facts = probabilityFacts(b.logits, b.probabilities, 1, b.logProbabilities);
    const text = (i: number) => formatProbability(b.probabilities[i], 2, facts(i), 'code');
    assert.strictEqual(formatArray(b.probabilities, [3], 'python', 2, text), '[3.7e-5, 0.99996, 1.9e-439]');
    assert.deepStrictEqual(JSON.parse(formatArray(b.probabilities, [3], 'json', 2, text)), [3.7e-5, 0.99996, 0]);
    assert.strictEqual(formatArray(b.probabilities, [3], 'latex', 2, text), '\\begin{bmatrix} 3.7 \\times 10^{-5} & 0.99996 & 1.9 \\times 10^{-439} \\end{bmatrix}');
  });
});
