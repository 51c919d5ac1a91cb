// Top-k, top-p and min-p after the temperature, as transformers applies them, against an exact reference.
import * as assert from 'assert';
import fc from 'fast-check';
import { breakdown, breakdownSteps, lab, runSteps, SoftmaxInputError, softmax } from '../../src/core';
import { labFixtures, nearestOf, numbers, ulpsFrom, type SamplingFixture } from './labFixtures';

const fixtures = labFixtures<SamplingFixture>('sampling');
const find = (name: string) => {
  const f = fixtures.find((g) => g.name === name);
  assert.ok(f, name);
  return f;
};

function run(f: SamplingFixture): lab.Sampled {
  return lab.sampling(breakdown(numbers(f.logits), { temperature: f.temperature }), f.options);
}

describe('lab: sampling filters', () => {
  for (const f of fixtures) {
    it(`${f.name}: the survivors, each filter's count and value, renormalized p within 3 ulps`, () => {
      const s = run(f);
      assert.deepStrictEqual(Array.from(s.kept), f.kept);
      assert.strictEqual(s.keptCount, f.kept.reduce((a, b) => a + b, 0));
      assert.deepStrictEqual(
        s.stages.map(({ filter, parameter, seen, kept }) => ({ filter, parameter, seen, kept })),
        f.stages.map(({ filter, parameter, seen, kept }) => ({ filter, parameter, seen, kept })),
      );
      s.stages.forEach((stage, k) => assert.ok(ulpsFrom(stage.value, f.stages[k].value) <= 4, `${stage.filter} value ${stage.value}`));
      f.after.forEach((exact, i) => {
        const got = s.after.probabilities[i];
        assert.ok(ulpsFrom(got, exact) <= 3, `p̃[${i}] = ${got}, exact ${exact[0]}`);
        if (f.kept[i] === 0) assert.strictEqual(got, 0, `a cut entry has probability exactly 0 (${i})`);
      });
      assert.ok(ulpsFrom(s.keptMass, f.keptMass) <= 4, `kept mass ${s.keptMass}`);
    });

    it(`${f.name}: entropy and perplexity before and after, within 1e-14 relative`, () => {
      const s = run(f);
      const close = (got: number, exact: SamplingFixture['entropyAfter'], what: string) => {
        const e = nearestOf(exact);
        assert.ok(Math.abs(got - e) <= 1e-14 * Math.max(e, 1) + 2 ** -1074, `${what}: ${got} vs ${e}`);
      };
      close(s.entropyBefore, f.entropyBefore, 'H before');
      close(s.entropyAfter, f.entropyAfter, 'H after');
      close(s.perplexityBefore, f.perplexityBefore, 'perplexity before');
      close(s.perplexityAfter, f.perplexityAfter, 'perplexity after');
    });
  }

  it('[2.0, 1.0, 0.1] with top-k 2 renormalizes to 0.7311, 0.2689, 0: the softmax of [2.0, 1.0] alone', () => {
    const s = lab.sampling(breakdown([2, 1, 0.1]), { topK: 2 });
    assert.deepStrictEqual(Array.from(s.after.probabilities, (p) => p.toFixed(4)), ['0.7311', '0.2689', '0.0000']);
    assert.deepStrictEqual(s.after.probabilities.subarray(0, 2), softmax([2, 1]));
  });

  it('ties at the top-k boundary all survive, so more than k may stay', () => {
    const s = run(find('ties at the top-k boundary all stay'));
    assert.strictEqual(s.stages[0].parameter, 2);
    assert.strictEqual(s.keptCount, 4);
  });

  it('top-p exactly reached keeps the entries that reach it, and not one more', () => {
    assert.strictEqual(run(find('top-p exactly reached by two of four equal logits')).keptCount, 2);
    assert.strictEqual(run(find('top-p one ulp above two quarters needs a third')).keptCount, 3);
  });

  it('top-p sees what top-k left, renormalized, as transformers chains its warpers', () => {
    const chained = run(find('top-p after top-k sees the renormalized distribution'));
    const alone = run(find('the same top-p without top-k keeps one more'));
    assert.strictEqual(alone.keptCount, chained.keptCount + 1);
  });

  it('n = 1 after filtering: probability 1, entropy 0, perplexity 1', () => {
    for (const name of ['worked example, top-k 1: one survivor', 'all masked but one', 'top-p 0 keeps the most probable entry']) {
      const s = run(find(name));
      assert.strictEqual(s.keptCount, 1, name);
      assert.strictEqual(s.after.probabilities[s.after.argmax], 1, name);
      assert.strictEqual(s.entropyAfter, 0, name);
      assert.strictEqual(s.perplexityAfter, 1, name);
    }
  });

  it('off values (top-k 0, top-p 1, min-p 0) change nothing and run no filter', () => {
    const b = breakdown([0.5, -1, 3, 3]);
    for (const options of [{}, { topK: 0, topP: 1, minP: 0 }]) {
      const s = lab.sampling(b, options);
      assert.deepStrictEqual(s.stages, []);
      assert.strictEqual(s.after, b);
      assert.strictEqual(s.keptCount, 4);
      assert.strictEqual(lab.samplingIsOn(options), false);
    }
    assert.strictEqual(lab.samplingIsOn({ minP: 0.1 }), true);
  });

  it('every filter keeps the most probable entry, whatever its parameter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.nat(45),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, topK, topP, minP) => {
          const b = breakdown(x);
          const s = lab.sampling(b, { topK, topP, minP });
          assert.strictEqual(s.kept[b.argmax], 1);
          let sum = 0;
          for (let i = 0; i < x.length; i++) {
            if (s.kept[i] === 0) assert.strictEqual(s.after.probabilities[i], 0);
            else assert.ok(s.after.probabilities[i] >= b.probabilities[i], 'renormalizing never lowers a survivor');
            sum += s.after.probabilities[i];
          }
          assert.ok(Math.abs(sum - 1) < 1e-12);
          assert.ok(s.entropyAfter <= s.entropyBefore + 1e-12, 'cutting entries never adds entropy here');
        },
      ),
    );
  });

  it('a 200 000-entry vocabulary is filtered in steps of at most 64 K entries, with the same result', () => {
    const x = Float64Array.from({ length: 200_000 }, (_, i) => Math.sin(i * 12.9898) * 10);
    const b = runSteps(breakdownSteps(x));
    const steps = lab.samplingSteps(b, { topK: 50_000, topP: 0.9, minP: 0.001 });
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    assert.ok(yields > 20, `${yields} steps`);
    const once = lab.sampling(b, { topK: 50_000, topP: 0.9, minP: 0.001 });
    assert.deepStrictEqual(r.value.kept, once.kept);
    assert.deepStrictEqual(r.value.after.probabilities, once.after.probabilities);
  });

  it('names the filter and its range when a parameter is out of range', () => {
    const b = breakdown([1, 2]);
    for (const [options, pattern] of [
      [{ topK: -1 }, /Top-k must be a whole number, 0 to turn it off \(got -1\)/],
      [{ topK: 1.5 }, /Top-k/],
      [{ topP: 1.2 }, /Top-p must be a number from 0 to 1, 1 to turn it off \(got 1\.2\)/],
      [{ minP: NaN }, /Min-p must be a number from 0 to 1/],
    ] as const) {
      assert.throws(() => lab.sampling(b, options), (e: unknown) => e instanceof SoftmaxInputError && pattern.test(e.message));
    }
  });
});

describe('lab: ranking entries largest first', () => {
  it('agrees with a full sort, ties by the lower index, for any array', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 400 }), (x) => {
        const sorted = x.map((_, i) => i).sort((i, j) => x[j] - x[i] || i - j);
        assert.deepStrictEqual(Array.from(lab.rankOrder(x)), sorted);
      }),
    );
  });

  it('ranks −∞ after every number and NaN last', () => {
    assert.deepStrictEqual(Array.from(lab.rankOrder([NaN, -Infinity, 0, NaN, 5, -Infinity])), [4, 2, 1, 5, 0, 3]);
  });

  it('ranks 200 000 entries as a full sort does', () => {
    const x = Float64Array.from({ length: 200_000 }, (_, i) => Math.round(Math.sin(i * 7.3) * 1000) / 10);
    const sorted = Array.from({ length: x.length }, (_, i) => i).sort((i, j) => x[j] - x[i] || i - j);
    assert.deepStrictEqual(Array.from(lab.rankOrder(x)), sorted);
  });
});
