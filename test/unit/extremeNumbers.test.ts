// Extreme numbers in documents: each literal is read as Number() reads it or skipped, and its
// softmax is exact (against the 60-digit BigInt reference, or exact reasoning) or a named SoftmaxInputError.
import * as assert from 'assert';
import { findArrays, softmax, SoftmaxInputError } from '../../src/core';
import { referenceSoftmax } from '../harness/referenceSoftmax';

/** Distance from `actual` to `expected` in units in the last place of `expected`. */
function ulps(actual: number, expected: number): number {
  if (actual === expected) return 0;
  const ulp = expected === 0 ? 2 ** -1074 : Math.max(2 ** -1074, 2 ** (Math.floor(Math.log2(Math.abs(expected))) - 52));
  return Math.abs(actual - expected) / ulp;
}

/**
 * The correctly rounded softmax: an entry more than 800 below the maximum has probability below e^-800, under
 * half the smallest subnormal, so it rounds to 0 and shifts the others by less than one part in e^790;
 * the rest comes from the exact reference.
 */
function exactSoftmax(values: number[]): number[] {
  const max = Math.max(...values);
  const kept = values.map((x) => max - x <= 800);
  const reference = referenceSoftmax(values.filter((_, i) => kept[i]));
  let k = 0;
  return values.map((_, i) => (kept[i] ? reference[k++] : 0));
}

function read(text: string, languageId = 'python'): number[] | undefined {
  const found = findArrays(text, languageId);
  return found.length === 1 ? found[0].values : undefined;
}

function assertExactSoftmax(values: number[]): void {
  const p = softmax(values);
  const expected = exactSoftmax(values);
  p.forEach((x, i) => assert.ok(ulps(x, expected[i]) <= 3, `p[${i}] = ${x}, exact ${expected[i]}`));
}

describe('extreme numbers in a document', () => {
  const readExactly: [string, string[]][] = [
    ['[1e308, -1e308]', ['1e308', '-1e308']],
    ['[1.7976931348623157e308, 1e308]', ['1.7976931348623157e308', '1e308']],
    ['[5e-324, 0]', ['5e-324', '0']],
    ['[2.2250738585072014e-308, 4.9e-324, -1e-310]', ['2.2250738585072014e-308', '4.9e-324', '-1e-310']],
    ['[1e-400, 1]', ['1e-400', '1']],
    ['[-0, 0, -0.0]', ['-0', '0', '-0.0']],
    ['[+1, -2, .5, 5.]', ['+1', '-2', '.5', '5.']],
    [`[${'9'.repeat(400)}, 1]`, ['9'.repeat(400), '1']],
    [`[0.${'1'.repeat(400)}, 1]`, [`0.${'1'.repeat(400)}`, '1']],
    [`[1${'0'.repeat(399)}e-399, 2]`, [`1${'0'.repeat(399)}e-399`, '2']],
    ['[1e309, 1]', ['1e309', '1']],
  ];
  for (const [text, literals] of readExactly) {
    it(`reads ${text.length > 40 ? `${text.slice(0, 30)}…` : text} as Number() reads each literal, −0 keeping its sign`, () => {
      const values = read(text);
      assert.ok(values, 'one array');
      assert.strictEqual(values.length, literals.length);
      values.forEach((v, i) => assert.ok(Object.is(v, Number(literals[i])), `${literals[i]} → ${v}`));
    });
  }

  it('hex, octal and binary literals are read as their values, numeric separators dropped', () => {
    assert.deepStrictEqual(read('[0x1F, 0o17, 0b101]', 'javascript'), [0x1f, 0o17, 0b101]);
    assert.deepStrictEqual(read('[1_000, 2_000.5, 0x_ff]', 'python')?.slice(0, 2), [1000, 2000.5]);
  });

  it('duplicated signs are no numbers, so the list is skipped rather than misread', () => {
    for (const text of ['[--1, 2]', '[+-2, 3]', '[1, -+2]', '[−-1, 2]']) assert.strictEqual(read(text), undefined, text);
  });

  it('nan and inf in a numpy print-out are read, and softmax names the entry it cannot take', () => {
    const values = read('# [[ 1.  nan  2.]\n#  [inf  0. -inf]]');
    assert.ok(values, 'the print-out is found');
    assert.ok(Number.isNaN(values[1]) && values[3] === Infinity && values[5] === -Infinity);
    assert.throws(() => softmax(values.slice(0, 3)), (e: unknown) => e instanceof SoftmaxInputError && e.index === 1);
    assert.throws(() => softmax(values.slice(3)), (e: unknown) => e instanceof SoftmaxInputError && e.index === 0);
  });

  it('a literal too large for a double (1e309, 400 nines) becomes +∞ and softmax refuses it by name', () => {
    for (const text of ['[1e309, 1]', `[${'9'.repeat(400)}, 1]`]) {
      const values = read(text);
      assert.ok(values);
      assert.throws(() => softmax(values), (e: unknown) => e instanceof SoftmaxInputError && e.index === 0, text);
    }
  });

  it('[1e308, -1e308] is exactly [1, 0], and the largest doubles do not overflow', () => {
    assert.deepStrictEqual(Array.from(softmax([1e308, -1e308])), [1, 0]);
    assert.deepStrictEqual(Array.from(softmax([1e308, 1e308])), [0.5, 0.5]);
    assert.deepStrictEqual(Array.from(softmax([-1e308, -1e308, -1e308, -1e308])), [0.25, 0.25, 0.25, 0.25]);
    assert.deepStrictEqual(Array.from(softmax([Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE])), [0.5, 0, 0.5]);
  });

  const exactCases: number[][] = [
    [5e-324, 0],
    [-0, 0],
    [2.2250738585072014e-308, 5e-324, -1e-310],
    [0x1f, 0o17, 0b101],
    [1000, 2000.5],
    [1e308, 1.7976931348623157e308],
    [-1e308, -1e308 + 1e292, -1e308],
    [700, 0, -700, 745],
    [-745, 0],
    [1e-300, 2e-300, 3e-300],
    [Number(`0.${'1'.repeat(400)}`), 1],
  ];
  for (const values of exactCases) {
    it(`softmax [${values.map(String).join(', ')}] is within 3 ulps of the exact value`, () => assertExactSoftmax(values));
  }

  it('every extreme case read from a document gives the exact softmax or a named error, never NaN', () => {
    for (const [text] of readExactly) {
      const values = read(text);
      assert.ok(values);
      try {
        assertExactSoftmax(values);
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        assert.ok(error instanceof SoftmaxInputError, `${text}: ${String(error)}`);
        assert.ok(values.some((v) => !Number.isFinite(v)), `${text} was refused though every logit is finite`);
      }
    }
  });
});
