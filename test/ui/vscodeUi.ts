// Helpers for UI tests: one real VS Code (code-server) and one Chromium shared by every UI test file
// of a run, a fresh workbench page per file, and the gestures a person makes in the workbench.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { launchBrowser, openWorkbenchPage } from '../harness/browser';
import { startCodeServer, TEST_SETTINGS, type CodeServer } from '../harness/codeServer';
import { repoRoot, vscodeTestDir } from '../harness/repo';

export interface UiSession {
  server: CodeServer;
  browser: Browser;
  /** The folder every workbench page opens; write a test's files here before opening them. */
  workspace: string;
}

// Each test file is its own bundle with its own copy of this module: the session lives on globalThis.
const KEY = Symbol.for('softmax-lens.ui.session');
type Holder = Record<symbol, Promise<UiSession> | undefined>;

/** The run's shared VS Code and browser, started on first use (the UI runner stops them at the end). */
export function uiSession(): Promise<UiSession> {
  const holder = globalThis as unknown as Holder;
  holder[KEY] ??= (async () => {
    const server = await startCodeServer();
    const browser = await launchBrowser(server.home);
    return { server, browser, workspace: server.workspace };
  })();
  return holder[KEY];
}

/** Stops the shared VS Code and browser, if they were started. */
export async function stopUiSession(): Promise<void> {
  const holder = globalThis as unknown as Holder;
  const session = holder[KEY];
  holder[KEY] = undefined;
  if (!session) return;
  const { server, browser } = await session.catch(() => ({ server: undefined, browser: undefined }));
  await browser?.close().catch(() => undefined);
  await server?.stop();
}

/** Writes a file into the shared workspace (folders created as needed); returns its absolute path. */
export async function writeWorkspaceFile(relativePath: string, content: string): Promise<string> {
  const { workspace } = await uiSession();
  const file = path.join(workspace, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** Merges `settings` into the user settings of the shared VS Code; open workbenches apply them live. */
export async function setUserSettings(settings: Record<string, unknown>): Promise<void> {
  const { server } = await uiSession();
  const file = path.join(server.home, 'ud', 'User', 'settings.json');
  const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : { ...TEST_SETTINGS };
  fs.writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
}

/** A fresh workbench (its own browser context) with Softmax Lens loaded from this checkout. */
export async function openWorkbench(options: { folder?: string } = {}): Promise<Page> {
  const { server, browser } = await uiSession();
  const page = await openWorkbenchPage(browser, server, { folder: options.folder, extensionDevelopmentPath: repoRoot() });
  // A dialog left open would block every later gesture; tests that care listen for 'dialog' themselves.
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
  return page;
}

/** Closes a workbench page and its browser context. */
export async function closeWorkbench(page: Page | undefined): Promise<void> {
  await page?.context().close().catch(() => undefined);
}

/** The editor renders spaces as U+00A0: use this on text to find it in `.view-line`s. */
export function editorSpace(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

/** Text read from the editor, with its U+00A0 spaces turned back into spaces. */
export function plainSpace(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget input');
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits until its text is on screen. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = path.basename(relativePath);
  await page.keyboard.press('Control+p');
  await quickInput(page).waitFor({ state: 'visible' });
  await quickInput(page).fill(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/** Runs a command by its palette title (F1, then `>Title`), e.g. `Softmax: Compute Softmax`. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await quickInput(page).waitFor({ state: 'visible' });
  await quickInput(page).fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click({ timeout: 15_000 });
}

/** Gives the keyboard back to the editor (a click in a webview takes it) by clicking the start of the line holding `lineText`. */
export async function focusEditor(page: Page, lineText: string): Promise<void> {
  await page.locator('.monaco-editor .view-line', { hasText: lineText }).click({ position: { x: 4, y: 4 } });
}

/** Moves the cursor to a 1-based line and column (Ctrl+G). */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+g');
  await quickInput(page).waitFor({ state: 'visible' });
  await quickInput(page).fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** The text of the editor's visible lines, with ordinary spaces. */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.monaco-editor .view-lines .view-line').allTextContents();
  return plainSpace(lines.join('\n'));
}

/** Waits for a notification toast containing `text`; returns its message. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await toast.locator('.notification-list-item-message').innerText()).trim();
}

/** Dismisses every notification toast on screen. */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-list-item').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

/** The titles of the CodeLenses on screen, top to bottom (lenses on one line come joined by ` | `). */
export async function codeLensTitles(page: Page): Promise<string[]> {
  const titles = await page.locator('.monaco-editor .codelens-decoration').allTextContents();
  return titles.map(plainSpace);
}

/** Waits until a CodeLens containing `text` is on screen; returns its title. */
export async function waitForCodeLens(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: text }).first();
  await lens.waitFor({ state: 'visible', timeout: timeoutMs });
  return plainSpace(await lens.innerText());
}

/**
 * Rests the mouse on `target` until `hover` shows, as a person would: a hover asked for before the extension
 * finished activating (or while the workbench was still laying out) never comes, so the mouse leaves and
 * comes back every few seconds until `timeoutMs` has passed.
 */
export async function hoverUntilShown(page: Page, target: Locator, hover: Locator, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await page.mouse.move(1, 1);
    await target.hover({ timeout: Math.max(1_000, until - Date.now()) });
    const wait = Math.min(4_000, until - Date.now());
    try {
      await hover.waitFor({ state: 'visible', timeout: Math.max(wait, 1) });
      return;
    } catch (error) {
      if (Date.now() >= until) throw error;
    }
  }
}

/** Moves the mouse onto the last on-screen occurrence of `text` in the editor; returns the hover's text. */
export async function hoverText(page: Page, text: string, timeoutMs = 15_000): Promise<string> {
  const target = page.locator('.monaco-editor .view-line span', { hasText: editorSpace(text) }).last();
  const hover = page.locator('.monaco-hover:visible').first();
  const until = Date.now() + timeoutMs;
  await hoverUntilShown(page, target, hover, timeoutMs);
  // VS Code shows "Loading..." in the hover until every provider has answered; a person waits for the answer.
  for (;;) {
    const text = plainSpace(await hover.innerText());
    if (!/^\s*(Loading|正在加载)(\.\.\.|…)\s*$/.test(text) || Date.now() >= until) return text;
    await page.waitForTimeout(100);
  }
}

/** The document inside the active webview (e.g. the walkthrough panel). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** The value labels of the walkthrough's bar chart, top to bottom. */
export async function chartValues(frame: FrameLocator): Promise<string[]> {
  return frame.locator('svg.chart.bars .value').allTextContents();
}

/** Waits until `read()` gives `expected` (compared as JSON), as a person waits for the panel to show it; fails with what it last saw. */
export async function waitForValue<T>(read: () => Promise<T>, expected: T, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let seen: T | undefined;
  while (Date.now() < until) {
    seen = await read().catch(() => undefined);
    if (JSON.stringify(seen) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepStrictEqual(seen, expected, what);
}

/** Waits until the walkthrough's bar chart shows exactly `expected` as its value labels. */
export async function waitForChart(frame: FrameLocator, expected: string[], what: string): Promise<void> {
  await waitForValue(() => chartValues(frame), expected, what);
}

/** The plain readings of the typeset formulas under `selector` (KaTeX's MathML carries them), in order. */
export async function formulaReadings(frame: FrameLocator, selector: string): Promise<string[]> {
  return frame.locator(`${selector} .katex math`).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
}

/**
 * Picks a colour theme the way a person does, through Preferences: Color Theme (which sets `workbench.colorTheme`),
 * and waits until the workbench (`workbenchSelector`, e.g. `.monaco-workbench.vs-dark`) and every webview wear it.
 */
export async function pickColorTheme(page: Page, name: string, workbenchSelector: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row').getByText(name, { exact: true }).first().click();
  await page.locator(workbenchSelector).waitFor({ timeout: 15_000 });
  const webviews = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  if ((await page.locator('iframe.webview.ready').count()) > 0) {
    await webviews.locator(`body[data-vscode-theme-id="${name}"]`).waitFor({ state: 'attached', timeout: 15_000 });
  }
  await page.waitForTimeout(300);
}

/**
 * Where a screenshot the README shows is written: media/screenshots under `npm run screenshots`, so the
 * README's pictures come from this suite; otherwise .vscode-test/screenshots, so a test run writes nothing else.
 */
export function readmeScreenshotPath(name: string): string {
  const dir = process.env.SOFTMAX_LENS_README_SHOTS ? path.join(repoRoot(), 'media', 'screenshots') : path.join(vscodeTestDir(), 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/** Saves a PNG of the page (or of one element): at `name` if it is an absolute path, else in .vscode-test/screenshots; returns its path. */
export async function screenshot(page: Page, name: string, element?: Locator): Promise<string> {
  const file = path.isAbsolute(name) ? name : path.join(vscodeTestDir(), 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (element) await element.screenshot({ path: file });
  else await page.screenshot({ path: file });
  return file;
}
