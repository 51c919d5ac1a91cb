// What counts as an array in the ambiguous cases, and what comes back on hostile input.
import * as assert from 'assert';
import { findArrays, parseNumberList } from '../../src/core';

/** The literal text of each array found. */
function literals(text: string, languageId?: string): string[] {
  return findArrays(text, languageId).map((a) => text.slice(a.start, a.end));
}

describe('findArrays decisions in ambiguous cases', () => {
  it('reports a nested numeric array once, as the whole matrix', () => {
    const [m] = findArrays('w = [[1, 2], [3, 4], [5, 6]]', 'python');
    assert.deepStrictEqual(m.shape, [3, 2]);
    assert.deepStrictEqual(m.values, [1, 2, 3, 4, 5, 6]);
    assert.deepStrictEqual(findArrays('[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]')[0].shape, [2, 2, 2]);
  });

  it('reports the numeric arrays inside a list that also holds other things', () => {
    assert.deepStrictEqual(literals('[[1, 2], "label", [3, 4]]', 'python'), ['[1, 2]', '[3, 4]']);
    assert.deepStrictEqual(literals('{"a": [1, 2], "b": {"c": [3.5, 4]}}', 'json'), ['[1, 2]', '[3.5, 4]']);
  });

  it('reports nothing at all for a ragged nesting', () => {
    assert.deepStrictEqual(literals('[[1, 2], [3, 4, 5]]'), []);
    assert.deepStrictEqual(literals('[1, [2, 3]]'), []);
    assert.deepStrictEqual(literals('{"r": [[1, 2], [3]], "ok": [5, 6]}', 'json'), ['[5, 6]']);
  });

  it('spans the bracket literal for np.array(...) and friends, the whole call for R and Kotlin vectors', () => {
    assert.deepStrictEqual(literals('np.array([1, 2])', 'python'), ['[1, 2]']);
    assert.deepStrictEqual(literals('torch.tensor([[1, 2]])', 'python'), ['[[1, 2]]']);
    assert.deepStrictEqual(literals('x <- c(1, 2)', 'r'), ['c(1, 2)']);
    assert.deepStrictEqual(literals('val x = doubleArrayOf(1.0, 2.0)', 'kotlin'), ['doubleArrayOf(1.0, 2.0)']);
    assert.deepStrictEqual(literals('let v = vec![1.0, 2.0];', 'rust'), ['[1.0, 2.0]']);
  });

  it('treats a bracket right after a name, ) or ] as indexing, whatever is inside', () => {
    assert.deepStrictEqual(literals('a[0] x[1, 2] y[1:3] m[i][j] f()[1, 2] z[[1, 2]]', 'python'), []);
    assert.deepStrictEqual(literals('x = [1, 2][0]', 'python'), ['[1, 2]']);
  });

  it('reads tuples inside a list as rows', () => {
    assert.deepStrictEqual(findArrays('np.array([(1, 2), (3, 4)])', 'python')[0].shape, [2, 2]);
  });

  it('reads ; and line breaks as row separators only where the language does', () => {
    assert.deepStrictEqual(findArrays('[1 2; 3 4]', 'julia')[0].shape, [2, 2]);
    assert.deepStrictEqual(findArrays('[1 2\n 3 4]', 'julia')[0].shape, [2, 2]);
    assert.deepStrictEqual(findArrays('[1 2\n 3 4]', 'python')[0].shape, [4]);
    assert.deepStrictEqual(literals('[0.0; 10]', 'rust'), []);
    assert.deepStrictEqual(literals('[1 2; 3]', 'matlab'), []);
  });

  it('follows a multi-line array through comment prefixes when it was written in a comment', () => {
    const text = '# >>> x\n# [[1. 2.]\n#  [3. 4.]]\ny = 1\n';
    assert.deepStrictEqual(findArrays(text, 'python')[0].shape, [2, 2]);
    assert.deepStrictEqual(findArrays('// [1,\n// 2]', 'javascript')[0].values, [1, 2]);
    // The comment ends without the array: nothing, and the code after it is read normally.
    assert.deepStrictEqual(literals('# [1, 2,\nz = [3, 4]\n', 'python'), ['[3, 4]']);
  });

  it('does not take the // of a URL for a comment', () => {
    assert.deepStrictEqual(findArrays('fetch("https://example.com", [1,\n  2]);', 'javascript')[0]?.values, [1, 2]);
  });

  it('skips comments inside an array written in code', () => {
    assert.deepStrictEqual(findArrays('[1, # one\n 2]  # [9, 9]', 'python')[0].values, [1, 2]);
    assert.deepStrictEqual(findArrays('[1, /* ] */ 2, // ]\n 3]', 'typescript')[0].values, [1, 2, 3]);
  });

  it('reads doctest continuation lines inside an array', () => {
    assert.deepStrictEqual(findArrays('>>> np.array([1,\n...           2])', 'python')[0].values, [1, 2]);
  });

  it('does not take a summarized print-out (with ...) for the whole array: it is marked elided, without values', () => {
    assert.deepStrictEqual(findArrays('[  0   1   2 ... 997 998 999]', 'python'), [{ start: 0, end: 29, shape: [0], values: [], elided: { shown: 6 } }]);
  });

  it('ignores an unterminated array but still reports the complete arrays inside it', () => {
    assert.deepStrictEqual(literals('x = [[1, 2], [3, 4]', 'python'), ['[1, 2]', '[3, 4]']);
  });

  it('accepts the negative infinities of each language as masked logits', () => {
    const spellings = ["float('-inf')", 'float("-inf")', '-np.inf', '-math.inf', '-torch.inf', '-Infinity', '-Inf', '-inf',
      'Number.NEGATIVE_INFINITY', 'Double.NEGATIVE_INFINITY', 'f64::NEG_INFINITY', 'math.Inf(-1)', '−inf', '-float("inf")'];
    for (const s of spellings) assert.deepStrictEqual(findArrays(`[1, ${s}]`)[0]?.values, [1, -Infinity], s);
  });

  it('reads numbers written with a Unicode minus, as pasted from documents', () => {
    assert.deepStrictEqual(findArrays('[−1.5, 2]')[0].values, [-1.5, 2]);
  });

  it('keeps finding arrays after a stray bracket or an unclosed LaTeX matrix', () => {
    assert.deepStrictEqual(literals('s = "row["\nx = [1, 2]\ny = [3, 4]\n', 'python'), ['[1, 2]', '[3, 4]']);
    assert.deepStrictEqual(literals('s = "("\nx = [1, 2]\n', 'python'), ['[1, 2]']);
    assert.deepStrictEqual(literals('$\\begin{bmatrix} a & b $\n\nx = [1, 2]\n', 'markdown'), ['[1, 2]']);
    assert.deepStrictEqual(literals('\\begin{bmatrix} 1 & 2\n\nx = [1, 2]\n', 'markdown'), ['[1, 2]']);
  });

  it('reads LaTeX array environments, row spacing and column vectors', () => {
    const md = '$$\\left[\\begin{array}{cc} 1 & 2 \\\\[4pt] 3 & 4 \\end{array}\\right]$$';
    assert.deepStrictEqual(literals(md, 'markdown'), ['\\begin{array}{cc} 1 & 2 \\\\[4pt] 3 & 4 \\end{array}']);
    assert.deepStrictEqual(findArrays('\\begin{bmatrix}1\\\\2\\\\3\\end{bmatrix}', 'latex')[0].shape, [3]);
    assert.deepStrictEqual(literals('\\begin{bmatrix} 1 & \\cdots & 9 \\end{bmatrix}', 'latex'), []);
  });

  it('switches rules at Markdown code fences', () => {
    const md = 'text [1, 2]\n```julia\nA = [1 2\n     3 4]\n```\n[5 6\n 7 8]\n';
    assert.deepStrictEqual(findArrays(md, 'markdown').map((a) => a.shape), [[2], [2, 2], [4]]);
  });
});

describe('findArrays on hostile input', function () {
  // Speed is measured in the bench; here a generous bound only keeps a loaded machine from failing the run.
  this.timeout(30_000);
  const MB = 1024 * 1024;

  it('returns on a megabyte of opening brackets', () => {
    assert.deepStrictEqual(findArrays('['.repeat(MB)), []);
    assert.deepStrictEqual(findArrays(`${'['.repeat(MB)}1, 2${']'.repeat(MB)}`), []);
  });

  it('returns on 300 000 unterminated [1,', () => {
    assert.deepStrictEqual(findArrays('[1,'.repeat(300_000)), []);
    assert.deepStrictEqual(findArrays('[1,\n'.repeat(300_000), 'python'), []);
  });

  it('returns on half a megabyte of quotes and finds the array after them', () => {
    const text = `${'"\''.repeat(MB / 4)} [1, 2]`;
    assert.deepStrictEqual(literals(text), ['[1, 2]']);
  });

  it('finds every array on a single 10 MB line', () => {
    const line = 'x = [1.5, -2, 3e-1]; y = a[0]; '.repeat(Math.ceil((10 * MB) / 32));
    const found = findArrays(line, 'javascript');
    assert.strictEqual(found.length, Math.ceil((10 * MB) / 32));
    assert.deepStrictEqual(found[found.length - 1].values, [1.5, -2, 0.3]);
  });

  it('returns on endless calls, environments and comment openers', () => {
    assert.deepStrictEqual(findArrays('[float('.repeat(MB / 7)), []);
    assert.deepStrictEqual(findArrays('\\begin{bmatrix}1 &'.repeat(MB / 18)), []);
    assert.deepStrictEqual(findArrays('[1, /*'.repeat(MB / 6), 'c'), []);
    assert.deepStrictEqual(findArrays('# [1,\n'.repeat(MB / 6), 'python'), []);
    assert.deepStrictEqual(findArrays('\\begin{bmatrix}1\\\\['.repeat(MB / 20), 'latex'), []);
    assert.deepStrictEqual(findArrays('\\begin{array}{'.repeat(MB / 14), 'latex'), []);
    assert.deepStrictEqual(findArrays('9'.repeat(MB)), []);
    assert.deepStrictEqual(findArrays(`[${'9'.repeat(MB)}, 1]`)[0].values, [Number('9'.repeat(MB)), 1]);
  });
});

describe('parseNumberList for a selection', () => {
  it('reads bare numbers separated by commas, blanks or new lines', () => {
    assert.deepStrictEqual(parseNumberList('2.0, 1.0, 0.1')?.values, [2, 1, 0.1]);
    assert.deepStrictEqual(parseNumberList('2 1 0.1')?.values, [2, 1, 0.1]);
    assert.deepStrictEqual(parseNumberList('  2\n1\n0.1\n')?.values, [2, 1, 0.1]);
    assert.deepStrictEqual(parseNumberList('1, -inf, 2')?.values, [1, -Infinity, 2]);
  });

  it('accepts a single number, whose softmax is [1]', () => {
    const one = parseNumberList(' 3.5 ');
    assert.deepStrictEqual(one, { start: 1, end: 4, shape: [1], values: [3.5] });
    assert.deepStrictEqual(parseNumberList('[3.5]')?.values, [3.5]);
  });

  it('returns the array literal or matrix the selection holds, with its own span', () => {
    const text = 'w = np.array([[1, 2], [3, 4]])';
    const m = parseNumberList(text, 'python');
    assert.deepStrictEqual(m?.shape, [2, 2]);
    assert.strictEqual(text.slice(m!.start, m!.end), '[[1, 2], [3, 4]]');
    assert.deepStrictEqual(parseNumberList('\\begin{pmatrix} 1 & 2 \\end{pmatrix}', 'latex')?.values, [1, 2]);
  });

  it('reads several selected rows of the same length as one matrix', () => {
    const text = 'w = [[0, 1, 2],\n     [3, 4, 5],\n     [6, 7, 8]]';
    const rows = parseNumberList(text.slice(text.indexOf('[3'), text.indexOf('8]') + 2), 'python');
    assert.deepStrictEqual(rows?.shape, [2, 3]);
    assert.deepStrictEqual(rows?.values, [3, 4, 5, 6, 7, 8]);
    assert.strictEqual(parseNumberList('[1, 2], [3, 4, 5]'), undefined);
  });

  it('returns nothing for text without numbers, with non-numbers, or with several arrays', () => {
    assert.strictEqual(parseNumberList(''), undefined);
    assert.strictEqual(parseNumberList('   \n'), undefined);
    assert.strictEqual(parseNumberList('hello'), undefined);
    assert.strictEqual(parseNumberList('1, two, 3'), undefined);
    assert.strictEqual(parseNumberList('1.2.3'), undefined);
    assert.strictEqual(parseNumberList('1,, 2'), undefined);
    assert.strictEqual(parseNumberList('a = [1, 2]\nb = [3, 4]'), undefined);
  });
});
