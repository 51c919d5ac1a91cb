// A scan the editor keeps for each open document holds, beside its arrays, a small fraction of a byte per character
// of text, whatever its brackets: measured after full garbage collections in a child `node --expose-gc`.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { shapes, type ShapeMemory } from './scanMemory';

const program = path.join(__dirname, 'scanMemoryChild.js');
const chars = 1 << 20;
/** Bytes per character of text a finished scan may keep beyond its arrays (checkpoints, brackets, bookkeeping). */
const budget = 0.5;

function measured(index: number): ShapeMemory {
  // A heap limit well above the budget, so a scan that keeps kilobytes per line fails quickly instead of filling the machine.
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=512', program, String(chars), String(index)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.strictEqual(run.status, 0, `the measurement stopped (${run.signal ?? run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(run.stdout.trim()) as ShapeMemory;
}

describe('what a scan keeps per character of text', function () {
  this.timeout(90_000);
  shapes.forEach((shape, index) => {
    it(`${shape.name}: under ${budget} bytes per character beyond the arrays`, () => {
      const m = measured(index);
      const perChar = m.beyondArrays / m.chars;
      assert.ok(perChar <= budget, `${(perChar).toFixed(2)} bytes per character (${m.checkpoints} checkpoints) in ${m.chars} characters`);
    });
  });
});
