// The walkthrough as a person sees it in the real VS Code, in Chromium: typeset, right, following, safe, restored.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { formatNumber, formatProbability, significantDigits } from '../../src/core';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import {
  chartValues,
  closeWorkbench,
  focusEditor,
  goToLine,
  openFile,
  openWorkbench,
  pickColorTheme,
  runCommand,
  screenshot,
  waitForChart,
  webviewFrame,
  writeWorkspaceFile,
} from './vscodeUi';

const hostile = '<img src=x onerror=alert(1)>';
/** 60 logits: more than the 50 rows the panel typesets. */
const wide = Array.from({ length: 60 }, (_, i) => ((i * 37) % 60) / 10);
const sample = [
  `# A caption a document might hold: ${hostile}`,
  `logits = [2.0, 1.0, 0.1]  # ${hostile}`,
  '',
  'scores = [0.5, -1.5, 3.25, 0.0]',
  '',
  'batch = [[1.0, 2.0, 3.0], [3.0, 0.0, -3.0]]',
  '',
  `wide = [${wide.map((x) => x.toFixed(1)).join(', ')}]`,
  '',
].join('\n');
const decimals = 4;

/** What the walkthrough must show: the exact softmax, printed with the core's own formatter. */
const expectedProbabilities = (logits: number[], places = decimals) => referenceSoftmax(logits).map((p) => formatProbability(p, places));

/** The webview document's FontFaceSet, as far as this test reads it (the tests compile without DOM types). */
interface FontFaces extends Iterable<{ family: string; status: string }> {
  ready: Promise<unknown>;
}

const walkthrough = webviewFrame;

describe('walkthrough panel in the browser', function () {
  this.timeout(180_000);
  let page: Page;
  const dialogs: string[] = [];

  before(async () => {
    await writeWorkspaceFile('walk.py', sample);
    page = await openWorkbench();
    page.on('dialog', (dialog) => dialogs.push(dialog.message()));
    await openFile(page, 'walk.py');
    await goToLine(page, 2, 14);
    await runCommand(page, 'Softmax: Show Walkthrough');
  });

  after(() => closeWorkbench(page));

  it('typesets the formula and the steps with KaTeX inside the webview', async () => {
    const frame = walkthrough(page);
    await frame.locator('.katex').first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok((await frame.locator('.katex').count()) >= 10);
    // KaTeX's MathML copy is what a screen reader reads.
    assert.ok((await frame.locator('.katex math').count()) >= 10);
    // KaTeX stacks a fraction by positioning its parts through the CSSOM; were its styles blocked they would share a line.
    const parts = frame.locator('#formula .katex-html .mfrac .vlist').first().locator(':scope > span');
    const denominator = await parts.first().boundingBox();
    const numerator = await parts.last().boundingBox();
    assert.ok(denominator && numerator, 'the formula has a fraction');
    assert.ok(denominator.y - numerator.y > 8, `numerator at ${numerator.y}, denominator at ${denominator.y}: not stacked`);
    // KaTeX's own fonts, loaded from the extension through asWebviewUri under the policy (not a fallback serif).
    const fonts = await frame.locator('body').evaluate(async () => {
      const fontSet = (globalThis as unknown as { document: { fonts: FontFaces } }).document.fonts;
      await fontSet.ready;
      return [...fontSet].filter((f) => f.family.includes('KaTeX_Main')).map((f) => f.status);
    });
    assert.ok(fonts.includes('loaded'), `KaTeX_Main font faces: ${fonts.join(', ')}`);
    assert.ok(!fonts.includes('error'), `KaTeX_Main font faces: ${fonts.join(', ')}`);
  });

  it('shows the same probabilities as the core, for the array under the cursor', async () => {
    const frame = walkthrough(page);
    await waitForChart(frame, expectedProbabilities([2, 1, 0.1]), 'bar chart of [2.0, 1.0, 0.1]');
    const expCells = await frame.locator('table.steps tbody tr td:nth-child(4)').allTextContents();
    const max = 2;
    const expected = [2, 1, 0.1].map((x) => formatNumber(Math.exp(x - max), significantDigits(decimals)));
    assert.deepStrictEqual(expCells, expected);
  });

  it('has the strict Content-Security-Policy', async () => {
    const csp = await walkthrough(page).locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(
      csp ?? '',
      /^default-src 'none'; script-src 'nonce-[0-9a-f]{16,}'; style-src ([^;]+); font-src \1; img-src \1$/,
      `CSP was: ${csp}`,
    );
    assert.ok(!/unsafe-(inline|eval)/.test(csp ?? ''));
  });

  it('shows the document text beside the array as text, running nothing', async () => {
    const frame = walkthrough(page);
    const line = await frame.locator('.source .line').textContent();
    assert.ok(line?.includes(hostile), `line shown: ${line}`);
    assert.strictEqual(await frame.locator('img').count(), 0);
    assert.deepStrictEqual(dialogs, []);
  });

  it('picks a cross-entropy target when its row is clicked', async () => {
    const frame = walkthrough(page);
    await frame.locator('table.steps tbody tr').nth(2).click();
    await frame.locator('#cross-entropy .katex').waitFor({ state: 'visible' });
    assert.strictEqual(await frame.locator('button.pick[aria-pressed="true"]').textContent(), '2');
  });

  it('saves screenshots in the light and dark themes', async () => {
    // Back to the editor (the click in the webview took the keyboard focus), on the same array.
    await focusEditor(page, 'logits');
    await goToLine(page, 2, 14);
    await page.mouse.move(5, 450);
    await page.waitForTimeout(500);
    await pickColorTheme(page, 'Default Light Modern', '.monaco-workbench.vs');
    await screenshot(page, 'walkthrough-light');
    await pickColorTheme(page, 'Default Dark Modern', '.monaco-workbench.vs-dark');
    await screenshot(page, 'walkthrough-dark');
  });

  it('follows the cursor to another array', async () => {
    await focusEditor(page, 'scores');
    await goToLine(page, 4, 14);
    await waitForChart(walkthrough(page), expectedProbabilities([0.5, -1.5, 3.25, 0]), 'bar chart after moving to scores');
  });

  it('recomputes live at the temperature set on the slider, by keyboard', async () => {
    const frame = walkthrough(page);
    await frame.locator('#temperature').focus();
    await frame.locator('#temperature').press('End');
    // T = 10: the logits are divided by 10 before the softmax.
    await waitForChart(frame, expectedProbabilities([0.05, -0.15, 0.325, 0]), 'bar chart at T = 10');
    assert.strictEqual(await frame.locator('.controls output').textContent(), 'T = 10');
    await frame.locator('button.reset').click();
    await waitForChart(frame, expectedProbabilities([0.5, -1.5, 3.25, 0]), 'bar chart back at T = 1');
  });

  it('shows as many decimals as asked', async () => {
    const frame = walkthrough(page);
    await frame.locator('#decimals').fill('7');
    await frame.locator('#decimals').press('Enter');
    await waitForChart(frame, expectedProbabilities([0.5, -1.5, 3.25, 0], 7), 'bar chart with 7 decimals');
    await frame.locator('#decimals').fill(String(decimals));
    await frame.locator('#decimals').press('Enter');
    await waitForChart(frame, expectedProbabilities([0.5, -1.5, 3.25, 0]), 'bar chart back at 4 decimals');
  });

  it('takes the softmax of the matrix row picked', async () => {
    await focusEditor(page, 'batch');
    await goToLine(page, 6, 12);
    const frame = walkthrough(page);
    await waitForChart(frame, expectedProbabilities([1, 2, 3]), 'bar chart of the first row');
    await frame.locator('#row').fill('1');
    await frame.locator('#row').press('Enter');
    await waitForChart(frame, expectedProbabilities([3, 0, -3]), 'bar chart of the second row');
    await focusEditor(page, 'scores');
    await goToLine(page, 4, 14);
    await waitForChart(frame, expectedProbabilities([0.5, -1.5, 3.25, 0]), 'bar chart back on scores');
  });

  it('messages its page posts that do not fit the protocol change nothing: no NaN, no stuck panel', async () => {
    const frame = walkthrough(page);
    /** Posts as the webview's page does (acquireVsCodeApi's postMessage goes through this function of its host frame). */
    const post = async (message: unknown) => {
      const outer = await (await page.locator('iframe.webview.ready').elementHandle())?.contentFrame();
      assert.ok(outer, 'the webview host frame');
      await outer.evaluate((m) => (globalThis as unknown as { __vscode_post_message__(c: string, d: unknown): void }).__vscode_post_message__('onmessage', { message: m }), message);
    };
    // Later than any view, so a choice that fitted would apply to the array shown.
    const seq = 2 ** 40;
    /** Sends a message that fits after the rest, and waits for its answer: by then the host has read those before it. */
    const settle = async (logits: number[]) => {
      await post({ type: 'setDecimals', seq, decimals: 7 });
      await waitForChart(frame, expectedProbabilities(logits, 7), 'the message that fits is acted on');
      assert.ok(!(await frame.locator('body').innerText()).includes('NaN'), 'no NaN anywhere in the panel');
      await post({ type: 'setDecimals', seq, decimals });
      await waitForChart(frame, expectedProbabilities(logits), `back at ${decimals} decimals`);
    };
    for (const message of [{ type: 'setTarget', seq, target: 0.5 }, { type: 'setTemperature', seq, temperature: 'hot' }, null, 'setRow', { type: 'setRow', seq, row: 'x' }]) {
      await post(message);
    }
    await settle([0.5, -1.5, 3.25, 0]);
    assert.strictEqual(await frame.locator('button.pick[aria-pressed="true"]').count(), 0, 'no target was picked');
    await focusEditor(page, 'batch');
    await goToLine(page, 6, 12);
    await waitForChart(frame, expectedProbabilities([1, 2, 3]), 'bar chart of the first row');
    for (const message of [{ type: 'setRow', seq, row: 'x' }, { type: 'setRow', seq, row: 0.5 }, { type: 'setRow', seq, row: -1 }]) await post(message);
    await settle([1, 2, 3]);
    await frame.locator('#row').fill('1');
    await frame.locator('#row').press('Enter');
    await waitForChart(frame, expectedProbabilities([3, 0, -3]), 'the row field still works');
    await focusEditor(page, 'scores');
    await goToLine(page, 4, 14);
    await waitForChart(frame, expectedProbabilities([0.5, -1.5, 3.25, 0]), 'bar chart back on scores');
  });

  it('a long array shows its 20 largest probabilities, a summary and the sorted distribution', async () => {
    await focusEditor(page, 'wide');
    await goToLine(page, 8, 10);
    const frame = walkthrough(page);
    await frame.locator('svg.chart.sorted').waitFor({ timeout: 15_000 });
    const exact = referenceSoftmax(wide);
    const top = exact.map((p, i) => ({ p, i })).sort((a, b) => b.p - a.p).slice(0, 20);
    const indices = await frame.locator('table.steps tbody button.pick').allTextContents();
    assert.deepStrictEqual(indices, top.map((entry) => String(entry.i)));
    const held = formatProbability(top.reduce((sum, entry) => sum + entry.p, 0), decimals);
    const summary = await frame.locator('.summary').textContent();
    assert.ok(summary?.includes('20') && summary.includes('60') && summary.includes(held), `summary: ${summary}`);
    assert.ok(!summary?.includes('{'), `summary has an unfilled placeholder: ${summary}`);
    await focusEditor(page, 'scores');
    await goToLine(page, 4, 14);
    await waitForChart(frame, expectedProbabilities([0.5, -1.5, 3.25, 0]), 'bar chart back on scores');
  });

  it('a pinned panel comes back on its array after the window reloads, wherever the cursor is', async () => {
    const frame = walkthrough(page);
    await frame.locator('button.pin').click();
    await frame.locator('button.pin[aria-pressed="true"]').waitFor();
    await focusEditor(page, 'logits');
    await goToLine(page, 2, 14);
    await page.waitForTimeout(600);
    assert.deepStrictEqual(await chartValues(frame), expectedProbabilities([0.5, -1.5, 3.25, 0]), 'the pin held while the cursor moved');
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
    // Only the state the webview saved knows this array: the cursor sits on another one.
    await waitForChart(walkthrough(page), expectedProbabilities([0.5, -1.5, 3.25, 0]), 'bar chart after reload');
    await walkthrough(page).locator('button.pin[aria-pressed="true"]').waitFor();
  });
});
