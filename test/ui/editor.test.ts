// The editor views as a person sees them in the real VS Code, in Chromium: the lens, the hover, the context menu.
import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import { argmax, formatNumber, formatProbability, topK } from '../../src/core';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import {
  clearNotifications,
  closeWorkbench,
  editorSpace,
  hoverUntilShown,
  openFile,
  openWorkbench,
  screenshot,
  setUserSettings,
  waitForCodeLens,
  waitForNotification,
  webviewFrame,
  writeWorkspaceFile,
} from './vscodeUi';

const decimals = 4;
/** Thirty logits with one clear winner at index 17. */
const longLogits = Array.from({ length: 30 }, (_, i) => (i === 17 ? 4.5 : Math.round(Math.cos(i) * 100) / 100));
const sample = [
  'import numpy as np',
  '',
  'logits = np.array([2.0, 1.0, 0.1])',
  "masked = [float('-inf'), float('-inf')]",
  "noisy = [0.5, float('nan'), 1.5]",
  'label = "cat"',
  'scores = [0.5, -1.5, 3.25]',
  // Ten to a line, so that nothing scrolls the editor sideways.
  `long = [${[0, 10, 20].map((i) => longLogits.slice(i, i + 10).join(', ')).join(',\n  ')}]`,
  '',
].join('\n');

/** The exact probabilities (60-digit reference), printed as a view prints them. */
const exact = referenceSoftmax([2.0, 1.0, 0.1]);

/** The lens title for [2.0, 1.0, 0.1] at a temperature, from the reference numbers and the core's formatter. */
function lensTitle(temperature: number): string {
  const p = referenceSoftmax([2.0, 1.0, 0.1].map((x) => x / temperature));
  const best = argmax(p);
  const label = temperature === 1 ? 'softmax' : `softmax (T = ${formatNumber(temperature)})`;
  return `${label} → [${p.map((x) => formatNumber(x, 3)).join(', ')}] · max ${formatNumber(p[best], 3)} @ ${best}`;
}

function line(page: Page, text: string): Locator {
  return page.locator('.monaco-editor .view-line', { hasText: editorSpace(text) });
}

/** The token span holding exactly `text` on the line that holds `lineText`. */
function token(page: Page, lineText: string, text: string): Locator {
  return line(page, lineText).locator('span > span', { hasText: new RegExp(`^${text.replace(/[.()[\]]/g, '\\$&')}$`) }).first();
}

/** Types a value into a setting in the Settings editor, as a person does, then goes back to the file. */
async function setSettingInUi(page: Page, id: string, title: string, value: string) {
  await page.keyboard.press('Control+,');
  await page.locator('.settings-editor').waitFor({ state: 'visible' });
  await page.keyboard.type(id);
  await page.locator('.settings-editor', { hasText: '1 Setting Found' }).waitFor({ state: 'visible', timeout: 15_000 });
  const input = page.locator('.settings-editor .setting-item-contents', { hasText: title }).locator('input').first();
  await input.fill(value);
  await input.press('Tab');
  await page.waitForTimeout(500);
  await page.locator('.tabs-container .tab', { hasText: 'Settings' }).locator('.codicon-close').click();
  await page.locator('.settings-editor').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

/** Puts the cursor on `at` (or keeps the selection, when `at` lies inside it), then picks Compute Softmax from the context menu. */
async function contextMenuCompute(page: Page, at: Locator, keepSelection = false) {
  // A hover left open from an earlier step would take the clicks.
  await page.mouse.move(5, 5);
  if (!keepSelection) {
    await page.keyboard.press('Escape');
    await at.click();
  }
  await at.click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item', { hasText: 'Compute Softmax' }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  // VS Code's menus ignore a click that comes right after they open (it would be the right-click's own mouseup).
  await item.hover();
  await page.waitForTimeout(300);
  await item.click();
  await page.locator('.monaco-menu').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
}

describe('editor views in the browser', function () {
  this.timeout(180_000);
  let page: Page;

  before(async () => {
    await setUserSettings({ 'softmaxLens.decimals': decimals, 'editor.hover.delay': 100 });
    await writeWorkspaceFile('editor_probe.py', sample);
    page = await openWorkbench();
    await openFile(page, 'editor_probe.py');
    await line(page, 'logits').waitFor({ state: 'visible', timeout: 30_000 });
  });

  after(() => closeWorkbench(page));


  it('shows a lens with the softmax above the array', async () => {
    const lens = page.locator('.codelens-decoration', { hasText: editorSpace(lensTitle(1)) });
    await lens.first().waitFor({ state: 'visible', timeout: 30_000 });
    // The lens sits right above the line of the array.
    const lensBox = await lens.first().boundingBox();
    const lineBox = await line(page, 'logits').boundingBox();
    assert.ok(lensBox && lineBox && lensBox.y < lineBox.y && lineBox.y - lensBox.y < 2 * lineBox.height, 'lens is not above its array');
  });

  it('updates the lens on screen when the temperature setting changes', async () => {
    await setSettingInUi(page, 'softmaxLens.temperature', 'Softmax Lens: Temperature', '2');
    try {
      await waitForCodeLens(page, editorSpace(lensTitle(2)), 30_000);
    } finally {
      await setSettingInUi(page, 'softmaxLens.temperature', 'Softmax Lens: Temperature', '1');
    }
    await waitForCodeLens(page, editorSpace(lensTitle(1)), 30_000);
  });

  it('shows the probability table when the mouse rests on the array', async () => {
    const hover = page.locator('.monaco-hover', { hasText: 'Softmax' }).first();
    await hoverUntilShown(page, token(page, 'logits', '1.0'), hover);
    const cells = await hover.locator('table td').allTextContents();
    for (const p of exact) assert.ok(cells.some((c) => c.includes(formatProbability(p, decimals))), `${formatProbability(p, decimals)} not in ${cells.join(' | ')}`);
    assert.ok(cells.some((c) => c.includes('★')), 'the argmax is not marked');
    assert.ok(await hover.locator('a', { hasText: 'Show the steps' }).isVisible());
    await screenshot(page, 'editor-hover');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  it('runs Compute Softmax from the context menu and shows the numbers with their actions', async () => {
    await contextMenuCompute(page, token(page, 'logits', '1.0'));
    const message = `softmax → [${exact.map((p) => formatProbability(p, decimals)).join(', ')}]`;
    await waitForNotification(page, message);
    const item = page.locator('.notifications-toasts .notification-list-item', { hasText: message }).first();
    const buttons = await item.locator('.monaco-button').allTextContents();
    assert.deepStrictEqual(buttons.map((b) => b.trim()), ['Copy', 'Insert Below', 'Show Steps']);
    await item.locator('.monaco-button', { hasText: 'Insert Below' }).click();
    await line(page, `# softmax = [${exact.map((p) => p.toFixed(decimals)).join(', ')}]`).waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Control+z');
    await line(page, '# softmax').waitFor({ state: 'detached', timeout: 10_000 });
    await clearNotifications(page);
  });

  it('a long array notifies its top entries with their indices', async () => {
    await contextMenuCompute(page, token(page, '4.5', '4.5'));
    const p = referenceSoftmax(longLogits);
    const top = topK(p, 5).map((i) => `#${i} ${formatProbability(p[i], decimals)}`);
    await waitForNotification(page, `softmax of 30 logits, top 5: ${top.join(', ')}, …`);
    await clearNotifications(page);
  });

  it('names the problem when every logit is masked', async () => {
    await contextMenuCompute(page, token(page, 'masked', 'float').first());
    await waitForNotification(page, /masked/);
    await clearNotifications(page);
  });

  it('names the entry that is NaN', async () => {
    await contextMenuCompute(page, token(page, 'noisy', '0.5'));
    await waitForNotification(page, /Logit 1 is NaN/);
    await clearNotifications(page);
  });

  it('warns when the selection holds no numbers', async () => {
    await line(page, 'label').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await contextMenuCompute(page, line(page, 'label').locator('span > span').first(), true);
    await waitForNotification(page, 'No numeric array in the selection');
    await clearNotifications(page);
  });

  it("the hover's link opens the walkthrough on the hovered array, not the one at the cursor", async () => {
    await token(page, 'logits', '1.0').click();
    const link = page.locator('.monaco-hover a', { hasText: 'Show the steps' }).first();
    await hoverUntilShown(page, token(page, 'scores', '3.25'), link);
    await link.click();
    const expected = referenceSoftmax([0.5, -1.5, 3.25]).map((p) => formatProbability(p, decimals));
    const values = webviewFrame(page).locator('svg.chart.bars .value');
    const until = Date.now() + 30_000;
    let seen: string[] = [];
    while (Date.now() < until && JSON.stringify(seen) !== JSON.stringify(expected)) {
      seen = await values.allTextContents().catch(() => []);
      await page.waitForTimeout(100);
    }
    assert.deepStrictEqual(seen, expected);
  });
});
