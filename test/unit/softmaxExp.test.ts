// The exp inside the softmax kernel, against exact e^d from scripts/reference.py (exp-points.json).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { expShifted } from '../../src/core/fastExp';
import { FIXTURE_DIR, ulp, ulpError } from './softmaxFixtures';

const MIN_NORMAL = 2.2250738585072014e-308;
/** Below this the kernel hands over to Math.exp (within 1 ulp in V8): results near or below the subnormal range. */
const TABLE_RANGE = -708;
const points = (
  JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'exp-points.json'), 'utf8')) as { points: [string, string, number][] }
).points;

describe('the exp of shifted logits', () => {
  it('is within 0.52 ulp of the exact e^d from −708 to 0', () => {
    let worst = 0;
    for (const [d, near, off] of points) {
      if (!(Number(d) > TABLE_RANGE)) continue;
      const e = Math.abs(ulpError(expShifted(Number(d), 0), near, off));
      assert.ok(e <= 0.52, `e^${d}: ${e.toFixed(3)} ulps`);
      worst = Math.max(worst, e);
    }
    assert.ok(worst > 0.3, 'the points reach the hard cases');
  });

  it('keeps results below −708, subnormals included, within 1 ulp and gives 0 only where e^d rounds to 0', () => {
    for (const [d, near, off] of points) {
      if (Number(d) > TABLE_RANGE) continue;
      const got = expShifted(Number(d), 0);
      assert.ok(Math.abs(ulpError(got, near, off)) <= 1, `e^${d} = ${got}, exact ≈ ${near}`);
      if (Number(near) > 0) assert.ok(got > 0);
    }
  });

  it('folds in the correction: e^(hi + c) is as accurate as e^d when hi + c = d exactly', () => {
    for (const [d, near, off] of points.slice(0, 2000)) {
      const x = Number(d);
      if (Number(near) < MIN_NORMAL || x === 0) continue;
      const c = 3 * ulp(x);
      const hi = x - c;
      if (hi + c !== x || hi - x !== -c) continue;
      const bound = hi > TABLE_RANGE ? 0.55 : 1;
      assert.ok(Math.abs(ulpError(expShifted(hi, c), near, off)) <= bound, `e^(${hi} + ${c})`);
    }
  });

  it('gives exactly 0 at −∞ whatever the correction', () => {
    assert.strictEqual(expShifted(-Infinity, NaN), 0);
    assert.strictEqual(expShifted(-1e308, 0), 0);
  });
});
