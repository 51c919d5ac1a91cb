// Debian's Chromium driven by playwright-core (never `playwright install`: it downloads a browser).
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { onCleanup } from './cleanup';
import type { CodeServer } from './codeServer';

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((p): p is string => !!p && fs.existsSync(p));
  if (!found) throw new Error('Chromium is missing: apt-get install -y chromium');
  return found;
}

/** Launches Chromium with its profile and caches inside `home` (the server's throw-away folder). */
export async function launchBrowser(home: string): Promise<Browser> {
  const executablePath = chromiumPath();
  const browserHome = path.join(home, 'chromium');
  fs.mkdirSync(browserHome, { recursive: true });
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(browserHome, 'config'), XDG_CACHE_HOME: path.join(browserHome, 'cache'), TMPDIR: browserHome },
    // The harness's own handlers stop the browser together with VS Code.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const unregister = onCleanup({
    stop: async () => {
      unregister();
      await browser.close().catch(() => undefined);
    },
    // Playwright kills the browsers it launched when Node exits.
    kill: () => undefined,
  });
  browser.on('disconnected', () => unregister());
  return browser;
}

export interface WorkbenchOptions {
  /** Absolute path of the folder to open (default: the server's workspace). */
  folder?: string;
  /** Absolute path of an extension folder to load in development mode. */
  extensionDevelopmentPath?: string;
  /** Absolute path of a module exporting run(): the workbench runs it as the extension test suite. */
  extensionTestsPath?: string;
}

/** A path on the server as a URI the workbench accepts in its payload (authority must match the page's). */
export function remoteUri(server: CodeServer, absolutePath: string): string {
  return `vscode-remote://${server.authority}${absolutePath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** The workbench URL that opens `folder` and carries the development payload. */
export function workbenchUrl(server: CodeServer, options: WorkbenchOptions = {}): string {
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(server, options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, options.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
  const folder = options.folder ?? server.workspace;
  return `${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Opens the workbench in a fresh page and waits until its editor area is on screen. */
export async function openWorkbenchPage(browser: Browser, server: CodeServer, options: WorkbenchOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(server, options));
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
  return page;
}
