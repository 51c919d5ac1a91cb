import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openWorkbenchPage } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { repoRoot } from '../harness/repo';
import { WEB_WORKER_SETTINGS } from '../harness/runWeb';
import { goToLine, hoverText, openFile, runCommand, screenshot, waitForCodeLens, waitForNotification, webviewFrame } from './vscodeUi';

/**
 * Makes zh-cn the display language of a code-server, as installing the Chinese language pack and picking
 * it does: argv.json names the locale, languagepacks.json lists a pack for it. The pack's own translation
 * of VS Code is empty (the real one is not installable offline), so the workbench stays English and every
 * Chinese word on screen comes from Softmax Lens.
 */
function useChineseDisplayLanguage(server: CodeServer): void {
  const userData = path.join(server.home, 'ud');
  const translations = path.join(server.home, 'zh-cn-workbench.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  fs.writeFileSync(path.join(userData, 'User', 'argv.json'), JSON.stringify({ locale: 'zh-cn' }));
  const pack = { hash: 'softmax-lens-test', extensions: [{ extensionIdentifier: { id: 'softmax-lens-test.zh-cn' }, version: '0.0.1' }], translations: { vscode: translations }, label: '中文(简体)' };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({ 'zh-cn': pack }));
}

const hosts: [string, Record<string, unknown>][] = [
  ['Node extension host', {}],
  ['web-worker extension host, as on vscode.dev', WEB_WORKER_SETTINGS],
];

for (const [host, settings] of hosts) {
  suite(`with VS Code’s display language set to Simplified Chinese (${host})`, () => {
    let server: CodeServer;
    let browser: Browser;
    let page: Page;

    suiteSetup(async () => {
      server = await startCodeServer({ settings });
      useChineseDisplayLanguage(server);
      fs.writeFileSync(path.join(server.workspace, 'l10n_zh.py'), 'logits = [2.0, 1.0, 0.1]\nbad = [1.0, np.inf]\n');
      browser = await launchBrowser(server.home);
      page = await openWorkbenchPage(browser, server, { extensionDevelopmentPath: repoRoot() });
      assert.strictEqual(await page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE), 'zh-cn');
      await openFile(page, 'l10n_zh.py');
    });

    suiteTeardown(async () => {
      await browser?.close().catch(() => undefined);
      await server?.stop();
    });

    test('the command palette lists Compute Softmax and Show Walkthrough by their Chinese titles', async () => {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill('>Softmax');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'Softmax: 计算 Softmax' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await rows.filter({ hasText: 'Softmax: 显示分步讲解' }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
    });

    test('the CodeLens speaks Chinese, including the core’s error for an infinite logit', async () => {
      const lens = await waitForCodeLens(page, '最大', 30_000);
      assert.match(lens, /^softmax → \[0\.659, 0\.242, 0\.0986\] · 最大 0\.659 @ 0$/);
      const error = await waitForCodeLens(page, '+∞');
      assert.match(error, /^softmax：logit 1 为 \+∞ — 存在无穷大的 logit 时 softmax 没有定义/);
    });

    test('the hover’s heading, entropy line and link are in Chinese', async () => {
      const hover = await hoverText(page, '1.0, 0.1');
      assert.match(hover, /3 个 logits 的 Softmax/);
      assert.match(hover, /熵 [\d.]+ 纳特（[\d.]+ 比特）/);
      assert.match(hover, /查看步骤/);
      await page.keyboard.press('Escape');
    });

    test('Compute Softmax run from its Chinese title answers with Chinese buttons, and Show Steps opens a Chinese panel', async () => {
      await goToLine(page, 1, 12);
      await runCommand(page, 'Softmax: 计算 Softmax');
      await waitForNotification(page, 'softmax → [0.6590, 0.2424, 0.0986]');
      const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'softmax → [0.6590' }).first();
      const buttons = (await toast.locator('.monaco-button').allInnerTexts()).map((b) => b.trim());
      assert.deepStrictEqual(buttons, ['复制', '插入到下方', '查看步骤']);
      await toast.locator('.monaco-button', { hasText: '查看步骤' }).click();
      await page.locator('.tabs-container .tab', { hasText: 'Softmax 分步讲解' }).waitFor({ state: 'visible', timeout: 30_000 });
      const panel = webviewFrame(page);
      await panel.getByText('第 1 步 — 平移并取指数').waitFor({ state: 'visible', timeout: 30_000 });
      await panel.getByText('第 3 步 — 归一化').waitFor({ state: 'visible' });
      await screenshot(page, `l10n-zh-cn-panel-${settings === WEB_WORKER_SETTINGS ? 'web' : 'node'}`);
    });

    test('the lab speaks Chinese: its sections, the filters’ labels, what top-k kept and the cut bar’s words', async () => {
      const panel = webviewFrame(page);
      await panel.locator('#sampling-heading', { hasText: '采样 — top-k、top-p、min-p' }).waitFor({ state: 'visible', timeout: 30_000 });
      assert.strictEqual(await panel.locator('#training-heading').textContent(), '训练 — 损失的梯度');
      assert.strictEqual(await panel.locator('#compare-heading').textContent(), '与另一个分布比较');
      assert.strictEqual(await panel.locator('fieldset.sampling legend').textContent(), '采样过滤器（在温度之后）');
      assert.strictEqual(await panel.locator('label[for="top-k"]').textContent(), 'Top-k');
      assert.strictEqual(await panel.locator('#top-k-hint').textContent(), '整数；0 表示关闭');
      assert.strictEqual(await panel.locator('#top-p ~ output').textContent(), '关闭');
      await panel.locator('#top-k').fill('2');
      await panel.locator('#top-k').press('Enter');
      await panel.locator('#top-k ~ output', { hasText: '保留 3 个中的 2 个' }).waitFor({ state: 'visible', timeout: 15_000 });
      const marks = await panel.locator('#chart figure.chart-figure table tbody tr td:last-child').allTextContents();
      assert.deepStrictEqual(marks, ['argmax', '', '被采样过滤掉']);
      assert.strictEqual(await panel.locator('#sampling p.cut').textContent(), '✕被采样过滤掉：2');
      await screenshot(page, `l10n-zh-cn-lab-${settings === WEB_WORKER_SETTINGS ? 'web' : 'node'}`);
      await panel.locator('#top-k').fill('0');
      await panel.locator('#top-k').press('Enter');
      await panel.locator('#top-k ~ output', { hasText: '关闭' }).waitFor({ state: 'visible', timeout: 15_000 });
    });

    test('an error from Compute Softmax is a Chinese sentence', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'l10n_zh.py' }).click();
      await goToLine(page, 2, 9);
      await runCommand(page, 'Softmax: 计算 Softmax');
      const message = await waitForNotification(page, '无法计算 softmax');
      assert.match(message, /^无法计算 softmax：logit 1 为 \+∞ — 存在无穷大的 logit 时 softmax 没有定义（−∞ 是允许的：它会把该项屏蔽为 0）。$/);
    });

    test('the Settings editor describes the temperature setting in Chinese', async () => {
      await page.keyboard.press('Control+,');
      await page.locator('.settings-editor').waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.type('softmaxLens.temperature');
      const item = page.locator('.settings-editor .setting-item-contents', { hasText: 'Temperature' }).first();
      await item.waitFor({ state: 'visible', timeout: 15_000 });
      const description = (await item.locator('.setting-item-description').innerText()).trim();
      assert.match(description, /^温度 T：在 CodeLens、悬停提示、“计算 Softmax”和分步讲解面板（在移动其滑块之前）中，先将 logits 除以 T 再求 softmax。/);
      await page.locator('.tabs-container .tab', { hasText: 'Settings' }).locator('.codicon-close').click();
    });

    test('the Get Started walkthrough shows its Chinese title, steps and step text', async () => {
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Softmax Lens 入门' }).first().click({ timeout: 15_000 });
      const gettingStarted = page.locator('.gettingStartedContainer');
      await gettingStarted.getByText('选中数组并计算 Softmax').first().waitFor({ state: 'visible', timeout: 30_000 });
      await gettingStarted.getByText('悬停查看数组').first().waitFor({ state: 'visible' });
      await gettingStarted.getByText('打开分步讲解面板').first().waitFor({ state: 'visible' });
      // The step's Markdown media is rendered in a webview of its own: the zh-cn file, not the English one.
      const deadline = Date.now() + 30_000;
      let media: string | undefined;
      while (!media && Date.now() < deadline) {
        for (const frame of page.frames()) {
          const text = await frame.locator('body').innerText({ timeout: 1_000 }).catch(() => '');
          if (text.includes('选中一个数组')) media = text;
        }
        if (!media) await page.waitForTimeout(250);
      }
      assert.ok(media, 'the Chinese media of the first step did not appear');
      assert.ok(!media.includes('Select an array'), 'the English media is shown');
      await screenshot(page, `l10n-zh-cn-walkthrough-${settings === WEB_WORKER_SETTINGS ? 'web' : 'node'}`);
    });
  });
}
