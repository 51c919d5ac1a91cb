// Runs a suite module (exporting run()) in code-server's extension host, driven through Chromium;
// the workbench reports the suite's log and exit code back to us.
import * as fs from 'fs';
import { format } from 'util';
import { chromiumPath, launchBrowser, workbenchUrl } from './browser';
import { startCodeServer } from './codeServer';
import { withTimeout } from './layer';
import { repoRoot } from './repo';
import { parseResultLine, type SuiteCounts } from './suiteResult';

/** The workbench's own start-up chatter, which says nothing about the suite. */
const NOISE = [
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^Creating a socket \(/,
  /^Resolv(ing|ed) connection token/,
  /^\[Service Worker\] registered/,
  /^ChatSessionStore: Migrating 0 chat sessions/,
];

export interface ExtensionHostSuite {
  /** For messages: "VS Code suite". */
  name: string;
  /** Absolute path of the built module exporting run(). */
  testsPath: string;
  /** User settings for this run (e.g. to move the extension into the web-worker host). */
  settings?: Record<string, unknown>;
  /** The extension to load (default: this repository). */
  extensionDevelopmentPath?: string;
  timeoutSeconds: number;
}

/** Runs a suite in the extension host, relaying its output; resolves with its counts. */
export async function runExtensionHostSuite(suite: ExtensionHostSuite): Promise<SuiteCounts> {
  if (!fs.existsSync(suite.testsPath)) throw new Error(`${suite.testsPath} is missing: run \`node esbuild.js\` first.`);
  chromiumPath();
  const server = await startCodeServer({ settings: suite.settings });
  const browser = await launchBrowser(server.home);
  let counts: SuiteCounts | undefined;
  let exitCode: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exitCode = resolve));
  const page = await browser.newPage();
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    const text = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
    for (const line of text.split('\n')) {
      const parsed = parseResultLine(line);
      if (parsed) counts = parsed;
      else if (NOISE.some((noise) => noise.test(line))) continue;
      else if (type === 'error') process.stderr.write(`${line}\n`);
      else process.stdout.write(`${line}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exitCode(code));
  const started = Date.now();
  try {
    await page.goto(workbenchUrl(server, { extensionDevelopmentPath: suite.extensionDevelopmentPath ?? repoRoot(), extensionTestsPath: suite.testsPath }));
    const code = await withTimeout(exited, suite.timeoutSeconds, () => `The ${suite.name} did not finish within ${suite.timeoutSeconds} s — log: ${server.keepLog()}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!counts) {
      // The suite never reached mocha's end (the extension or the suite failed to load).
      console.error(`✘ The ${suite.name} exited with code ${code} after ${seconds} s without reporting counts — log: ${server.keepLog()}`);
      return { passed: 0, failed: 1 };
    }
    if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1 };
    return counts;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

