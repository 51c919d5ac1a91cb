// The cross-entropy gradient p − onehot(y) and the softmax Jacobian diag(p) − ppᵀ, against an exact reference.
import * as assert from 'assert';
import { breakdown, lab, SoftmaxInputError } from '../../src/core';
import { labFixtures, numbers, ulpsFrom, type TrainingFixture } from './labFixtures';

const fixtures = labFixtures<TrainingFixture>('training');

describe('lab: the gradient and the Jacobian', () => {
  for (const f of fixtures) {
    it(`${f.name}: every gradient entry within 3 ulps, the target's too`, () => {
      const b = breakdown(numbers(f.logits), { temperature: f.temperature });
      const g = lab.crossEntropyGradient(b, f.target);
      f.gradient.forEach((exact, i) => assert.ok(ulpsFrom(g[i], exact) <= 3, `g[${i}] = ${g[i]}, exact ${exact[0]}`));
    });
    if (f.jacobian) {
      it(`${f.name}: every Jacobian entry within 4 ulps, the diagonal's 1 − p_i too`, () => {
        const b = breakdown(numbers(f.logits), { temperature: f.temperature });
        const n = f.logits.length;
        const j = lab.softmaxJacobian(b);
        assert.strictEqual(j.length, n * n);
        f.jacobian!.forEach((exact, k) => assert.ok(ulpsFrom(j[k], exact) <= 4, `J[${Math.floor(k / n)}][${k % n}] = ${j[k]}, exact ${exact[0]}`));
      });
    }
  }

  it('keeps the digits of p_y − 1 when p_y is close to 1, where 1 − p_y in floating point keeps almost none', () => {
    const f = fixtures.find((g) => g.name.startsWith('a confident prediction'))!;
    const b = breakdown(numbers(f.logits));
    const naive = b.probabilities[0] - 1;
    assert.ok(ulpsFrom(naive, f.gradient[0]) > 1e6, `the naive difference is ${naive}`);
    assert.ok(ulpsFrom(lab.crossEntropyGradient(b, 0)[0], f.gradient[0]) <= 3);
  });

  it('the gradient adds up to 0 and the Jacobian is symmetric with rows adding up to 0', () => {
    const b = breakdown([0.3, -1.2, 2.2, 0.9, 0]);
    const g = lab.crossEntropyGradient(b, 3);
    assert.ok(Math.abs(g.reduce((a, v) => a + v, 0)) < 1e-15);
    const j = lab.softmaxJacobian(b);
    for (let r = 0; r < 5; r++) {
      let sum = 0;
      for (let c = 0; c < 5; c++) {
        assert.strictEqual(j[r * 5 + c], j[c * 5 + r]);
        sum += j[r * 5 + c];
      }
      assert.ok(Math.abs(sum) < 1e-15, `row ${r} adds up to ${sum}`);
    }
  });

  it('one class: no gradient at all, and a Jacobian of 0', () => {
    const b = breakdown([4]);
    assert.deepStrictEqual(Array.from(lab.crossEntropyGradient(b, 0)), [0]);
    assert.deepStrictEqual(Array.from(lab.softmaxJacobian(b)), [0]);
  });

  it('rejects a target that is not one of the classes', () => {
    for (const target of [-1, 3, 0.5]) {
      assert.throws(() => lab.crossEntropyGradient(breakdown([1, 2, 3]), target), (e: unknown) => e instanceof SoftmaxInputError && /from 0 to 2/.test(e.message));
    }
  });
});
