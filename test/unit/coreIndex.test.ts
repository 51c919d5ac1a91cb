// The core's public face is a list a person keeps: what src/core/index.ts exports, value by value, is what
// CONTRIBUTING.md says it exports, so an internal cannot become API without someone writing it down.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as core from '../../src/core';

const contributing = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'CONTRIBUTING.md'), 'utf8');

/** The names in the fenced block that follows `heading` in CONTRIBUTING.md. */
function documented(heading: string): string[] {
  const at = contributing.indexOf(heading);
  assert.ok(at >= 0, `CONTRIBUTING.md has no "${heading}"`);
  const block = /```\n([^`]*)```/.exec(contributing.slice(at));
  assert.ok(block, `no list after "${heading}"`);
  return block[1].split(/\s+/).filter((name) => name !== '').sort();
}

describe('the core exports exactly the names CONTRIBUTING.md lists', () => {
  it('at the top level', () => {
    assert.deepStrictEqual(Object.keys(core).sort(), documented('Values the core exports:'));
  });
  it('in the lab group', () => {
    assert.deepStrictEqual(Object.keys(core.lab).sort(), documented('Values of the `lab` group:'));
  });
  it('including the contract of design.md', () => {
    for (const name of ['softmax', 'logSoftmax', 'logSumExp', 'softmaxRows', 'SoftmaxInputError', 'findArrays']) {
      assert.ok(name in core, name);
    }
  });
  it('and none of the internals the views once reached into', () => {
    for (const name of ['shiftRow', 'inRanges', 'STEP', 'profileFor', 'temperatureOf', 'rowPlace', 'Checkpoints']) {
      assert.ok(!(name in core), name);
    }
  });
});
