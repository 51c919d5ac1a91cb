// The editor views as a person sees them in the real VS Code, in Chromium: the lens, the hover, the context menu.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { argmax, formatNumber, formatProbability } from '../../src/core';
import { launchBrowser, openWorkbenchPage } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import { repoRoot } from '../harness/repo';

const decimals = 4;
const sample = [
  'import numpy as np',
  '',
  'logits = np.array([2.0, 1.0, 0.1])',
  "masked = [float('-inf'), float('-inf')]",
  "noisy = [0.5, float('nan'), 1.5]",
  'label = "cat"',
  '',
].join('\n');

/** The exact probabilities (60-digit reference), printed as a view prints them. */
const exact = referenceSoftmax([2.0, 1.0, 0.1]);
const editorSpace = (s: string) => s.replace(/ /g, '\u00a0');

function line(page: Page, text: string): Locator {
  return page.locator('.monaco-editor .view-line', { hasText: editorSpace(text) });
}

/** The token span holding exactly `text` on the line that holds `lineText`. */
function token(page: Page, lineText: string, text: string): Locator {
  return line(page, lineText).locator('span > span', { hasText: new RegExp(`^${text.replace(/[.()[\]]/g, '\\$&')}$`) }).first();
}

async function toast(page: Page, text: string | RegExp): Promise<Locator> {
  const item = page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
  await item.waitFor({ state: 'visible', timeout: 15_000 });
  return item;
}

async function clearNotifications(page: Page) {
  await page.keyboard.press('Escape');
  const close = page.locator('.notifications-toasts .codicon-notifications-clear-all, .notifications-toasts .action-label.codicon-close');
  for (let i = 0; i < 10 && (await close.count()) > 0; i++) await close.first().click().catch(() => undefined);
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
  let server: CodeServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startCodeServer({ settings: { 'softmaxLens.decimals': decimals, 'editor.hover.delay': 100 } });
    fs.writeFileSync(path.join(server.workspace, 'probe.py'), sample);
    browser = await launchBrowser(server.home);
    page = await openWorkbenchPage(browser, server, { extensionDevelopmentPath: repoRoot() });
    await page.keyboard.press('Control+p');
    await page.locator('.quick-input-widget input').fill('probe.py');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'probe.py' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await line(page, 'logits').waitFor({ state: 'visible', timeout: 30_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a lens with the softmax above the array', async () => {
    const best = argmax(exact);
    const title = `softmax → [${exact.map((p) => formatNumber(p, 3)).join(', ')}] · max ${formatNumber(exact[best], 3)} @ ${best}`;
    const lens = page.locator('.codelens-decoration', { hasText: editorSpace(title) });
    await lens.first().waitFor({ state: 'visible', timeout: 30_000 });
    // The lens sits right above the line of the array.
    const lensBox = await lens.first().boundingBox();
    const lineBox = await line(page, 'logits').boundingBox();
    assert.ok(lensBox && lineBox && lensBox.y < lineBox.y && lineBox.y - lensBox.y < 2 * lineBox.height, 'lens is not above its array');
  });

  it('shows the probability table when the mouse rests on the array', async () => {
    await token(page, 'logits', '1.0').hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Softmax' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const cells = await hover.locator('table td').allTextContents();
    for (const p of exact) assert.ok(cells.some((c) => c.includes(formatProbability(p, decimals))), `${formatProbability(p, decimals)} not in ${cells.join(' | ')}`);
    assert.ok(cells.some((c) => c.includes('★')), 'the argmax is not marked');
    assert.ok(await hover.locator('a', { hasText: 'Show the steps' }).isVisible());
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  it('runs Compute Softmax from the context menu and shows the numbers with their actions', async () => {
    await contextMenuCompute(page, token(page, 'logits', '1.0'));
    const message = `softmax → [${exact.map((p) => formatProbability(p, decimals)).join(', ')}]`;
    const item = await toast(page, editorSpace(message).replace(/\u00a0/g, ' '));
    const buttons = await item.locator('.monaco-button').allTextContents();
    assert.deepStrictEqual(buttons.map((b) => b.trim()), ['Copy', 'Insert Below', 'Show Steps']);
    await item.locator('.monaco-button', { hasText: 'Insert Below' }).click();
    await line(page, `# softmax = [${exact.map((p) => p.toFixed(decimals)).join(', ')}]`).waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Control+z');
    await line(page, '# softmax').waitFor({ state: 'detached', timeout: 10_000 });
    await clearNotifications(page);
  });

  it('names the problem when every logit is masked', async () => {
    await contextMenuCompute(page, token(page, 'masked', 'float').first());
    await toast(page, /masked/);
    await clearNotifications(page);
  });

  it('names the entry that is NaN', async () => {
    await contextMenuCompute(page, token(page, 'noisy', '0.5'));
    await toast(page, /Logit 1 is NaN/);
    await clearNotifications(page);
  });

  it('warns when the selection holds no numbers', async () => {
    await line(page, 'label').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await contextMenuCompute(page, line(page, 'label').locator('span > span').first(), true);
    await toast(page, 'No numeric array in the selection');
    await clearNotifications(page);
  });
});
