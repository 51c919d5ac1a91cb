// How a printed array's numbers were written, and what their last digits let a sum of probabilities be.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findArrays, printPrecision, rowLogSumExpChecks, rowSumChecks } from '../../src/core';
import { exactPlace, halfUnit, roundsToPrinted } from '../../src/core/precision';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'precision', 'prints.json');

/** The one array findArrays finds in the text, with its precision. */
function read(text: string, languageId = 'plaintext') {
  const arrays = findArrays(text, languageId);
  assert.strictEqual(arrays.length, 1, `${arrays.length} arrays in ${text}`);
  return { array: arrays[0], precision: printPrecision(text, arrays[0], languageId) };
}

/** The exact sum of decimal literals, as a fraction num / 10^scale (BigInt: no rounding anywhere). */
function exactSum(literals: string[]): { num: bigint; scale: number } {
  const scale = Math.max(...literals.map((l) => (l.split('.')[1] ?? '').length));
  let num = 0n;
  for (const l of literals) {
    const [whole, frac = ''] = l.split('.');
    num += BigInt(whole + frac.padEnd(scale, '0'));
  }
  return { num, scale };
}

describe('printPrecision', () => {
  it('reads a fixed print at its decimals: [0.659 0.242 0.0986] is known to 4 decimals', () => {
    const { precision } = read('[0.659 0.242 0.0986]');
    assert.ok(precision);
    assert.strictEqual(precision.decimals, 4);
    assert.strictEqual(precision.mantissaDecimals, -1);
    assert.deepStrictEqual(Array.from(precision.places), [-4, -4, -4]);
  });

  it('says where each entry is written when asked, for a rewrite of the print', () => {
    const text = 'tensor([6.5900e-01, 1.,  float(\'-inf\')])';
    const [array] = findArrays(text, 'python');
    const spans = new Int32Array(6);
    assert.ok(printPrecision(text, array, 'python', spans));
    const entries = [0, 1, 2].map((k) => text.slice(spans[2 * k], spans[2 * k + 1]));
    assert.deepStrictEqual(entries, ['6.5900e-01', '1.', "float('-inf')"]);
  });

  it('reads numpy\'s padded `1.` at the array\'s decimals, not as a whole number', () => {
    const { precision } = read('[1.   0.5  0.25]');
    assert.deepStrictEqual(Array.from(precision!.places), [-2, -2, -2]);
    assert.strictEqual(halfUnit(precision!, 0), 0.005);
  });

  it('reads e-notation at each entry\'s own exponent: torch\'s 1.0000e+00 and 2.0612e-09', () => {
    const { precision } = read('tensor([1.0000e+00, 2.0612e-09, 4.5398e-05])', 'python');
    assert.strictEqual(precision!.mantissaDecimals, 4);
    assert.deepStrictEqual(Array.from(precision!.places), [-4, -13, -9]);
  });

  it('reads numpy\'s 8-digit e-notation', () => {
    const { precision } = read('[9.99954600e-01 4.53978686e-05 2.06106005e-09]');
    assert.deepStrictEqual(Array.from(precision!.places), [-9, -13, -17]);
  });

  it('takes masked entries (-inf, float(\'-inf\')) as exact', () => {
    const numpy = read('[-inf   1.   0.5]').precision!;
    assert.deepStrictEqual(Array.from(numpy.places), [exactPlace, -1, -1]);
    assert.strictEqual(halfUnit(numpy, 0), 0);
    const python = read("[float('-inf'), 0.5, 1.25]", 'python').precision!;
    assert.deepStrictEqual(Array.from(python.places), [exactPlace, -2, -2]);
  });

  it('reads LaTeX scientific notation, 1.5 \\times 10^{-3}', () => {
    const text = '\\begin{bmatrix} 1.5 \\times 10^{-3} & 0.25 \\end{bmatrix}';
    const { array, precision } = read(text, 'latex');
    assert.deepStrictEqual(array.values, [0.0015, 0.25]);
    assert.deepStrictEqual(Array.from(precision!.places), [-4, -2]);
  });

  it('reads R, Julia, C and Rust spellings', () => {
    assert.strictEqual(read('p <- c(0.25, 0.75)', 'r').precision!.decimals, 2);
    assert.strictEqual(read('p = Float32[0.125, 0.875]', 'julia').precision!.decimals, 3);
    assert.strictEqual(read('float p[] = {0.5f, 0.5f};', 'c').precision!.decimals, 1);
    assert.strictEqual(read('let p = [0.25_f32, 0.75];', 'rust').precision!.decimals, 2);
  });

  it('says "unknown" rather than guess when a comment inside the array holds digits', () => {
    const text = 'p = [0.25,  # 3 classes\n     0.75]\n';
    const { array, precision } = read(text, 'python');
    assert.deepStrictEqual(array.values, [0.25, 0.75]);
    assert.strictEqual(precision, undefined);
  });

  it('knows when a value rounds the way an entry was printed', () => {
    const { precision } = read('[0.6590, 0.2424]');
    assert.ok(roundsToPrinted(precision!, 0, 0.65903, 0.659));
    assert.ok(roundsToPrinted(precision!, 0, 0.65895, 0.659));
    assert.ok(!roundsToPrinted(precision!, 0, 0.65906, 0.659));
  });
});

describe('the sum check of printed probabilities', () => {
  it('flags [0.93392735 0.26689223 0.02917942]: its exact sum is far beyond what 8 decimals allow', () => {
    const literals = ['0.93392735', '0.26689223', '0.02917942'];
    const { num, scale } = exactSum(literals);
    // 3 half-units of 10^-8 allow the sum to differ from 1 by 1.5·10^-8; exactly, it differs by (num − 10^8)·10^-8.
    assert.ok(num - 10n ** BigInt(scale) > 2n);
    const { array, precision } = read(`[${literals.join(' ')}]`);
    assert.deepStrictEqual(rowSumChecks(array.values, array.shape, precision).map((c) => c.sumsToOne), [false]);
  });

  it('flags [0.6615, 0.2436, 0.0959]: exactly 1.0010, while 4 decimals allow 1 ± 0.00015', () => {
    const literals = ['0.6615', '0.2436', '0.0959'];
    const { num, scale } = exactSum(literals);
    assert.strictEqual(num - 10n ** BigInt(scale), 10n);
    const { array, precision } = read(`[${literals.join(', ')}]`);
    const [check] = rowSumChecks(array.values, array.shape, precision);
    assert.strictEqual(check.sumsToOne, false);
    assert.ok(check.tolerance < 0.0002 && check.tolerance >= 0.00015, String(check.tolerance));
  });

  it('accepts a 4-decimal print that rounding alone moved off 1 (three 1/3s print as 0.3333 each)', () => {
    const { array, precision } = read('tensor([0.3333, 0.3333, 0.3333])', 'python');
    assert.deepStrictEqual(rowSumChecks(array.values, array.shape, precision).map((c) => c.sumsToOne), [true]);
  });

  it('checks each row of a matrix on its own', () => {
    const { array, precision } = read('[[0.25, 0.75], [0.50, 0.47]]');
    assert.deepStrictEqual(rowSumChecks(array.values, array.shape, precision).map((c) => c.sumsToOne), [true, false]);
  });

  it('has no verdict on an unreadable print that does not sum to 1, and a ✓ on one that does exactly', () => {
    assert.deepStrictEqual(rowSumChecks([0.25, 0.7], [2], undefined).map((c) => c.sumsToOne), [undefined]);
    assert.deepStrictEqual(rowSumChecks([0.25, 0.75], [2], undefined).map((c) => c.sumsToOne), [true]);
  });

  it('checks printed log-probabilities by their logsumexp', () => {
    // log_softmax([1.2, -0.3, 2.5]) to 4 decimals (Python decimal, 50 digits).
    const ok = read('[-1.5877, -3.0877, -0.2877]');
    assert.deepStrictEqual(rowLogSumExpChecks(ok.array.values, ok.array.shape, ok.precision).map((c) => c.sumsToOne), [true]);
    const off = read('[-1.5, -3.0, -0.2]');
    assert.deepStrictEqual(rowLogSumExpChecks(off.array.values, off.array.shape, off.precision).map((c) => c.sumsToOne), [false]);
  });
});

interface PrintCase {
  style: string;
  digits: number;
  n: number;
  text: string;
}

describe('correctly rounded softmax prints (scripts/prints.py, exact decimal reference)', () => {
  const cases = (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { cases: PrintCase[] }).cases;

  it('covers torch and numpy styles, fixed and e-notation, 2 to 8 digits, 3 to 1000 classes', () => {
    assert.deepStrictEqual([...new Set(cases.map((c) => c.style))].sort(), ['numpy', 'numpy-sci', 'torch', 'torch-sci']);
    assert.deepStrictEqual([...new Set(cases.map((c) => c.digits))].sort(), [2, 3, 4, 5, 6, 7, 8]);
    assert.strictEqual(Math.min(...cases.map((c) => c.n)), 3);
    assert.strictEqual(Math.max(...cases.map((c) => c.n)), 1000);
  });

  it('never calls one of them wrong', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const arrays = findArrays(c.text, 'python');
      assert.strictEqual(arrays.length, 1, c.text.slice(0, 80));
      const precision = printPrecision(c.text, arrays[0], 'python');
      assert.ok(precision, `precision unknown for ${c.text.slice(0, 80)}`);
      const [check] = rowSumChecks(arrays[0].values, arrays[0].shape, precision);
      if (check.sumsToOne !== true) wrong.push(`${c.style} ${c.digits} n=${c.n}: sum ${check.sum} ± ${check.tolerance}`);
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('calls each of them wrong once every entry is two units off, wherever the units outweigh the float slack', () => {
    let checked = 0;
    for (const c of cases) {
      const [array] = findArrays(c.text, 'python');
      const precision = printPrecision(c.text, array, 'python')!;
      const half = array.values.reduce((s: number, _v: number, i: number) => s + halfUnit(precision, i), 0);
      const [exact] = rowSumChecks(array.values, array.shape, precision);
      // Two units each move the sum by 4 half-units; rounding accounts for at most one of them, the tolerance for another.
      if (2 * half <= exact.tolerance - half) continue;
      const shifted = array.values.map((v: number, i: number) => v + 4 * halfUnit(precision, i));
      checked++;
      assert.strictEqual(rowSumChecks(shifted, array.shape, precision)[0].sumsToOne, false, `${c.style} ${c.digits} n=${c.n}`);
    }
    assert.ok(checked > cases.length / 2, `only ${checked} of ${cases.length} cases could be shifted beyond their tolerance`);
  });
});
