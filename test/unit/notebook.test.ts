// A notebook's JSON read as cells and saved outputs, and as one text the claim reader checks like a tutorial.
import * as assert from 'assert';
import { findClaims, notebookText, partAt, readNotebook } from '../../src/core';

const cell = (source: string[] | string, outputs: unknown[] = []) => ({ cell_type: 'code', execution_count: 1, metadata: {}, outputs, source });

describe('readNotebook', () => {
  it('reads sources and the text of stream, execute_result and display_data outputs, as lists of lines or strings', () => {
    const json = JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {}, source: '# Title' },
        cell(['x = 1\n', 'print(x)'], [{ name: 'stdout', output_type: 'stream', text: ['1\n'] }]),
        cell('x', [
          { output_type: 'execute_result', execution_count: 2, metadata: {}, data: { 'text/plain': ['array([0.5, ', '0.5])'], 'text/html': ['<b>no</b>'] } },
          { output_type: 'display_data', metadata: {}, data: { 'text/plain': 'shown' } },
          { output_type: 'error', ename: 'E', evalue: '', traceback: [] },
        ]),
      ],
      nbformat: 4,
    });
    assert.deepStrictEqual(readNotebook(json), [
      { kind: 'markdown', source: '# Title', outputs: [] },
      { kind: 'code', source: 'x = 1\nprint(x)', outputs: ['1\n'] },
      { kind: 'code', source: 'x', outputs: ['array([0.5, 0.5])', 'shown', ''] },
    ]);
  });

  it('is undefined for text that is not a notebook', () => {
    for (const text of ['', '{', '[]', '{"cells": 3}', 'null']) assert.strictEqual(readNotebook(text), undefined, text);
  });

  it('gives a text whose parts say which cell and output each offset came from', () => {
    const cells = readNotebook(JSON.stringify({ cells: [cell('print(p)', [{ name: 'stdout', output_type: 'stream', text: '[0.5 0.5]\n' }])] }))!;
    const { text, parts } = notebookText(cells);
    const at = text.indexOf('[0.5 0.5]');
    assert.deepStrictEqual(partAt(parts, at), { cell: 0, output: 0, start: at, text: '[0.5 0.5]\n' });
    assert.strictEqual(partAt(parts, text.indexOf('print'))?.output, -1);
  });

  it('checks a saved output against the cell that printed it, and leaves softmax of random data alone', () => {
    const wrong = readNotebook(JSON.stringify({ cells: [cell('logits = np.array([2.0, 1.0, 0.1])'), cell('softmax(logits)', [{ output_type: 'execute_result', data: { 'text/plain': 'array([0.70, 0.20, 0.10])' } }])] }))!;
    assert.deepStrictEqual(findClaims(notebookText(wrong).text, 'markdown').map((f) => f.code), ['wrongSoftmax']);
    const random = readNotebook(JSON.stringify({ cells: [cell(['X = torch.rand(3)\n', 'print(softmax(X))'], [{ name: 'stdout', output_type: 'stream', text: 'tensor([0.3107, 0.2986, 0.3907])\n' }])] }))!;
    assert.deepStrictEqual(findClaims(notebookText(random).text, 'markdown'), []);
  });
});
