// The print formats people paste, read as the arrays they print: each beside a look-alike that must be left alone.
import * as assert from 'assert';
import fc from 'fast-check';
import { classifyArray, findArrays, requireWholeArray } from '../../src/core';
import { checkRescan } from './fuzzProperties';

/** An edit at a random place, deleting up to 12 characters, inserting one of `pieces`. */
const anEditOf = (pieces: string[]) =>
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 12 }), fc.constantFrom(...pieces));

const literals = (text: string, languageId?: string) => findArrays(text, languageId).map((a) => text.slice(a.start, a.end));

describe('findArrays on pasted print formats', () => {
  it('reads $[…]$ in Markdown and LaTeX as an array, and $\\lambda \\in [0, 1]$ as an interval the roles call a shape', () => {
    assert.deepStrictEqual(literals('inputs $[[0,0], [0,1], [1,0], [1,1]]$, targets $[0,1,1,0]$', 'markdown'), ['[[0,0], [0,1], [1,0], [1,1]]', '[0,1,1,0]']);
    assert.deepStrictEqual(literals('targets $[0,1,1,0]$', 'latex'), ['[0,1,1,0]']);
    const text = 'Mix the two losses with $\\lambda \\in [0, 1]$.';
    const [interval] = findArrays(text, 'markdown');
    assert.strictEqual(classifyArray(text, interval, 'markdown').role, 'shape');
    for (const prose of ['门的值域为$[0,1]$。', '元素值域在$[0, 1]$的', 'to project the pixels into $[0, 1]$ first']) {
      const [range] = findArrays(prose, 'markdown');
      assert.strictEqual(classifyArray(prose, range, 'markdown').role, 'shape', prose);
    }
    const vectors = 'The inputs $[[0,0], [0,1], [1,0], [1,1]]$ and targets $[0,1,1,0]$.';
    assert.deepStrictEqual(findArrays(vectors, 'markdown').map((a) => classifyArray(vectors, a, 'markdown').role), ['logits', 'logits']);
    // `$` is a name character in code: `$[0, 1]` there stays a subscript.
    assert.deepStrictEqual(literals('const pair = $[0, 1];', 'javascript'), []);
    assert.deepStrictEqual(literals('```js\nconst pair = $[0, 1];\n```\n', 'markdown'), []);
  });
});

const notebook = (outputLines: string[]) =>
  `{\n "cells": [\n  {\n   "cell_type": "code",\n   "outputs": [\n    {\n     "output_type": "stream",\n     "text": [\n${outputLines
    .map((l) => `      ${JSON.stringify(l)}`)
    .join(',\n')}\n     ]\n    }\n   ],\n   "source": ["print(x)"]\n  }\n ],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n`;

describe('findArrays on a notebook opened as JSON text', () => {
  const printed = notebook(['tensor([[0.1, 0.2],\n', '        [0.3, 0.4]])\n']);

  it('reads a print split over the JSON strings of an output as one array, with offsets into the JSON text', () => {
    for (const id of ['json', 'jupyter', 'jsonc', undefined]) {
      const found = findArrays(printed, id);
      assert.strictEqual(found.length, 1, String(id));
      assert.deepStrictEqual(found[0].shape, [2, 2]);
      assert.deepStrictEqual(found[0].values, [0.1, 0.2, 0.3, 0.4]);
      assert.strictEqual(printed.slice(found[0].start, found[0].end), '[[0.1, 0.2],\\n",\n      "        [0.3, 0.4]]');
    }
  });

  it('decides by content: JSON that is no notebook keeps the JSON rules, and a file name alone decides nothing', () => {
    const noFormat = printed.replace('"nbformat": 4,', '"format": 4,');
    assert.deepStrictEqual(findArrays(noFormat, 'json').map((a) => a.shape), [[2], [2]]);
    const cellsLater = printed.replace('{\n "cells"', '{\n "name": "grid",\n "cells"');
    assert.deepStrictEqual(findArrays(cellsLater, 'json').map((a) => a.shape), [[2], [2]]);
    // A notebook's text pasted into Python keeps Python's rules.
    assert.deepStrictEqual(findArrays(printed, 'python').map((a) => a.shape), [[2], [2]]);
  });

  it('reads numpy rows without commas and a ragged print across JSON strings as the print says', () => {
    assert.deepStrictEqual(findArrays(notebook(['[0.659 0.242\n', ' 0.099]\n']), 'json').map((a) => a.values), [[0.659, 0.242, 0.099]]);
    assert.deepStrictEqual(findArrays(notebook(['[[1, 2],\n', ' [3]]\n']), 'json'), []);
  });

  it('leaves the JSON lists of lines and strings that are not numbers alone', () => {
    assert.deepStrictEqual(findArrays(notebook(['["a", "b"]\n', '[1, "2"]\n']), 'json'), []);
    assert.deepStrictEqual(findArrays(notebook(['[1, 2]\n']), 'json').map((a) => a.shape), [[2]]);
  });

  it('rescans an edited notebook as a whole scan reads it, also when the edit makes it JSON that is no notebook', () => {
    const text = notebook(['[[1, 2],\n', ' [3, 4]]\n']);
    const at = text.indexOf('"nbformat"');
    checkRescan(text, 'json', [[at / text.length, 10, '"format"'], [at / text.length, 8, '"nbformat"']], 50, 1);
    checkRescan(text, 'json', [[0, 1, ''], [0, 0, '{']], 7, 1);
    fc.assert(
      fc.property(fc.array(anEditOf(['[1, 2]', '",\n "', '\\n', '"nbformat": 4,', '{"cells": [', '']), { minLength: 1, maxLength: 4 }), (edits) =>
        checkRescan(text, 'json', edits, 23, 1),
      ),
      { numRuns: 200 },
    );
  });
});

describe('findArrays on a call whose tuple of rows starts a line', () => {
  it('rescans it as a whole scan reads it, the tuple right after the bracket or after other arguments', () => {
    for (const text of ['m = f(\n((1, 2), [3, 4]))\n', 'm = f(a,\n((1, 2), [3, 4]))\n', 'f(a\n(a\n(\n((1, 2), [3, 4]))\n']) {
      for (const spacing of [0, 1, 5]) checkRescan(text, 'python', [[text.indexOf('4') / text.length, 1, '5']], 100, 1, spacing);
    }
    assert.deepStrictEqual(literals('m = f(\n((1, 2), [3, 4]))\n', 'python'), ['((1, 2), [3, 4])']);
    assert.deepStrictEqual(literals('m = f(a,\n((1, 2), [3, 4]))\n', 'python'), ['[3, 4]']);
  });
});

describe('findArrays on MATLAB opened as Objective-C', () => {
  it('reads [1 2; 3 4] and ... continuations when the content is MATLAB', () => {
    const text = '% logits\nz = [2 1 0.1];\nA = [1 2; 3 4];\nb = [0.5, ...\n     0.25];\ndisp(A)\n';
    assert.deepStrictEqual(findArrays(text, 'objective-c').map((a) => a.shape), [[3], [2, 2], [2]]);
  });

  it('keeps the rules of Objective-C for Objective-C', () => {
    const text = '#import <Foundation/Foundation.h>\n// [1 2; 3 4]\n@implementation S\n- (void)f {\n  double z[2] = {1.5, 2.5};\n}\n@end\n';
    assert.deepStrictEqual(findArrays(text, 'objective-c').map((a) => text.slice(a.start, a.end)), ['{1.5, 2.5}']);
  });

  it('rescans edits that turn MATLAB into Objective-C as a whole scan reads them', () => {
    const text = '% a\nA = [1 2; 3 4];\n';
    checkRescan(text, 'objective-c', [[0, 3, '#import <x.h>\n@end'], [0, 0, '% b\n% c\n']], 5, 1);
  });
});

describe('elided prints', () => {
  it('carry how many values they show and no values, and classifying them never throws', () => {
    const text = '>>> x\ntensor([[ 0.0273,  0.0296, ...,  -0.0142],\n        ...,\n        [ 0.0100,  0.0200, ...,  0.0300]], grad_fn=<SoftmaxBackward0>)\n';
    const [print] = findArrays(text, 'python');
    assert.deepStrictEqual({ shape: print.shape, values: print.values, elided: print.elided }, { shape: [0], values: [], elided: { shown: 6 } });
    assert.strictEqual(text.slice(print.start, print.end), text.slice(text.indexOf('[['), text.indexOf(']]') + 2));
    assert.strictEqual(classifyArray(text, print, 'python').role, 'logits');
    assert.throws(() => requireWholeArray(print), /^SoftmaxInputError: This print is elided; it shows 6 of the values\.$/);
    // Julia's vertical and horizontal elision, numpy's summarised print.
    assert.deepStrictEqual(findArrays('[0.058 0.127 … 0.080 0.035]', 'julia').map((a) => a.elided), [{ shown: 4 }]);
    assert.deepStrictEqual(findArrays('[  0   1   2 ... 997 998 999]').map((a) => a.elided), [{ shown: 6 }]);
    // A print with one value shown, and Python's own Ellipsis in a subscript, are no arrays.
    assert.deepStrictEqual(findArrays('x = [1, ...]\ny = a[..., 0]\n', 'python'), []);
  });
});

describe('findArrays on Julia REPL and R torch prints', function () {
  this.timeout(30_000);

  it('reads the print in a comment, in plain output text and with R Markdown #> prefixes', () => {
    const comment = '# 2-element Vector{Float32}:\n#  1.0\n#  2.5\nx = 1\n';
    assert.deepStrictEqual(findArrays(comment, 'julia').map((a) => [comment.slice(a.start, a.end), a.values]), [['2-element Vector{Float32}:\n#  1.0\n#  2.5', [1, 2.5]]]);
    const output = 'torch_tensor\n 0.1000  0.2000\n 0.3000  0.4000\n[ CPUFloatType{2,2} ][ grad_fn = <AddBackward0> ]\n';
    assert.deepStrictEqual(findArrays(output).map((a) => a.shape), [[2, 2]]);
    assert.deepStrictEqual(findArrays(`#> ${output.replace(/\n(?=.)/g, '\n#> ')}`, 'r').map((a) => a.values), [[0.1, 0.2, 0.3, 0.4]]);
  });

  it('leaves a header alone when its lines do not make the print it announces', () => {
    assert.deepStrictEqual(findArrays('3-element Vector{Float64}:\n 1.0\n 2.0\n\nmore text\n'), []);
    assert.deepStrictEqual(findArrays('2×2 Matrix{Float64}:\n 1.0  2.0\n 3.0\n'), []);
    assert.deepStrictEqual(findArrays('torch_tensor\n 1\n 2\n[ CPULongType{3} ]\n'), []);
    // The same rows under a different comment marker are not the print's.
    assert.deepStrictEqual(findArrays('# 2-element Vector{Int64}:\n 1\n 2\n', 'julia'), []);
  });

  it('returns on a megabyte of headers, slices and torch_tensor lines, finding the print after them', () => {
    // Speed is measured in the bench (linearity); the suite's timeout only catches a scan gone quadratic.
    const last = '2-element Vector{Float64}:\n 1.5\n 2.5\n';
    for (const piece of ['3-element Vector{Float64}:\n', 'torch_tensor\n\n', '2×2×2 Array{Int64, 3}:\n[:, :, 1] =\n\n', '1000-element Vector{Float64}:\n ⋮\n']) {
      const text = `${piece.repeat(Math.ceil(1e6 / piece.length))}\n${last}`;
      assert.deepStrictEqual(findArrays(text, 'julia').map((a) => a.values).slice(-1), [[1.5, 2.5]], JSON.stringify(piece));
    }
  });

  it('rescans an edited print as a whole scan reads it', () => {
    const cut = '3-element Vector{Float64}:\n 0.1\n 0.2\nx\n';
    // The line that ends a print decides it: typing the missing value there makes the print.
    checkRescan(cut, 'julia', [[cut.indexOf('x') / cut.length, 1, ' 0.3']], 100, 1);
    checkRescan(cut, 'julia', [[cut.indexOf('x') / cut.length, 0, ' 0.3\n']], 100, 1);
    // A header at the end of the text: what is typed after it is read with it.
    checkRescan('torch_tensor\n', 'r', [[1, 0, ' 1  2\n[ CPUFloatType{2} ]\n']], 100, 1);
    const text = 'julia> x\n3-element Vector{Float64}:\n 0.1\n 0.2\n 0.3\n\ntorch_tensor\n 1  2\n 3  4\n[ CPUFloatType{2,2} ]\n';
    fc.assert(
      fc.property(fc.array(anEditOf([' 0.4\n', '\n', ' ⋮\n', '4-element', '[ CPUFloatType{2} ]', ' 5  6\n', '#> ', '']), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 40 }), (edits, slice) =>
        checkRescan(text, 'julia', edits, slice, 1),
      ),
      { numRuns: 300 },
    );
  });
});
