// The walkthrough and the editor's commands for a student who uses only the keyboard or a screen reader, in the
// real VS Code and Chromium, in the light, dark and both high-contrast themes.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { formatNumber, formatProbability, topK } from '../../src/core';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import { accessibilityTree, axeViolations, chartMarkContrasts, focusWalk, webviewDocument, type AxNode } from './a11yChecks';
import {
  clearNotifications,
  closeWorkbench,
  focusEditor,
  goToLine,
  openFile,
  openWorkbench,
  pickColorTheme,
  runCommand,
  waitForChart,
  waitForNotification,
  webviewFrame,
  writeWorkspaceFile,
} from './vscodeUi';

/** 100 logits, all different, with a long tail of small probabilities. */
const hundred = Array.from({ length: 100 }, (_, i) => Math.round(Math.sin(i * 1.7) * 60 - i / 4) / 10);
const sample = [
  'logits = [2.0, 1.0, 0.1]',
  '',
  'batch = [[1.0, 2.0, 3.0], [3.0, 0.0, -3.0]]',
  '',
  `wide = [${hundred.join(', ')}]`,
  '',
  'other = [1.0, 1.0, 0.5]',
  '',
].join('\n');
const decimals = 4;
const printed = (logits: number[]) => referenceSoftmax(logits).map((p) => formatProbability(p, decimals));

const themes = [
  { name: 'Default Light Modern', workbench: '.monaco-workbench.vs' },
  { name: 'Default Dark Modern', workbench: '.monaco-workbench.vs-dark' },
  { name: 'Default High Contrast', workbench: '.monaco-workbench.hc-black' },
  { name: 'Default High Contrast Light', workbench: '.monaco-workbench.hc-light' },
];

/** Class 0 of the matrix's first row: a target that is not its argmax (2). */
const matrixTarget = 0;

describe('the walkthrough without a mouse, without sight, in every theme', function () {
  this.timeout(300_000);
  let page: Page;

  async function showVector() {
    await focusEditor(page, 'logits');
    await goToLine(page, 1, 14);
    await waitForChart(webviewFrame(page), printed([2, 1, 0.1]), 'the vector');
  }

  async function showMatrixWithTarget() {
    await focusEditor(page, 'batch');
    await goToLine(page, 3, 12);
    const frame = webviewFrame(page);
    await waitForChart(frame, printed([1, 2, 3]), 'the matrix');
    // Picked from the keyboard: the row's button, then Enter.
    await frame.locator('table.steps button.pick').nth(matrixTarget).press('Enter');
    await frame.locator(`table.steps button.pick[aria-pressed="true"]`, { hasText: String(matrixTarget) }).waitFor();
    await frame.locator('#cross-entropy .katex').waitFor();
  }

  async function showHundred() {
    await focusEditor(page, 'wide');
    await goToLine(page, 5, 10);
    const frame = webviewFrame(page);
    await frame.locator('svg.chart.sorted').waitFor({ timeout: 15_000 });
    const top = topK(Float64Array.from(referenceSoftmax(hundred)), 20).map(String);
    const until = Date.now() + 15_000;
    while (JSON.stringify(await frame.locator('table.steps button.pick').allTextContents()) !== JSON.stringify(top) && Date.now() < until) {
      await page.waitForTimeout(100);
    }
  }

  async function setNumber(id: string, value: string) {
    const input = webviewFrame(page).locator(`#${id}`);
    await input.fill(value);
    await input.press('Enter');
  }

  /** The lab on the vector: top-k 2 cuts a bar, a comparison with `other`, and a target for the gradient chart. */
  async function showLab() {
    await showVector();
    const frame = webviewFrame(page);
    await setNumber('top-k', '2');
    await frame.locator('svg.chart.bars .bar.cut').waitFor();
    await frame.locator('#compare-with').selectOption({ label: 'other (line 7): [1, 1, 0.5]' });
    await frame.locator('#compare table.terms').waitFor();
    await frame.locator('table.steps button.pick').nth(1).press('Enter');
    await frame.locator('#training svg.chart.gradient').waitFor();
  }

  /** Ticks or clears a checkbox from the keyboard, and waits until the panel shows it so. */
  async function setChecked(id: string, on: boolean) {
    const box = webviewFrame(page).locator(`#${id}`);
    if ((await box.isChecked()) !== on) await box.press('Space');
    await webviewFrame(page).locator(`#${id}${on ? ':checked' : ':not(:checked)'}`).waitFor();
  }

  async function showMatrix() {
    await focusEditor(page, 'batch');
    await goToLine(page, 3, 12);
    await waitForChart(webviewFrame(page), printed([1, 2, 3]), 'the matrix');
  }

  /** Attention mode on the matrix, under the causal mask: the heatmap. */
  async function showAttention() {
    await showMatrix();
    await setChecked('attention-on', true);
    await setChecked('causal', true);
    await webviewFrame(page).locator('table.heatmap').waitFor();
  }

  /** Top-p on the 100-value array: the sorted chart's cut-off line. */
  async function showHundredSampled() {
    await showHundred();
    await setNumber('top-p', '0.9');
    // A vertical line has no width, so Playwright never calls it visible: it is there once it is in the chart.
    await webviewFrame(page).locator('svg.chart.sorted .cutoff').waitFor({ state: 'attached' });
  }

  /** Every lab setting back off: they persist from array to array, and the other views are checked without them. */
  async function resetLab() {
    const frame = webviewFrame(page);
    await setNumber('top-k', '0');
    await setNumber('top-p', '1');
    await frame.locator('#top-p ~ output', { hasText: 'off' }).waitFor();
    await showMatrix();
    await setChecked('attention-on', false);
    await setChecked('causal', false);
    await frame.locator('table.heatmap').waitFor({ state: 'detached' });
  }

  const views = [
    { name: 'a vector', show: showVector },
    { name: 'a matrix with a target picked', show: showMatrixWithTarget },
    { name: 'a 100-value array', show: showHundred },
    { name: 'the lab on a vector: sampling, a comparison and a target', show: showLab },
    { name: 'attention mode on a matrix', show: showAttention },
    { name: 'a 100-value array with top-p', show: showHundredSampled },
  ];

  before(async () => {
    await writeWorkspaceFile('a11y.py', sample);
    await writeWorkspaceFile('a11y_other.py', 'other = [5.0, 6.0]\n');
    page = await openWorkbench();
    await openFile(page, 'a11y.py');
    await goToLine(page, 1, 14);
    await runCommand(page, 'Softmax: Show Walkthrough');
    await waitForChart(webviewFrame(page), printed([2, 1, 0.1]), 'the vector');
    // The log-softmax details open, so their formulas are checked too; the panel keeps them open from array to array.
    await webviewFrame(page).locator('#log-softmax summary').press('Enter');
    await webviewFrame(page).locator('#log-softmax .equations').waitFor();
  });

  after(() => closeWorkbench(page));

  for (const theme of themes) {
    it(`${theme.name}: axe finds nothing, every control shows a 3:1 focus indicator, every chart mark has 3:1`, async () => {
      await pickColorTheme(page, theme.name, theme.workbench);
      const problems: string[] = [];
      try {
        await checkViews(problems);
      } finally {
        // The lab's settings follow the panel from array to array: the next test starts with them off.
        await resetLab();
      }
      assert.deepStrictEqual(problems, [], `${theme.name}:\n${problems.join('\n')}`);
    });
  }

  async function checkViews(problems: string[]) {
    for (const view of views) {
      await view.show();
      // The mouse away from the panel: a hovered row has its own background.
      await page.mouse.move(5, 450);
      const frame = await webviewDocument(page);
      const axe = await axeViolations(frame);
      assert.ok(axe.rulesRun.includes('page-has-heading-one') && axe.rulesRun.includes('empty-table-header'), 'best-practice rules ran');
      problems.push(...axe.violations.map((v) => `${view.name}: axe ${v}`));
      const focus = await focusWalk(page, frame);
      assert.ok(focus.reached.length >= 5, `${view.name}: Tab reached only ${focus.reached.map((f) => f.name).join(', ')}`);
      problems.push(...focus.missed.map((name) => `${view.name}: Tab never reaches ${name}`));
      problems.push(...focus.reached.filter((f) => f.problem).map((f) => `${view.name}: focus on ${f.name}: ${f.problem}`));
      const marks = await chartMarkContrasts(frame);
      assert.ok(marks.length > 0, `${view.name}: no chart marks found`);
      problems.push(...marks.filter((m) => m.ratio < 3).map((m) => `${view.name}: ${m.name} ${m.color} on ${m.background}: ${m.ratio.toFixed(2)}:1`));
    }
  }

  it('names step 1’s columns and gives every formula a plain reading, with KaTeX’s MathML still there', async () => {
    await showVector();
    const tree = await accessibilityTree(page);
    const headers = tree.filter((node) => node.role === 'columnheader').map((node) => node.name);
    assert.deepStrictEqual(headers.slice(0, 4), ['i', 'x_i', 'x_i − m', 'exp(x_i − m)']);
    const formulas = tree.filter((node) => node.role === 'MathMLMath');
    assert.strictEqual(formulas.length, await webviewFrame(page).locator('.katex').count(), 'every typeset formula is a math node');
    for (const formula of formulas) assert.ok(formula.name !== '' && !/[\\{}]/.test(formula.name), `reading: "${formula.name}"`);
    // p_i = exp(x_i − m) / S with exp(x_0 − m) = 1: S and every term follow from the exact probabilities.
    const exact = referenceSoftmax([2, 1, 0.1]);
    const sum = formatNumber(1 / exact[0], decimals);
    const names = formulas.map((node) => node.name);
    exact.forEach((p, i) => {
      const reading = `p${i} = exp(x${i} − m) / S = ${formatNumber(p / exact[0], decimals)} / ${sum} = ${formatProbability(p, decimals)}`;
      assert.ok(names.includes(reading), `no formula reads "${reading}" among:\n${names.join('\n')}`);
    });
    assert.ok(tree.some((node) => node.role === 'MathMLSub'), 'the MathML itself is hidden from the accessibility tree');
  });

  it('gives the bar chart a table of its numbers, and marks argmax and target by shape as well as colour', async () => {
    await showMatrixWithTarget();
    const frame = webviewFrame(page);
    const p = printed([1, 2, 3]);
    const argmax = 2;
    const rows = await frame.locator('#chart figure.chart-figure table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from((tr as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (cell) => cell.textContent ?? '')),
    );
    assert.deepStrictEqual(
      rows,
      p.map((value, i) => [String(i), value, [i === argmax ? 'argmax' : '', i === matrixTarget ? 'target class' : ''].filter(Boolean).join(', ')]),
    );
    const tree = await accessibilityTree(page);
    assert.ok(tree.some((node: AxNode) => node.role === 'table' && node.name === 'Bar chart of the probabilities'), 'the table is named after the chart');
    assert.ok(!tree.some((node) => node.role === 'image' || node.role === 'img'), 'the graphic is left to the table');
    const marks = await frame.locator('svg.chart.bars .bar .mark').allTextContents();
    assert.deepStrictEqual(marks, p.map((_, i) => (i === argmax ? '★' : i === matrixTarget ? '◆' : '')));
    assert.match((await frame.locator('#chart .legend').textContent()) ?? '', /★ argmax.*◆ target class/);
  });

  it('says in a table how many of the 100 probabilities reach each level the chart shows', async () => {
    await showHundred();
    const exact = referenceSoftmax(hundred);
    const expected: string[][] = [];
    for (let k = 1; k <= 6; k++) {
      const count = exact.filter((p) => p >= 10 ** -k).length;
      expected.push([`≥ ${formatNumber(10 ** -k).replace('-', '−')}`, String(count)]);
      if (count === exact.length) break;
    }
    if (Number(expected[expected.length - 1][1]) < exact.length) expected.push(['> 0', String(exact.length)]);
    const rows = await webviewFrame(page)
      .locator('#chart figure.chart-figure table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from((tr as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (cell) => cell.textContent ?? '')));
    assert.deepStrictEqual(rows, expected);
  });

  it('gives every formula of the lab a plain reading with no TeX left in it: sampling, comparison, training, attention', async () => {
    try {
      for (const show of [showLab, showAttention]) {
        await show();
        const tree = await accessibilityTree(page);
        const formulas = tree.filter((node) => node.role === 'MathMLMath');
        assert.strictEqual(formulas.length, await webviewFrame(page).locator('.katex').count(), 'every typeset formula is a math node');
        for (const formula of formulas) assert.ok(formula.name !== '' && !/[\\{}]/.test(formula.name), `reading: "${formula.name}"`);
      }
    } finally {
      await resetLab();
    }
  });

  it('reads the attention heatmap as a table: named by its caption, every weight under its query and key', async () => {
    await showAttention();
    const tree = await accessibilityTree(page);
    assert.ok(tree.some((node) => node.role === 'table' && node.name === 'Attention weights: each row a query, each column a key'));
    const columns = tree.filter((node) => node.role === 'columnheader').map((node) => node.name);
    assert.ok(['query / key', '0', '1', '2'].every((name) => columns.includes(name)), `column headers: ${columns.join(', ')}`);
    const rows = tree.filter((node) => node.role === 'rowheader').map((node) => node.name);
    assert.ok(rows.includes('▶ the row worked below: 0') || rows.includes('the row worked below: 0'), `row headers: ${rows.join(', ')}`);
    const first = referenceSoftmax([1]).map((p) => formatProbability(p, decimals));
    const cells = await webviewFrame(page).locator('table.heatmap tbody tr').first().locator('td').allTextContents();
    assert.deepStrictEqual(cells, [...first, '0', '0'], 'the causal mask leaves row 0 only its own key');
    await resetLab();
  });

  it('marks what sampling cut and the gradient’s target by shape, and says it in the charts’ tables', async () => {
    await showLab();
    const frame = webviewFrame(page);
    assert.deepStrictEqual(await frame.locator('svg.chart.bars .bar .mark').allTextContents(), ['★', '◆', '✕']);
    const rows = await frame.locator('#chart figure.chart-figure table tbody tr td:last-child').allTextContents();
    assert.deepStrictEqual(rows, ['argmax', 'target class', 'cut by sampling']);
    assert.deepStrictEqual(await frame.locator('#training svg.chart.gradient .mark').allTextContents(), ['', '◆', '']);
    assert.match((await frame.locator('#chart .legend').textContent()) ?? '', /★ argmax.*◆ target class.*✕ cut by sampling/);
    await resetLab();
  });

  it('has one top-level heading, naming the array shown', async () => {
    await showVector();
    const headings = await webviewFrame(page).locator('h1').allTextContents();
    assert.deepStrictEqual(headings.length, 1);
    assert.match(headings[0], /^Array: logits · a11y\.py:1 · n = 3$/);
  });

  it('Copy Last Result, from the Command Palette, copies the active document’s result and says so where a screen reader hears it', async () => {
    await focusEditor(page, 'logits');
    await goToLine(page, 1, 14);
    await runCommand(page, 'Softmax: Compute Softmax');
    await waitForNotification(page, `softmax → [${printed([2, 1, 0.1]).join(', ')}]`);
    await clearNotifications(page);
    await runCommand(page, 'Softmax: Copy Last Result');
    // VS Code reads a notification aloud through its live region (role="alert"); a status bar message it does not.
    await page.locator('.monaco-aria-container [role="alert"]', { hasText: 'Softmax copied to the clipboard' }).waitFor({ state: 'attached', timeout: 15_000 });
    await clearNotifications(page);
  });

  it('Copy Last Result in a document with no result says what to do first', async () => {
    await openFile(page, 'a11y_other.py');
    await runCommand(page, 'Softmax: Copy Last Result');
    await waitForNotification(page, 'No softmax has been computed in this document yet');
    await page.locator('.monaco-aria-container [role="alert"]', { hasText: 'No softmax has been computed in this document yet' }).waitFor({ state: 'attached' });
    await clearNotifications(page);
  });
});
