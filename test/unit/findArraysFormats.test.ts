// The print formats people paste, read as the arrays they print: each beside a look-alike that must be left alone.
import * as assert from 'assert';
import { classifyArray, findArrays } from '../../src/core';

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
