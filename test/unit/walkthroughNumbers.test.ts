// The walkthrough's numbers for a long array never mislead: masked entries are counted from the logits (−∞), the
// smallest probability is of an entry not masked even where it underflowed, and nothing below 1 reads 1.
import * as assert from 'assert';
import { englishReadingWords } from '../../src/core';
import { buildView } from '../../src/panel/viewModel';

function viewOf(logits: number[], decimals = 4) {
  return buildView({
    seq: 1,
    ref: { uri: 'untitled:logits', start: 0 },
    array: { start: 0, end: 1, shape: [logits.length], values: logits },
    source: { fileName: 'logits', line: 1, lineText: '' },
    reading: { label: 'logits', reason: 'scores or data: nothing around it says otherwise' },
    row: 0,
    temperature: 1,
    decimals,
    pinned: false,
    lingering: false,
    words: englishReadingWords,
  });
}

describe('the walkthrough summary of a long array', () => {
  // One logit far above 60 others: its probability is the double 1, theirs exp(-1000) = 5.07595889…e-435 (Python decimal).
  const logits = [0, ...Array.from({ length: 60 }, () => -1000), -Infinity, -Infinity, -Infinity];

  it('counts the masked entries from the logits, not the probabilities that read 0', () => {
    assert.strictEqual(viewOf(logits).summary?.masked, 3);
  });

  it('gives the smallest probability of an entry not masked, however small, instead of 1', () => {
    assert.strictEqual(viewOf(logits).summary?.smallest, '5.1e-435');
  });

  it('writes the largest probability and the mass of the rows shown as above 0.9999, since 60 other entries hold some', () => {
    const view = viewOf(logits);
    assert.strictEqual(view.rows[0].probability, '>0.9999');
    assert.strictEqual(view.summary?.massShown, '>0.9999');
    assert.ok(view.rows[0].normalizeTex.endsWith('> 0.9999'), view.rows[0].normalizeTex);
  });

  it('with every unmasked entry shown among the top rows, the mass shown is 1', () => {
    const few = [2, 1, ...Array.from({ length: 60 }, () => -Infinity)];
    const view = viewOf(few);
    assert.strictEqual(view.summary?.massShown, '1.0000');
    assert.strictEqual(view.summary?.masked, 60);
  });
});
