// The walkthrough's lab in the real VS Code, driven in Chromium from the keyboard: sampling filters, a comparison,
// the training gradient and attention mode, each read back from the panel against an exact reference softmax.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { formatNumber, formatProbability, significantDigits } from '../../src/core';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import {
  closeWorkbench,
  focusEditor,
  formulaReadings,
  goToLine,
  openFile,
  openWorkbench,
  runCommand,
  waitForChart,
  waitForValue,
  webviewFrame,
  writeWorkspaceFile,
} from './vscodeUi';

const logits = [2, 1, 0.1];
const other = [1, 1, 0.5];
const matrix = [0.5, 1.5, 2.5, 1, 0, -1, 2, -0.5, 0.25];
const sample = [
  'logits = [2.0, 1.0, 0.1]',
  '',
  'other = [1.0, 1.0, 0.5]',
  '',
  'scores = [[0.5, 1.5, 2.5], [1.0, 0.0, -1.0], [2.0, -0.5, 0.25]]',
  '',
  'keys = [[0.0, 1.0, 2.0], [1.0, 1.0, 1.0], [0.5, 0.5, -0.5]]',
  '',
].join('\n');
const decimals = 4;
/** How the panel prints a probability and any other number, with the core's own formatters. */
const prob = (p: number) => formatProbability(p, decimals);
const num = (x: number) => formatNumber(x, significantDigits(decimals));
/** A number as a reading says it: a minus sign rather than a hyphen. */
const spoken = (text: string) => text.replace(/-/g, '−');
const entropyOf = (p: number[]) => -p.reduce((sum, v) => (v > 0 ? sum + v * Math.log(v) : sum), 0);

describe('the walkthrough lab in the browser', function () {
  this.timeout(240_000);
  let page: Page;
  const frame = () => webviewFrame(page);

  async function setNumber(id: string, value: string) {
    const input = frame().locator(`#${id}`);
    await input.fill(value);
    await input.press('Enter');
  }

  before(async () => {
    await writeWorkspaceFile('lab.py', sample);
    page = await openWorkbench();
    await openFile(page, 'lab.py');
    await goToLine(page, 1, 14);
    await runCommand(page, 'Softmax: Show Walkthrough');
    await waitForChart(frame(), referenceSoftmax(logits).map(prob), 'the vector');
  });

  after(() => closeWorkbench(page));

  it('top-k 2 keeps two entries and renormalizes them to the softmax of [2.0, 1.0] alone; the chart marks the third cut', async () => {
    await setNumber('top-k', '2');
    const p = referenceSoftmax(logits);
    const survivors = referenceSoftmax([2, 1]);
    const z = prob(p[0] + p[1]);
    await waitForValue(
      () => formulaReadings(frame(), '#sampling ul.survivors'),
      [`p̃0 = ${prob(p[0])} / ${z} = ${prob(survivors[0])}`, `p̃1 = ${prob(p[1])} / ${z} = ${prob(survivors[1])}`],
      'the renormalized survivors',
    );
    assert.strictEqual(await frame().locator('#sampling p.cut').textContent(), '✕cut by sampling: 2');
    assert.strictEqual(await frame().locator('#top-k ~ output').textContent(), '2 of 3 kept');
    assert.deepStrictEqual(await frame().locator('svg.chart.bars .mark').allTextContents(), ['★', '', '✕']);
    assert.strictEqual(await frame().locator('svg.chart.bars .bar.cut').count(), 1);
    const [before, after] = (await formulaReadings(frame(), '#sampling')).slice(-2);
    assert.strictEqual(before, `H(p) = ${num(entropyOf(p))} nats, PPL(p) = exp(H(p)) = ${num(Math.exp(entropyOf(p)))}`);
    assert.strictEqual(after, `H(p̃) = ${num(entropyOf(survivors))} nats, PPL(p̃) = exp(H(p̃)) = ${num(Math.exp(entropyOf(survivors)))}`);
  });

  it('top-p 0.7 keeps the fewest most probable entries holding 0.7: two here', async () => {
    await setNumber('top-k', '0');
    await setNumber('top-p', '0.7');
    const p = referenceSoftmax(logits);
    // p0 alone holds less than 0.7, p0 + p1 more.
    assert.ok(p[0] < 0.7 && p[0] + p[1] >= 0.7);
    await waitForValue(
      async () => (await formulaReadings(frame(), '#sampling ol.stages'))[0],
      `sum over i ∈ K_p of p_i = ${prob(p[0] + p[1])} ≥ P = 0.7, |K_p| = 2`,
      'the top-p rule with its numbers',
    );
    assert.strictEqual(await frame().locator('#top-p ~ output').textContent(), '2 of 3 kept');
    assert.strictEqual(await frame().locator('#top-k ~ output').textContent(), 'off');
  });

  it('min-p 0.2 after top-p cuts what is less than 0.2 times as probable as the top', async () => {
    await setNumber('top-p', '1');
    await setNumber('min-p', '0.2');
    const p = referenceSoftmax(logits);
    // p_i / p_0 = 1, 0.37, 0.15: the last is below 0.2.
    await waitForValue(
      async () => (await formulaReadings(frame(), '#sampling ol.stages'))[0],
      `i ∈ K_m ⇔ p_i ≥ p_min · max(p), p_min = 0.2, p_min · max(p) = ${prob(0.2 * p[0])}, |K_m| = 2`,
      'the min-p rule with its numbers',
    );
    await setNumber('min-p', '0');
    await frame().locator('#min-p ~ output', { hasText: 'off' }).waitFor();
  });

  it('compares with another array of the same length: KL both ways, cross-entropy and total variation', async () => {
    const list = frame().locator('#compare-with');
    await list.focus();
    await list.selectOption({ label: 'other (line 3): [1, 1, 0.5]' });
    const p = referenceSoftmax(logits);
    const q = referenceSoftmax(other);
    const sum = (f: (i: number) => number) => [0, 1, 2].reduce((s, i) => s + f(i), 0);
    const kl = sum((i) => p[i] * Math.log(p[i] / q[i]));
    const lk = sum((i) => q[i] * Math.log(q[i] / p[i]));
    const ce = -sum((i) => p[i] * Math.log(q[i]));
    const tv = sum((i) => Math.abs(p[i] - q[i])) / 2;
    await waitForValue(
      async () => (await formulaReadings(frame(), '#compare')).slice(1, 5),
      [
        `KL(p ‖ q) = sum over i of p_i · ln(p_i / q_i) = ${num(kl)}`,
        `KL(q ‖ p) = sum over i of q_i · ln(q_i / p_i) = ${num(lk)}`,
        `H(p, q) = −(sum over i of p_i · ln q_i) = H(p) + KL(p ‖ q) = ${num(ce)}`,
        `TV(p, q) = 1/2 · sum over i of |p_i − q_i| = ${num(tv)}`,
      ],
      'the comparison',
    );
    const qColumn = await frame().locator('#compare table.terms tbody tr td:nth-child(3)').allTextContents();
    assert.deepStrictEqual(qColumn, q.map(prob));
  });

  it('a target picked from the keyboard shows the gradient p − onehot(y) and the Jacobian diag(p) − ppᵀ', async () => {
    await frame().locator('table.steps button.pick').nth(2).press('Enter');
    const p = referenceSoftmax(logits);
    await waitForValue(
      () => frame().locator('#training svg.chart.gradient .value').allTextContents(),
      [prob(p[0]), prob(p[1]), prob(p[2] - 1)],
      'the gradient chart',
    );
    const vector = (await formulaReadings(frame(), '#training'))[1];
    assert.strictEqual(vector, `∇_x L = (${[p[0], p[1], p[2] - 1].map((g) => spoken(prob(g))).join(', ')})`);
    const rows = p.map((pi, i) => `(${p.map((pj, j) => spoken(prob(pi * ((i === j ? 1 : 0) - pj)))).join(', ')})`);
    const readings = await formulaReadings(frame(), '#training');
    assert.strictEqual(readings[readings.length - 1], `J = ∂p/∂x = diag(p) − p pᵀ = (${rows.join(', ')})`);
  });

  it('attention mode on a matrix: scores / √d under a causal mask, softmax per row, as a heatmap table', async () => {
    await focusEditor(page, 'scores');
    await goToLine(page, 5, 14);
    await frame().locator('#attention-on').waitFor();
    await frame().locator('#attention-on').press('Space');
    await setNumber('attention-d', '4');
    await frame().locator('#causal').press('Space');
    const expected: string[] = [];
    for (let r = 0; r < 3; r++) {
      const visible = matrix.slice(r * 3, r * 3 + r + 1).map((s) => s / 2);
      const weights = referenceSoftmax(visible);
      for (let j = 0; j < 3; j++) expected.push(j <= r ? prob(weights[j]) : '0');
    }
    await waitForValue(() => frame().locator('table.heatmap tbody td').allTextContents(), expected, 'the attention weights');
    // The row worked below is the Row control's; its last line gives the weights of that row.
    await setNumber('row', '2');
    const last = referenceSoftmax(matrix.slice(6, 9).map((s) => s / 2));
    await waitForValue(
      async () => (await formulaReadings(frame(), '#attention')).slice(-1)[0],
      `w2 = softmax(a2) = exp(a2 − m) / S = (${last.map((w) => spoken(prob(w))).join(', ')})`,
      'the chosen row’s weights',
    );
    assert.strictEqual(await frame().locator('table.heatmap tr.selected th').textContent(), '▶ the row worked below: 2');
  });

  it('every lab setting comes back after the window reloads', async () => {
    await setNumber('top-k', '2');
    await frame().locator('#top-k ~ output', { hasText: '2 of 3 kept' }).waitFor();
    await setNumber('top-p', '0.95');
    await setNumber('min-p', '0.01');
    await frame().locator('#min-p ~ output', { hasText: 'kept' }).waitFor();
    await frame().locator('#compare-with').selectOption({ label: 'keys (line 7): [0, 1, 2, …]' });
    await frame().locator('#compare table.terms').waitFor();
    await frame().locator('button.pin').click();
    await frame().locator('button.pin[aria-pressed="true"]').waitFor();
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
    await frame().locator('table.heatmap').waitFor({ timeout: 30_000 });
    assert.strictEqual(await frame().locator('#top-k').inputValue(), '2');
    assert.strictEqual(await frame().locator('#attention-d').inputValue(), '4');
    assert.ok(await frame().locator('#attention-on').isChecked());
    assert.ok(await frame().locator('#causal').isChecked());
    assert.strictEqual(await frame().locator('#top-k ~ output').textContent(), '2 of 3 kept');
    assert.strictEqual(await frame().locator('#top-p').inputValue(), '0.95');
    assert.strictEqual(await frame().locator('#min-p').inputValue(), '0.01');
    await frame().locator('#compare table.terms').waitFor();
    assert.strictEqual(await frame().locator('#compare-with option:checked').textContent(), 'keys (line 7): [0, 1, 2, …]');
    await frame().locator('button.pin').click();
    await frame().locator('#compare-with').selectOption({ value: '' });
    await setNumber('top-k', '0');
    await setNumber('top-p', '1');
    await setNumber('min-p', '0');
    await frame().locator('#attention-on').press('Space');
  });
});
