// The README's pictures, taken in the demo workspace (samples/, the folder `npm start` opens) in the real VS Code
// in Chromium. Each picture is taken only once the screen shows what its caption says; `npm run screenshots` writes
// them into media/screenshots, any other run into .vscode-test/screenshots.
import * as assert from 'assert';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { formatProbability, formatProbabilityDigits } from '../../src/core';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import { repoRoot } from '../harness/repo';
import {
  closeWorkbench,
  codeLensTitles,
  editorSpace,
  goToLine,
  hoverUntilShown,
  openFile,
  openWorkbench,
  pickColorTheme,
  plainSpace,
  readmeScreenshotPath,
  runCommand,
  screenshot,
  waitForChart,
  waitForCodeLens,
  webviewFrame,
} from './vscodeUi';

const light = ['Default Light Modern', '.monaco-workbench.vs'] as const;
const dark = ['Default Dark Modern', '.monaco-workbench.vs-dark'] as const;

function line(page: Page, text: string): Locator {
  return page.locator('.monaco-editor .view-line', { hasText: editorSpace(text) });
}

/** The part of the workbench a picture shows: the editor area, and the panel below it when it is open. */
async function clipOf(page: Page, withPanel = false): Promise<{ x: number; y: number; width: number; height: number }> {
  const editor = await page.locator('.monaco-workbench .part.editor').boundingBox();
  assert.ok(editor, 'the editor area is not on screen');
  if (!withPanel) return editor;
  const panel = await page.locator('.monaco-workbench .part.panel').boundingBox();
  assert.ok(panel, 'the panel is not on screen');
  return { x: editor.x, y: editor.y, width: editor.width, height: panel.y + panel.height - editor.y };
}

describe('the README pictures, taken in the demo workspace', function () {
  this.timeout(180_000);
  let page: Page;

  before(async () => {
    page = await openWorkbench({ folder: path.join(repoRoot(), 'samples') });
  });

  beforeEach(async () => {
    await runCommand(page, 'View: Close All Editors');
    // A picture that failed with the Problems panel open must not shrink the next one.
    if (await page.locator('.monaco-workbench .part.panel').isVisible()) await runCommand(page, 'View: Hide Panel');
  });

  afterEach(async function () {
    // What the screen showed when a picture's caption did not hold, for the person who reads the failure.
    if (this.currentTest?.state === 'failed') await screenshot(page, `readme-failed-${this.currentTest.title.split(':')[0]}`);
  });

  after(async () => {
    await pickColorTheme(page, ...dark).catch(() => undefined);
    await closeWorkbench(page);
  });

  it('classifier.py: lenses on logits and on printed probabilities, none on a shape; the printed probabilities hover with their own facts', async () => {
    await openFile(page, 'classifier.py');
    await pickColorTheme(page, ...light);
    const logitsLens = `softmax → [${referenceSoftmax([2, 1, 0.1]).map((p) => formatProbabilityDigits(p, 3)).join(', ')}]`;
    await waitForCodeLens(page, editorSpace(logitsLens), 30_000);
    await waitForCodeLens(page, editorSpace('probabilities · sum 1 ✓'), 30_000);
    // Five arrays of logits and one of printed probabilities; the shape passed to reshape has no lens between its lines.
    assert.strictEqual((await codeLensTitles(page)).length, 6, (await codeLensTitles(page)).join(' | '));
    const before = await line(page, 'flat = batch.reshape(-1)').boundingBox();
    const shape = await line(page, 'restored = flat.reshape([2, 3])').boundingBox();
    assert.ok(before && shape && shape.y - before.y < 1.5 * shape.height, 'a lens sits above the shape');

    const hover = page.locator('.monaco-hover:visible', { hasText: 'Probabilities' }).first();
    await hoverUntilShown(page, line(page, '# [0.65900114 0.24243297 0.09856589]').locator('span').last(), hover, 30_000);
    const text = plainSpace(await hover.innerText());
    for (const fact of ['entropy', '★', '✓ They sum to 1', formatProbability(0.24243297, 4)]) assert.ok(text.includes(fact), `${fact} not in the hover: ${text}`);
    assert.ok(!/Softmax of/.test(text), `the printed probabilities got a softmax: ${text}`);
    await page.screenshot({ path: readmeScreenshotPath('editor-roles-hover'), clip: await clipOf(page) });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  it('checked-tutorial.md: a wrong printed output underlined, listed in Problems, with its quick fix', async () => {
    await openFile(page, 'checked-tutorial.md');
    await pickColorTheme(page, ...dark);
    const wrong = '[0.93392735 0.26689223 0.02917942]';
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'this print shows' }).first();
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    // The wrong print is line 20 (the README's `softmax-lens check` example names it too).
    await goToLine(page, 20, 1);
    await line(page, wrong).waitFor({ state: 'visible' });
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget', { hasText: 'Write the correct print' });
    await fix.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: readmeScreenshotPath('claims-quick-fix'), clip: await clipOf(page, true) });
    // The picture only: the sample keeps its wrong print for the next person.
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.monaco-workbench .part.panel').waitFor({ state: 'hidden' });
    assert.ok((await page.locator('.monaco-editor .view-line').allTextContents()).map(plainSpace).some((l) => l.includes(wrong)), 'the wrong print was replaced');
  });

  it('next_token.py: the walkthrough beside the code in light and dark, then the lab filtering the next token', async () => {
    await openFile(page, 'next_token.py');
    await pickColorTheme(page, ...light);
    await goToLine(page, 10, 30);
    await runCommand(page, 'Softmax: Show Walkthrough');
    const frame = webviewFrame(page);
    await waitForChart(frame, referenceSoftmax([4.1, 2.9, 2.6, 1.2, 0.3, -0.8, 1.9, -1.5]).map((p) => formatProbability(p, 4)), 'the chart of next_token.py logits');
    await page.mouse.move(5, 450);
    await page.waitForTimeout(500);
    const clip = await clipOf(page);
    await page.screenshot({ path: readmeScreenshotPath('walkthrough-light'), clip });
    await pickColorTheme(page, ...dark);
    await page.screenshot({ path: readmeScreenshotPath('walkthrough-dark'), clip });

    for (const [id, value] of [['top-k', '5'], ['top-p', '0.9']]) {
      await frame.locator(`#${id}`).fill(value);
      await frame.locator(`#${id}`).press('Enter');
    }
    assert.strictEqual(await frame.locator('#top-k ~ output').textContent(), '5 of 8 kept');
    await frame.locator('#top-p ~ output', { hasText: 'kept' }).waitFor();
    await frame.locator('table.steps button.pick').nth(0).press('Enter');
    await frame.locator('#training svg.chart.gradient').waitFor();
    // The chart with its cut bars at the top, the filters' controls and rules below it.
    await frame.locator('#chart').evaluate((node) => (node as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }));
    await page.mouse.move(5, 450);
    await page.waitForTimeout(500);
    await page.screenshot({ path: readmeScreenshotPath('walkthrough-lab'), clip });
    // The lab keeps its filters for the workspace: leave none on for the next person.
    for (const [id, value] of [['top-k', '0'], ['top-p', '1']]) {
      await frame.locator(`#${id}`).fill(value);
      await frame.locator(`#${id}`).press('Enter');
    }
  });

  it('classifier-outputs.ipynb: an item under each cell whose saved output prints logits or probabilities, none under a shape', async () => {
    await openFile(page, 'classifier-outputs.ipynb');
    await pickColorTheme(page, ...light);
    const item = (text: string) => page.locator('.cell-status-item', { hasText: text }).first();
    await item('output: log-probabilities per row (2×3)').waitFor({ state: 'visible', timeout: 60_000 });
    await item('output: probabilities per row (2×3) · every row sums to 1 ✓').waitFor({ state: 'visible' });
    await item('output: softmax per row (2×3)').waitFor({ state: 'visible' });
    const outputs = (await page.locator('.cell-status-item').allTextContents()).map(plainSpace).filter((t) => t.startsWith('output:'));
    assert.strictEqual(outputs.length, 3, `the items: ${outputs.join(' | ')}`);
    // The whole width, so each item's text is read to its end.
    await runCommand(page, 'View: Close Primary Side Bar');
    await page.mouse.move(5, 450);
    await page.waitForTimeout(500);
    await page.screenshot({ path: readmeScreenshotPath('notebook-outputs'), clip: await clipOf(page) });
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  });
});
