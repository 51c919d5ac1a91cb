// Accuracy against the exact reference in test/fixtures/softmax (written by scripts/reference.py).
import * as assert from 'assert';
import { breakdown, crossEntropy, entropy, logSoftmax, logSumExp, softmax, softmaxRows } from '../../src/core';
import { exactSumMinusOne, loadFixtures, logitsOf, ulpError } from './softmaxFixtures';

const EPS = 2 ** -52;
const fixtures = loadFixtures();
const measured: string[] = [];

describe('softmax accuracy against the exact reference', function () {
  this.timeout(60000);

  after(() => {
    if (process.env.SOFTMAX_ACCURACY_TABLE) console.log(['| case | max ulps p | max ulps log p | Σp − 1 (eps) |', '|---|---|---|---|', ...measured].join('\n'));
  });

  it('has fixtures for every distribution and size the issue names', () => {
    const names = fixtures.map((f) => f.name);
    for (const dist of ['normal1', 'normal100', 'high', 'low', 'mask30', 'ties']) {
      for (const n of [2, 1000, 100000]) assert.ok(names.includes(`${dist}-n${n}`), `${dist}-n${n}`);
    }
    assert.ok(names.includes('normal1-n1000000'));
    assert.ok(names.includes('worked-example'));
  });

  for (const f of fixtures) {
    const options = { temperature: f.temperature };
    it(`${f.name}: every probability and log-probability correctly rounded (0 ulps), Σp within 1 eps of 1`, () => {
      const x = logitsOf(f);
      for (const [i, text] of f.checkLogits ?? []) assert.strictEqual(x[i], Number(text), `generated logit ${i}`);
      const p = softmax(x, options);
      const logp = logSoftmax(x, options);
      let worstP = 0;
      let worstLog = 0;
      for (const [i, pNear, pOff, lNear, lOff] of f.samples) {
        const eP = Math.abs(ulpError(p[i], pNear, pOff));
        const eL = Math.abs(ulpError(logp[i], lNear, lOff));
        // The reference's nearest double is the correctly rounded value: exactly it, bit for bit.
        assert.strictEqual(p[i], Number(pNear), `p[${i}] = ${p[i]} is ${eP.toFixed(2)} ulps from the exact ${pNear}`);
        assert.strictEqual(logp[i], Number(lNear), `log p[${i}] = ${logp[i]} is ${eL.toFixed(2)} ulps from the exact ${lNear}`);
        if (x[i] === -Infinity) {
          assert.strictEqual(p[i], 0);
          assert.strictEqual(logp[i], -Infinity);
        }
        worstP = Math.max(worstP, eP);
        worstLog = Math.max(worstLog, eL);
      }
      const off = exactSumMinusOne(p);
      assert.ok(Math.abs(off) <= EPS, `Σp − 1 = ${off}`);
      measured.push(`| ${f.name} | ${worstP.toFixed(2)} | ${worstLog.toFixed(2)} | ${(off / EPS).toFixed(2)} |`);
    });

    it(`${f.name}: logsumexp correctly rounded, entropy within 1e-14 relative, argmax as the reference`, () => {
      const x = logitsOf(f);
      const lse = logSumExp(x, options);
      const eLse = Math.abs(ulpError(lse, f.logSumExp[0], f.logSumExp[1]));
      assert.strictEqual(lse, Number(f.logSumExp[0]), `logsumexp ${lse} is ${eLse} ulps off`);
      const h = entropy(x, options);
      const exact = Number(f.entropyNats[0]);
      assert.ok(Math.abs(h.nats - exact) <= 1e-14 * Math.max(exact, 1e-300) + 2 ** -1074, `entropy ${h.nats} vs ${exact}`);
      if (f.n <= 100000) assert.strictEqual(breakdown(x, options).argmax, f.argmax);
    });
  }

  it('the worked example [2.0, 1.0, 0.1] matches the reference to the last bit', () => {
    const f = fixtures.find((g) => g.name === 'worked-example');
    assert.ok(f);
    const p = softmax([2.0, 1.0, 0.1]);
    for (const [i, near, off] of f.samples) {
      assert.ok(Math.abs(ulpError(p[i], near, off)) <= 1);
      assert.strictEqual(p[i], Number(near));
    }
  });

  it('the same bounds reject the usual shift-and-divide with a plain sum, so they can tell', () => {
    const f = fixtures.find((g) => g.name === 'normal100-n100000');
    assert.ok(f);
    const x = logitsOf(f);
    let m = -Infinity;
    for (const v of x) m = Math.max(m, v);
    const e = x.map((v) => Math.exp(v - m));
    let s = 0;
    for (const v of e) s += v;
    const worst = Math.max(...f.samples.map(([i, near, off]) => Math.abs(ulpError(e[i] / s, near, off))));
    assert.ok(worst > 3, `plain shift-and-divide was within ${worst} ulps`);
  });

  it('cross-entropy of each sampled target is −log p, correctly rounded', () => {
    for (const f of fixtures.filter((g) => g.n <= 1000)) {
      const x = logitsOf(f);
      for (const [i, , , lNear, lOff] of f.samples.slice(0, 20)) {
        const ce = crossEntropy(x, i, { temperature: f.temperature });
        if (lNear === '-Infinity') assert.strictEqual(ce, Infinity);
        else assert.ok(Math.abs(ulpError(-ce, lNear, lOff)) <= 6, `${f.name} target ${i}`);
        if (lNear !== '-Infinity') assert.strictEqual(-ce, Number(lNear), `${f.name} target ${i}`);
      }
    }
  });

  it('rows of a matrix get exactly the probabilities of each row alone', () => {
    const rows = fixtures.filter((f) => f.n === 1000);
    const values = new Float64Array(rows.length * 1000);
    rows.forEach((f, r) => values.set(logitsOf(f), r * 1000));
    const all = softmaxRows(values, [rows.length, 1000]);
    rows.forEach((f, r) => assert.deepStrictEqual(all.subarray(r * 1000, (r + 1) * 1000), softmax(logitsOf(f))));
  });

  it('the breakdown shows the same probabilities as softmax(), bit for bit', () => {
    for (const f of fixtures.filter((g) => g.n <= 100000)) {
      const x = logitsOf(f);
      const b = breakdown(x, { temperature: f.temperature });
      assert.deepStrictEqual(b.probabilities, softmax(x, { temperature: f.temperature }), f.name);
      assert.deepStrictEqual(b.logProbabilities, logSoftmax(x, { temperature: f.temperature }), f.name);
    }
  });
});
