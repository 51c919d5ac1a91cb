// The core's errors carry a code and parameters: a view words them in its language from the same template, and the
// English message is that template filled in.
import * as assert from 'assert';
import { describeError, errorTemplates, softmax, softmaxRows } from '../../src/core';
import { thrown } from '../harness/thrown';


/** A stand-in translation that shows which template and values it was given. */
const marked = (template: string, ...values: (string | number)[]) => `«${template}» ${values.join(' | ')}`;

describe('core error messages by code', () => {
  it('a NaN logit in a vector names its index; in a matrix its index and row', () => {
    const vector = thrown(() => softmax([1, NaN]));
    assert.strictEqual(vector.code, 'nanLogit');
    assert.strictEqual(describeError(vector, marked), `«${errorTemplates.nanLogit}» 1`);
    const matrix = thrown(() => softmaxRows([1, 2, 3, NaN], [2, 2]));
    assert.strictEqual(matrix.code, 'nanLogitInRow');
    assert.strictEqual(describeError(matrix, marked), `«${errorTemplates.nanLogitInRow}» 1 | 1`);
    assert.strictEqual(matrix.index, 3);
  });

  it('the English message is the template with its placeholders filled, none left over', () => {
    const overflow = thrown(() => softmaxRows([0, 0, 1e308, 0], [2, 2], { temperature: 1e-10 }));
    assert.strictEqual(overflow.message, 'Logit 0 in row 1 divided by the temperature 1e-10 overflows — use a larger temperature.');
    assert.strictEqual(describeError(overflow), overflow.message);
    for (const run of [() => softmax([]), () => softmax([-Infinity, -Infinity]), () => softmax([1], { temperature: 0 })]) {
      assert.ok(!/\{\d+\}/.test(thrown(run).message), thrown(run).message);
    }
  });
});
