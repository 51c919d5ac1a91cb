// KL both ways, cross-entropy and total variation of two softmax distributions, against an exact reference.
import * as assert from 'assert';
import { breakdown, lab, SoftmaxInputError } from '../../src/core';
import { labFixtures, numbers, relativeTo, type CompareFixture } from './labFixtures';

const fixtures = labFixtures<CompareFixture>('compare');
const keys = ['klPQ', 'klQP', 'crossEntropy', 'totalVariation'] as const;

function distributions(f: CompareFixture) {
  const options = { temperature: f.temperature };
  return [breakdown(numbers(f.x), options), breakdown(numbers(f.y), options)] as const;
}

/** What the rounding of p, q and their logs can move a sum or term by: Σ p (|ln p| + |ln q|) and the like, at least 1. */
function scaleOf(p: lab.Distribution, q: lab.Distribution, i?: number): number {
  let s = 0;
  const n = p.probabilities.length;
  for (let k = i ?? 0; k < (i === undefined ? n : i + 1); k++) {
    const lp = Math.abs(p.logProbabilities[k]);
    const lq = Math.abs(q.logProbabilities[k]);
    s += (p.probabilities[k] + q.probabilities[k]) * (1 + (Number.isFinite(lp + lq) ? lp + lq : 0));
  }
  return Math.max(s, i === undefined ? 1 : 2 ** -1000);
}

describe('lab: comparing two distributions', () => {
  for (const f of fixtures) {
    it(`${f.name}: every total and per-entry term within 8 ε of what the rounding of p, q and their logs allows`, () => {
      const [p, q] = distributions(f);
      const c = lab.compare(p, q);
      for (const key of keys) {
        assert.ok(relativeTo(c[key], f[key], scaleOf(p, q)) <= 8, `${key} = ${c[key]}, exact ${f[key][0]}`);
        f.terms[key].forEach((exact, i) => {
          assert.ok(relativeTo(c.terms[key][i], exact, scaleOf(p, q, i)) <= 8, `${key}[${i}] = ${c.terms[key][i]}, exact ${exact[0]}`);
        });
      }
    });
  }

  it('equal distributions: every divergence exactly 0, cross-entropy the entropy', () => {
    const [p, q] = distributions(fixtures.find((f) => f.name === 'equal distributions')!);
    const c = lab.compare(p, q);
    assert.strictEqual(c.klPQ, 0);
    assert.strictEqual(c.klQP, 0);
    assert.ok(Math.abs(c.crossEntropy - p.entropyNats) <= 4 * Number.EPSILON * p.entropyNats);
    assert.ok(c.totalVariation < 1e-16);
  });

  it('says honestly where KL is infinite: q = 0 where p > 0 gives +∞ in KL(p‖q) and H(p, q), and names the entry', () => {
    const [p, q] = distributions(fixtures.find((f) => f.name.startsWith('q masks an entry'))!);
    const c = lab.compare(p, q);
    assert.strictEqual(c.klPQ, Infinity);
    assert.strictEqual(c.crossEntropy, Infinity);
    assert.ok(Number.isFinite(c.klQP), 'the other way round q puts nothing where p does not');
    assert.strictEqual(c.terms.klPQ[1], Infinity);
    assert.deepStrictEqual(c.onlyInP, { count: 1, first: 1 });
    assert.deepStrictEqual(c.onlyInQ, { count: 0, first: -1 });
    assert.ok(!Number.isNaN(c.totalVariation) && c.totalVariation > 0);
  });

  it('an entry both mask adds nothing anywhere (0 · ln 0 is 0, not NaN)', () => {
    const [p, q] = distributions(fixtures.find((f) => f.name === 'both mask the same entry')!);
    const c = lab.compare(p, q);
    for (const key of keys) assert.strictEqual(c.terms[key][1], 0, key);
    assert.deepStrictEqual(c.onlyInP.count + c.onlyInQ.count, 0);
  });

  it('probabilities that underflow to 0 still have finite terms, from their logarithms', () => {
    const [p, q] = distributions(fixtures.find((f) => f.name.startsWith('underflowed'))!);
    assert.strictEqual(p.probabilities[1], 0);
    const c = lab.compare(p, q);
    assert.ok(Number.isFinite(c.klPQ) && Number.isFinite(c.klQP) && Number.isFinite(c.crossEntropy));
    assert.strictEqual(c.onlyInP.count, 0);
  });

  it('refuses distributions over different numbers of classes', () => {
    assert.throws(() => lab.compare(breakdown([1, 2]), breakdown([1, 2, 3])), (e: unknown) => e instanceof SoftmaxInputError && /2 and 3/.test(e.message));
  });
});
