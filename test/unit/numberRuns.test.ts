// A run of plain numbers in an array is read in one loop with a fast path for short literals: every literal still
// comes out as Number() reads it (the correctly rounded double), at each edge of that path, and the arrays are
// the same whatever the separators, the slicing, or the scans before.
import * as assert from 'assert';
import { ArrayScan, findArrays } from '../../src/core';
import { checkSliced } from './fuzzProperties';

/** Literals at the edges of the fast path: digit counts, powers of ten, signs, zeros, exponent spellings. */
const EDGES = [
  // Integers around 2^53 and 15, 16, 17 digits.
  '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993', '9007199254740995',
  '999999999999999', '1000000000000000', '123456789012345', '1234567890123456', '12345678901234567',
  // Plain integers, negative ones and those around 2^30 and 2^31, where an engine's small integers end.
  '-1', '-999999999999999', '-123456789012345', '1073741823', '1073741824', '-1073741825', '2147483647',
  '2147483648', '-2147483648', '-2147483649', '4294967296',
  // Powers of ten: 10^22 is the last exact one, so 10^23 must not be read as one multiply.
  '1e22', '1e23', '123456789012345e22', '123456789012345e23', '1e-22', '1e-23', '123456789012345e-22',
  '9e22', '8.988465674311579e307', '1.7976931348623157e308', '1e309',
  // 15, 16 and 17 significant digits after a point, and near a halfway point between two doubles.
  '0.123456789012345', '0.1234567890123456', '0.12345678901234567', '1.23456789012345', '1.234567890123456',
  '0.1', '0.3', '2.675', '1.0000000000000002', '1.00000000000000011', '1.0000000000000001', '9.999999999999999',
  // Subnormals and the smallest normal.
  '5e-324', '4.9e-324', '2.5e-324', '2.2250738585072014e-308', '2.2250738585072011e-308', '1e-310',
  // Signed zeros and leading zeros.
  '0', '-0', '-0.0', '-0e5', '0.0', '007', '-007.50', '00.5', '0000000000000001', '000000000000000.1',
  '0.000001', '0.0000000000000000012345',
  // The same number in two spellings, and exponent forms.
  '1e-5', '0.00001', '1E5', '1e+05', '1e-022', '1e0022', '1e00022', '2.5E-3', '-7.25e+1',
];

function readAll(text: string, languageId = 'json'): number[] {
  const found = findArrays(text, languageId);
  assert.strictEqual(found.length, 1, text.slice(0, 80));
  return found[0].values;
}

function assertReadAsNumber(literals: string[], values: number[]): void {
  assert.strictEqual(values.length, literals.length);
  values.forEach((v, i) => assert.ok(Object.is(v, Number(literals[i])), `${literals[i]} → ${v}, Number() says ${Number(literals[i])}`));
}

describe('a run of plain numbers', () => {
  for (const sep of [', ', ',', ' , ', '  ']) {
    it(`reads every edge literal as Number() does, separated by ${JSON.stringify(sep)}`, () => {
      assertReadAsNumber(EDGES, readAll(`[${EDGES.join(sep)}]`, sep.includes(',') ? 'json' : 'matlab'));
    });
  }

  it('reads each edge literal as Number() does beside short and long neighbours, in both orders', () => {
    for (const x of EDGES) {
      for (const literals of [[x, '1', '-2.5'], ['0.12345678901234567', x, '3'], [x, '0.12345678901234567', x]]) {
        assertReadAsNumber(literals, readAll(`[${literals.join(', ')}]`));
      }
    }
  });

  it('reads every literal of a 2-D array across rows and new lines as Number() does', () => {
    const rows = [EDGES.slice(0, 20), EDGES.slice(20, 40), EDGES.slice(40, 60)];
    const text = `x = np.array([[${rows.map((r) => r.join(', ')).join('],\n              [')}]])\n`;
    const found = findArrays(text, 'python');
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(found[0].shape, [3, 20]);
    assertReadAsNumber(rows.flat(), found[0].values);
  });

  it('leaves a number that goes on with a suffix, a letter or a second point to the general reader', () => {
    assert.deepStrictEqual(readAll('float v[] = {1.5f, 2, 3.0F, -4};', 'c'), [1.5, 2, 3, -4]);
    assert.deepStrictEqual(readAll('x = [1f0, 2.5f-1, 3]', 'julia'), [1, 0.25, 3]);
    assert.deepStrictEqual(readAll('let v = [1_000.5, 2u8, 3e2];', 'rust'), [1000.5, 2, 300]);
    assert.deepStrictEqual(findArrays('v = [1, 2.3.4, 5]', 'python'), []);
    assert.deepStrictEqual(findArrays('v = [1, 2e, 5]', 'python'), []);
    assert.deepStrictEqual(findArrays('v = [1, 2abc, 5]', 'python'), []);
  });

  it('keeps separators strict: a doubled comma is no array, a trailing comma and a comment are', () => {
    assert.deepStrictEqual(findArrays('[1, 2,, 3]', 'json'), []);
    assert.deepStrictEqual(findArrays('[, 1, 2]', 'json'), []);
    assert.deepStrictEqual(readAll('v = [1, 2, 3,]', 'python'), [1, 2, 3]);
    assert.deepStrictEqual(readAll('v = [1, 2, # two\n 3]', 'python'), [1, 2, 3]);
    assert.deepStrictEqual(readAll('v = {1, -2, --3\n 4}', 'lua'), [1, -2, 4]);
  });

  it('gives the same arrays when scanned in slices that end inside a run', () => {
    const text = `a = [${EDGES.join(', ')}]\nb = [[${EDGES.slice(0, 8).join(',')}], [${EDGES.slice(8, 16).join(',')}]]\n`;
    checkSliced(text, 'python', [1, 3, 5, 17]);
  });

  it('hands out arrays no later scan changes, also when two scans in slices take turns', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => (i % 1000) - 500);
    const first = findArrays(`[${big.join(', ')}]`)[0].values;
    const second = findArrays(`[${big.map((x) => x / 4).join(', ')}]`)[0].values;
    assert.deepStrictEqual(first, big);
    assert.deepStrictEqual(second, big.map((x) => x / 4));
    const texts = [`[${big.join(', ')}]`, `[${big.map((x) => 0 - x).join(', ')}]`];
    const scans = texts.map((t) => new ArrayScan(t, 'json'));
    const done = [false, false];
    for (let offset = 4096; !(done[0] && done[1]); offset += 4096) {
      for (let k = 0; k < 2; k++) if (!done[k]) done[k] = scans[k].scanTo(offset);
    }
    assert.deepStrictEqual(scans[0].arrays[0].values, big);
    assert.deepStrictEqual(scans[1].arrays[0].values, big.map((x) => 0 - x));
    assert.deepStrictEqual(first, big);
  });
});

describe('a run of numbers over several lines', () => {
  it('reads one number per line, with LF or CRLF line ends and indentation', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `x = [${eol}    1.5,${eol}\t-2,${eol}    0.12345678901234567,${eol}    3${eol}]${eol}`;
      assert.deepStrictEqual(readAll(text, 'python'), [1.5, -2, Number('0.12345678901234567'), 3]);
    }
  });

  it('still lets each line start decide: comment markers, rows, fences and blank lines', () => {
    assert.deepStrictEqual(readAll('# [1, 2,\n# 3, 4]\n', 'python'), [1, 2, 3, 4]);
    assert.deepStrictEqual(findArrays('# [1, 2,\n3, 4]\n', 'python'), []);
    const matlab = findArrays('A = [1 2\n3 4];', 'matlab');
    assert.strictEqual(matlab.length, 1);
    assert.deepStrictEqual(matlab[0].shape, [2, 2]);
    assert.deepStrictEqual(findArrays('```python\nx = [1, 2,\n```\n3, 4]\n', 'markdown'), []);
    assert.deepStrictEqual(findArrays('\\begin{bmatrix} 1 & 2 \\\\\n\n 3 & 4 \\end{bmatrix}', 'latex'), []);
  });
});

/** Deterministic digit strings (a linear congruential generator), so each run reads the same literals. */
function digitStrings(count: number, width: number, seed: number): string[] {
  let state = seed;
  const digit = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * 10);
  };
  return Array.from({ length: count }, () => {
    let s = String(1 + (digit() % 9));
    while (s.length < width) s += String(digit());
    return s;
  });
}

/** Integers of every width from 1 to 22 digits: the smallest, the largest and a few between, either sign. */
const WIDTHS: string[] = [];
for (let width = 1; width <= 22; width++) {
  const magnitudes = [`1${'0'.repeat(width - 1)}`, '9'.repeat(width), ...digitStrings(4, width, width)];
  for (const m of magnitudes) WIDTHS.push(m, `-${m}`);
}

/** Where an engine's small integers, an int32 and a double's exact integers end, and where nine digits become ten. */
const INTEGER_BOUNDARIES = [
  '0', '-0', '-00', '0000000000000000000000', '-0000000000000000000001', '000000123', '-0000000001234567890',
  '999999999', '1000000000', '-999999999', '-1000000000', '1073741823', '1073741824', '-1073741824', '-1073741825',
  '2147483647', '2147483648', '-2147483647', '-2147483648', '-2147483649', '4294967295', '4294967296', '4294967297',
  '9999999999', '99999999999999', '999999999999999', '-999999999999999', '1000000000000000', '9999999999999999',
  '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993', '9007199254740995',
  '18014398509481985', '18446744073709551615', '18446744073709551616', '1234567890123456789012',
];

/** The 15 digits 123456789012345 with the point after each of them, and 16 digits likewise: across the int32 halves. */
const POINTS: string[] = [];
for (const digits of ['123456789012345', '9999999999999999', '1000000000000001']) {
  for (let k = 1; k < digits.length; k++) POINTS.push(`${digits.slice(0, k)}.${digits.slice(k)}`, `-${digits.slice(0, k)}.${digits.slice(k)}`);
}

describe('integers of every width in a run', () => {
  const literals = [...WIDTHS, ...INTEGER_BOUNDARIES];

  it('reads each one as Number() does, bit for bit, in JSON with and without blanks', () => {
    assertReadAsNumber(literals, readAll(`[${literals.join(', ')}]`));
    assertReadAsNumber(literals, readAll(`[${literals.join(',')}]`));
    assertReadAsNumber(literals, readAll(`[\n  ${literals.join(',\n  ')}\n]`));
  });

  it('reads each one as Number() does in a Python list and in numpy prints', () => {
    assertReadAsNumber(literals, readAll(`x = [${literals.join(', ')}]\n`, 'python'));
    assertReadAsNumber(literals, readAll(`>>> x\narray([${literals.join(', ')}])\n`, 'python'));
    assertReadAsNumber(literals, readAll(`>>> print(x)\n[${literals.join(' ')}]\n`, 'python'));
    assertReadAsNumber(literals, readAll(`# [${literals.join('  ')}]\n`, 'python'));
  });

  it('reads each one alone beside a long and a short neighbour, and after a long literal', () => {
    for (const x of literals) {
      for (const run of [[x, '7'], ['-3', x], ['0.12345678901234567', x, '1'], [x, x]]) assertReadAsNumber(run, readAll(`[${run.join(', ')}]`));
    }
  });

  it('reads each width followed by a fraction or an exponent as Number() does', () => {
    const forms: string[] = [...POINTS];
    for (const m of WIDTHS) forms.push(`${m}.5`, `${m}.`, `${m}.0`, `${m}e2`, `${m}e-3`, `${m}E+1`);
    assertReadAsNumber(forms, readAll(`[${forms.join(', ')}]`));
  });

  it('leaves the text around the numbers alone: the spans, the neighbouring arrays and a literal that goes on', () => {
    for (const x of literals) {
      const first = `[${x}, ${x}]`;
      const text = `a = ${first} + b[${x}] + [1.5, 2]\n`;
      const found = findArrays(text, 'python');
      assert.deepStrictEqual(found.map((a) => text.slice(a.start, a.end)), [first, '[1.5, 2]'], text);
      assertReadAsNumber([x, x], found[0].values);
      for (const tail of ['abc', '.5.5', 'e', 'q', '$']) assert.deepStrictEqual(findArrays(`v = [1, ${x}${tail}, 2]`, 'python'), [], `${x}${tail}`);
    }
  });
});
