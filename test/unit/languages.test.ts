// Each language's facts in one table: Copy writes an array as that language's own code, which Softmax Lens reads
// back to the same shape and the same doubles, and Insert Below comments it out with a marker the language reads.
import * as assert from 'assert';
import { exportSyntaxFor, findArrays, formatArray, languageFacts, languageOfPath } from '../../src/core';
import { profiles } from '../../src/core/arrays/profile';

/** Spellings that are easy to get wrong: a negative, one near the bottom of the doubles, 17 digits, a whole number, −0. */
const VECTOR = ['-2.5', '1e-300', '0.12345678901234567', '3', '-0'].map(Number);
const MATRIX = ['-1.7976931348623157e308', '0.1', '5e-324', '2', '-0.30000000000000004', '1e21'].map(Number);

/** The language ids the README lists, with what Copy writes for a short vector and a 2×2 matrix there. */
const OWN_SYNTAX: [languageId: string, vector: string, matrix: string][] = [
  ['python', '[0.5, 2.0]', '[[0.5, 2.0],\n [-1.0, 1e-05]]'],
  ['markdown', '[0.5, 2.0]', '[[0.5, 2.0],\n [-1.0, 1e-05]]'],
  ['javascript', '[0.5, 2]', '[[0.5, 2],\n [-1, 0.00001]]'],
  ['typescript', '[0.5, 2]', '[[0.5, 2],\n [-1, 0.00001]]'],
  ['json', '[0.5, 2]', '[[0.5, 2],\n [-1, 0.00001]]'],
  ['jsonc', '[0.5, 2]', '[[0.5, 2],\n [-1, 0.00001]]'],
  ['c', '{0.5, 2}', '{{0.5, 2},\n {-1, 0.00001}}'],
  ['cpp', '{0.5, 2}', '{{0.5, 2},\n {-1, 0.00001}}'],
  ['go', '[]float64{0.5, 2}', '[][]float64{{0.5, 2},\n            {-1, 0.00001}}'],
  ['rust', 'vec![0.5, 2.0]', 'vec![[0.5, 2.0],\n     [-1.0, 0.00001]]'],
  ['java', 'new double[] {0.5, 2}', 'new double[][] {{0.5, 2},\n                {-1, 0.00001}}'],
  ['csharp', 'new double[] {0.5, 2}', 'new double[,] {{0.5, 2},\n               {-1, 0.00001}}'],
  ['julia', '[0.5, 2]', '[0.5 2;\n -1 0.00001]'],
  ['matlab', '[0.5, 2]', '[0.5, 2;\n -1, 0.00001]'],
  ['octave', '[0.5, 2]', '[0.5, 2;\n -1, 0.00001]'],
  ['latex', '\\begin{bmatrix} 0.5 & 2 \\end{bmatrix}', '\\begin{bmatrix} 0.5 & 2 \\\\ -1 & 0.00001 \\end{bmatrix}'],
  ['r', 'c(0.5, 2)', 'matrix(c(0.5, 2,\n         -1, 0.00001), nrow = 2, byrow = TRUE)'],
  ['kotlin', 'doubleArrayOf(0.5, 2.0)', 'arrayOf(doubleArrayOf(0.5, 2.0),\n        doubleArrayOf(-1.0, 0.00001))'],
];

/** R and Kotlin matrices are read as what they hold: R's `c(…)` in row order, Kotlin's rows one by one. */
const ROWS_READ_APART = new Set(['r', 'kotlin']);

function exportIn(languageId: string, values: number[], shape: number[], decimals?: number): string {
  return formatArray(values, shape, exportSyntaxFor(languageId), decimals);
}

describe('Copy writes an array in the language of the document', () => {
  for (const [languageId, vector, matrix] of OWN_SYNTAX) {
    it(`${languageId}: a vector as ${vector.split('\n')[0]}…, a matrix with its rows aligned`, () => {
      assert.strictEqual(exportIn(languageId, [0.5, 2], [2]), vector);
      assert.strictEqual(exportIn(languageId, [0.5, 2, -1, 1e-5], [2, 2]), matrix);
    });

    it(`${languageId}: what it writes reads back to the same shape and doubles`, () => {
      const vectorText = exportIn(languageId, VECTOR, [VECTOR.length]);
      const [v, ...moreV] = findArrays(`x = ${vectorText}\n`, languageId);
      assert.strictEqual(moreV.length, 0, vectorText);
      assert.deepStrictEqual(v.shape, [VECTOR.length], vectorText);
      // JSON and LaTeX write −0 as 0: JSON.stringify does, and a typeset −0 reads as a mistake.
      VECTOR.forEach((x, i) => assert.ok(Object.is(v.values[i], x) || (x === 0 && v.values[i] === 0), `${vectorText} [${i}]`));

      const matrixText = exportIn(languageId, MATRIX, [2, 3]);
      const found = findArrays(`x = ${matrixText}\n`, languageId);
      if (ROWS_READ_APART.has(languageId)) {
        assert.deepStrictEqual(found.flatMap((a) => a.values), MATRIX, matrixText);
      } else {
        assert.strictEqual(found.length, 1, matrixText);
        assert.deepStrictEqual(found[0].shape, [2, 3], matrixText);
        assert.deepStrictEqual(found[0].values, MATRIX, matrixText);
      }
    });
  }

  it('writes −∞ as each language names it, and reads it back as a masked logit', () => {
    const names: Record<string, string> = {
      c: '-INFINITY', go: 'math.Inf(-1)', rust: 'f64::NEG_INFINITY', java: 'Double.NEGATIVE_INFINITY',
      csharp: 'double.NegativeInfinity', kotlin: 'Double.NEGATIVE_INFINITY', julia: '-Inf', matlab: '-Inf', r: '-Inf',
    };
    for (const [languageId, name] of Object.entries(names)) {
      const text = exportIn(languageId, [-Infinity, 1], [2]);
      assert.ok(text.includes(`${name}, `), text);
      assert.deepStrictEqual(findArrays(text, languageId).map((a) => a.values), [[-Infinity, 1]], text);
    }
  });

  it('rounds to the decimals asked, in a number each language takes as a double', () => {
    assert.strictEqual(exportIn('rust', [0.75, 1, 0], [3], 0), 'vec![1.0, 1.0, 0.0]');
    assert.strictEqual(exportIn('kotlin', [0.25, 1], [2], 1), 'doubleArrayOf(0.3, 1.0)');
    assert.strictEqual(exportIn('go', [0.75, 0], [2], 0), '[]float64{1, 0}');
  });

  it('writes JSON for a language that has no array syntax of its own here', () => {
    assert.strictEqual(exportSyntaxFor('plaintext'), 'json');
    assert.strictEqual(exportSyntaxFor('yaml'), 'json');
    assert.strictEqual(exportSyntaxFor('some-language-nobody-registered'), 'json');
  });
});

describe('Insert Below comments a result out the way the language does', () => {
  it('uses a line comment the language reads as one', () => {
    const marks: [string, keyof typeof profiles.generic][] = [['#', 'hash'], ['//', 'slash'], ['%', 'percent'], ['--', 'dash']];
    for (const id of ['python', 'jupyter', 'javascript', 'jsonc', 'c', 'go', 'rust', 'kotlin', 'php', 'matlab', 'octave', 'julia', 'r', 'latex', 'lua', 'sql', 'shellscript', 'yaml']) {
      const { commenting, profile } = languageFacts(id);
      assert.ok(commenting !== undefined && 'line' in commenting, id);
      const flag = marks.find(([mark]) => mark === commenting.line)?.[1];
      assert.ok(flag !== undefined && profile[flag] === true, `${id}: ${commenting.line}`);
    }
  });
  it('knows JSON has no comments, HTML only block comments, and Markdown none to need', () => {
    assert.deepStrictEqual(languageFacts('json').commenting, { none: 'JSON' });
    assert.deepStrictEqual(languageFacts('jsonl').commenting, { none: 'JSON Lines' });
    assert.deepStrictEqual(languageFacts('html').commenting, { block: ['<!--', '-->'] });
    assert.strictEqual(languageFacts('markdown').commenting, undefined);
  });
});

describe('a file is read in the language its ending names', () => {
  it('names the language VS Code would open it in', () => {
    assert.strictEqual(languageOfPath('docs/intro.md'), 'markdown');
    assert.strictEqual(languageOfPath('C:\\work\\model.H'), 'c');
    assert.strictEqual(languageOfPath('nb/train.ipynb'), 'jupyter');
    assert.strictEqual(languageOfPath('kernels/softmax.rs'), 'rust');
    assert.strictEqual(languageOfPath('notes.txt'), 'plaintext');
    assert.strictEqual(languageOfPath('Makefile'), 'plaintext');
    assert.strictEqual(languageOfPath('.md'), 'plaintext');
  });
});
