// The walkthrough's array references arrive from command arguments and a webview's saved state: only well-formed ones count.
import * as assert from 'assert';
import { parseArrayRef, sameRef, type ArrayRef } from '../../src/panel/protocol';

describe('array references', () => {
  const output: ArrayRef = { kind: 'output', notebook: 'file:///w/a.ipynb', cell: 2, output: 0, item: 1, start: 7 };

  it('reads a document reference with or without its kind, and an output reference', () => {
    assert.deepStrictEqual(parseArrayRef({ uri: 'file:///w/a.py', start: 4 }), { uri: 'file:///w/a.py', start: 4 });
    assert.deepStrictEqual(parseArrayRef({ kind: 'document', uri: 'file:///w/a.py', start: 0 }), { uri: 'file:///w/a.py', start: 0 });
    assert.deepStrictEqual(parseArrayRef({ ...output, extra: '<script>' }), output);
  });

  it('refuses what is not a reference: missing or mistyped fields, negative or fractional indices, unknown kinds', () => {
    for (const bad of [
      undefined,
      null,
      'file:///w/a.py',
      { uri: 'file:///w/a.py' },
      { uri: 3, start: 0 },
      { uri: 'file:///w/a.py', start: -1 },
      { uri: 'file:///w/a.py', start: 1.5 },
      { kind: 'cell', uri: 'file:///w/a.py', start: 0 },
      { ...output, cell: '2' },
      { ...output, output: -1 },
      { ...output, notebook: undefined },
      { kind: 'output', uri: 'file:///w/a.ipynb', start: 0 },
    ]) {
      assert.strictEqual(parseArrayRef(bad), undefined, JSON.stringify(bad));
    }
  });

  it('tells the same array from another: an output reference never equals a document one', () => {
    assert.ok(sameRef(output, { ...output }));
    assert.ok(!sameRef(output, { ...output, item: 0 }));
    assert.ok(!sameRef(output, { uri: output.notebook, start: output.start }));
    assert.ok(sameRef({ uri: 'u', start: 1 }, { kind: 'document', uri: 'u', start: 1 }));
  });
});
