// What the host sends the webview: capped for long arrays, whatever their length, and drawn from the core's numbers.
import * as assert from 'assert';
import { breakdown, formatProbability, topK } from '../../src/core';
import { buildView } from '../../src/panel/viewModel';
import { viewRequest } from './viewRequests';

const request = viewRequest;

describe('walkthrough view sent to the webview', () => {
  it('a 200 000-element array sends its top 20 rows and a chart of a few hundred points', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => Math.sin(i * 12.9898) * 10);
    const view = buildView(request(values));
    assert.strictEqual(view.rows.length, 20);
    assert.deepStrictEqual(view.rows.map((r) => r.index), topK(breakdown(values).probabilities, 20));
    assert.strictEqual(view.chart.kind, 'sorted');
    if (view.chart.kind !== 'sorted') return;
    assert.ok(view.chart.points.length <= 242, `${view.chart.points.length} chart points`);
    for (let k = 1; k < view.chart.points.length; k++) {
      assert.ok(view.chart.points[k].rank >= view.chart.points[k - 1].rank, 'ranks grow');
      assert.ok(view.chart.points[k].logP <= view.chart.points[k - 1].logP, 'probabilities fall');
    }
    assert.ok(JSON.stringify(view).length < 64 * 1024, 'the message stays small');
  });

  it('a 50-element array is shown whole, with a bar per class', () => {
    const values = Array.from({ length: 50 }, (_, i) => i / 7);
    const view = buildView(request(values));
    assert.strictEqual(view.rows.length, 50);
    assert.strictEqual(view.summary, undefined);
    assert.strictEqual(view.chart.kind, 'bars');
  });

  it('the rows hold the core breakdown printed with the core formatter', () => {
    const values = [0.5, -1.5, 3.25, -Infinity];
    const view = buildView(request(values, [4], { decimals: 6, temperature: 0.7 }));
    const b = breakdown(values, { temperature: 0.7 });
    assert.deepStrictEqual(view.rows.map((r) => r.probability), Array.from(b.probabilities, (p) => formatProbability(p, 6)));
    assert.strictEqual(view.argmax, 2);
  });

  it('a matrix shows the row asked for, and clamps a row past the end', () => {
    const view = buildView(request([1, 2, 3, 3, 0, -3], [2, 3], { row: 5 }));
    assert.strictEqual(view.row, 1);
    assert.strictEqual(view.rowCount, 2);
    assert.deepStrictEqual(view.rows.map((r) => r.x), ['3', '0', '-3']);
  });

  it('a cross-entropy target outside the row is dropped', () => {
    const view = buildView(request([1, 2, 3], [3], { target: 3 }));
    assert.strictEqual(view.target, undefined);
    assert.strictEqual(view.tex.crossEntropy, undefined);
  });
});
