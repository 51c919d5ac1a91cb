// What the host sends the webview for the lab: the core's numbers, caps on the heavy parts, small for long arrays.
import * as assert from 'assert';
import { breakdown, englishReadingWords, formatProbability, lab } from '../../src/core';
import type { LabRequest } from '../../src/panel/labModel';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import { attentionDefaults, samplingOff, type WalkthroughView } from '../../src/panel/protocol';
import { buildView, type ViewRequest } from '../../src/panel/viewModel';

function labRequest(extra: Partial<LabRequest> = {}): LabRequest {
  return { sampling: samplingOff, attention: attentionDefaults, candidates: [], moreCandidates: false, describeError: (e) => String(e), ...extra };
}

function view(values: number[], shape: number[], extra: Partial<ViewRequest> = {}, labExtra: Partial<LabRequest> = {}): WalkthroughView {
  return buildView({
    seq: 1,
    ref: { uri: 'untitled:lab', start: 0 },
    array: { start: 0, end: 1, shape, values },
    source: { fileName: 'lab', line: 1, lineText: '' },
    reading: { label: 'logits', reason: 'scores or data: nothing around it says otherwise' },
    row: 0,
    temperature: 1,
    decimals: 4,
    pinned: false,
    lingering: false,
    words: englishReadingWords,
    lab: labRequest(labExtra),
    ...extra,
  });
}

describe('the lab in the view sent to the webview', () => {
  it('sampling off: no filter, no renormalized rows, the chart marks nothing', () => {
    const v = view([2, 1, 0.1], [3]);
    assert.deepStrictEqual(v.lab.sampling.stages, []);
    assert.deepStrictEqual(v.lab.sampling.entries, []);
    assert.strictEqual(v.lab.sampling.after, undefined);
    assert.ok(v.chart.kind === 'bars' && v.chart.bars.every((bar) => !bar.cut));
  });

  it('top-k 2 on [2.0, 1.0, 0.1]: 0.7311, 0.2689, 0 printed, and the chart marks entry 2 cut', () => {
    const v = view([2, 1, 0.1], [3], {}, { sampling: { ...samplingOff, topK: 2 } });
    const survivors = referenceSoftmax([2, 1]);
    assert.deepStrictEqual(v.lab.sampling.entries.map((e) => e.after), [...survivors.map((p) => formatProbability(p, 4)), '0']);
    assert.deepStrictEqual(v.lab.sampling.entries.map((e) => e.cut), [false, false, true]);
    assert.deepStrictEqual(v.lab.sampling.stages.map((s) => [s.filter, s.seen, s.kept]), [['topK', 3, 2]]);
    assert.ok(v.chart.kind === 'bars');
    assert.deepStrictEqual(v.chart.bars.map((bar) => bar.cut), [false, false, true]);
  });

  it('a masked entry is never called cut', () => {
    const v = view([2, -Infinity, 0.1], [3], {}, { sampling: { ...samplingOff, topK: 1 } });
    assert.deepStrictEqual(v.lab.sampling.entries.map((e) => e.cut), [false, false, true]);
    assert.strictEqual(v.lab.sampling.total, 2);
  });

  it('compares with the array chosen, row for row, both at the temperature', () => {
    const other = { start: 40, array: { start: 40, end: 60, shape: [2, 3], values: [0, 0, 0, 1, 1, 0.5] } };
    const v = view([9, 9, 9, 2, 1, 0.1], [2, 3], { row: 1, temperature: 2 }, { compareWith: other, candidates: [{ start: 40, label: 'teacher' }] });
    const p = breakdown([2, 1, 0.1], { temperature: 2 });
    const q = breakdown([1, 1, 0.5], { temperature: 2 });
    const c = lab.compare(p, q);
    assert.strictEqual(v.lab.compare.chosen, 40);
    assert.deepStrictEqual(v.lab.compare.result?.rows.map((r) => r.cells[1]), Array.from(q.probabilities, (x) => formatProbability(x, 4)));
    assert.ok(v.lab.compare.result?.formulas[1].reading.endsWith(`= ${Number(c.klPQ.toPrecision(4))}`), v.lab.compare.result?.formulas[1].reading);
  });

  it('an array to compare with that softmax cannot take says why, in the words the host gives', () => {
    const other = { start: 9, array: { start: 9, end: 20, shape: [3], values: [1, NaN, 2] } };
    const v = view([2, 1, 0.1], [3], {}, { compareWith: other, describeError: () => 'localized: NaN' });
    assert.strictEqual(v.lab.compare.error, 'localized: NaN');
    assert.strictEqual(v.lab.compare.result, undefined);
  });

  it('training: the gradient for the target, and the Jacobian only up to 8 classes', () => {
    const v = view([2, 1, 0.1], [3], { target: 0 });
    assert.strictEqual(v.lab.training?.target, 0);
    const exact = referenceSoftmax([2, 1, 0.1]);
    assert.deepStrictEqual(v.lab.training?.bars.map((bar) => bar.label), exact.map((p, i) => formatProbability(i === 0 ? p - 1 : p, 4)));
    assert.ok(v.lab.training?.jacobian);
    const nine = view(Array.from({ length: 9 }, (_, i) => i), [9], { target: 3 });
    assert.strictEqual(nine.lab.training?.jacobian, undefined);
    assert.strictEqual(view([2, 1, 0.1], [3]).lab.training, undefined);
  });

  it('attention: only for a matrix, the heatmap up to 32 × 32, the chosen row worked', () => {
    const on = { attention: { on: true, d: 4, causal: true } };
    assert.strictEqual(view([1, 2, 3], [3], {}, on).lab.attention, undefined);
    const v = view([0.5, 1.5, 2.5, 1, 0, -1], [2, 3], { row: 1 }, on);
    assert.deepStrictEqual(v.lab.attention?.heatmap?.cells.slice(0, 3), ['1.0000', '0', '0']);
    assert.strictEqual(v.lab.attention?.row, 1);
    assert.strictEqual(v.lab.attention?.rowFormulas.length, 3);
    const tall = view(Array.from({ length: 33 * 2 }, (_, i) => i % 5), [33, 2], {}, on);
    assert.strictEqual(tall.lab.attention?.heatmap, undefined);
    assert.strictEqual(tall.lab.attention?.rowFormulas.length, 3);
  });

  it('a row the causal mask and a −∞ hide entirely says so instead of weights', () => {
    const v = view([-Infinity, 1, 2, 3], [2, 2], {}, { attention: { on: true, d: 1, causal: true }, describeError: (e) => `said: ${(e as Error).message}` });
    assert.match(v.lab.attention?.error ?? '', /^said: All 2 logits are −∞/);
  });

  it('a 200 000-element row with every filter on, a target and a comparison stays a small message', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => Math.sin(i * 12.9898) * 10);
    const other = { start: 1, array: { start: 1, end: 2, shape: [200_000], values: values.map((x) => -x) } };
    const v = view(values, [200_000], { target: 7 }, { sampling: { topK: 5000, topP: 0.9, minP: 0.01 }, compareWith: other });
    assert.strictEqual(v.lab.sampling.entries.length, 20);
    assert.strictEqual(v.lab.compare.result?.rows.length, 20);
    assert.strictEqual(v.lab.training?.bars.length, 20);
    assert.ok(v.chart.kind === 'sorted' && v.chart.kept === v.lab.sampling.kept);
    assert.ok(JSON.stringify(v).length < 96 * 1024, `${JSON.stringify(v).length} bytes`);
  });
});
