// Hostile document text in the real workbench: markup, script tags, javascript: links and KaTeX
// commands next to arrays show as text in the walkthrough and the hover; nothing runs, nothing is fetched
// from elsewhere, and our webview raises no Content-Security-Policy violation.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/repo';
import { closeWorkbench, goToLine, hoverText, openFile, openWorkbench, runCommand, webviewFrame, writeWorkspaceFile } from './vscodeUi';

const markup = '</script><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">go</a>';
const markdown = '[quit](command:workbench.action.quit) ![i](https://example.com/x.png)';
const katex = '\\href{javascript:alert(4)}{x} \\htmlData{a=b}{y} \\url{https://example.com}';

const python = [`probs = [3.0, 1.0, 0.5]  # ${markup} ${markdown}`, ''].join('\n');
const latex = [
  `% ${katex} ${markup}`,
  `${katex} $x$`,
  '\\[',
  '\\begin{bmatrix} 1.5 & -0.5 & 2.0 \\end{bmatrix}',
  '\\]',
  '',
].join('\n');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('hostile text beside arrays in the real workbench', function () {
  this.timeout(180_000);
  let page: Page;
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];
  const violations: string[] = [];

  before(async () => {
    await writeWorkspaceFile('hostile_markup.py', python);
    await writeWorkspaceFile('hostile_katex.tex', latex);
    page = await openWorkbench();
    const origin = new URL(page.url()).origin;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The webview's own files come through asWebviewUri (served by the workbench, never the network): only the
    // extension's dist/webview and media folders may appear there.
    const ownResource = new RegExp(`\\.vscode-resource\\.vscode-cdn\\.net${escapeRegExp(repoRoot())}/(dist/webview|media)/`);
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !/^(data|blob):/.test(url) && !ownResource.test(url)) foreignRequests.push(url);
    });
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to/i.test(text)) violations.push(`${message.location().url}: ${text}`);
    });
  });

  after(() => closeWorkbench(page));

  it('the hover over an array beside markup shows no image and no link but its own', async () => {
    await openFile(page, 'hostile_markup.py');
    const text = await hoverText(page, '1.0', 30_000);
    assert.match(text, /Softmax/);
    const hover = page.locator('.monaco-hover:visible').first();
    assert.strictEqual(await hover.locator('img').count(), 0);
    const links = await hover.locator('a').evaluateAll((anchors) =>
      anchors.map((a) => (a as unknown as { getAttribute(n: string): string | null }).getAttribute('data-href') ?? ''),
    );
    assert.ok(links.every((href) => href.startsWith('command:softmaxLens.showWalkthrough')), `links: ${links.join(', ')}`);
    assert.ok(!text.includes('quit') && !text.includes('onerror'), `hover text: ${text}`);
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
  });

  it('the walkthrough shows a Python line full of markup as text, and nothing runs', async () => {
    await openFile(page, 'hostile_markup.py');
    await goToLine(page, 1, 12);
    await runCommand(page, 'Softmax: Show Walkthrough');
    const frame = webviewFrame(page);
    await frame.locator('.katex').first().waitFor({ state: 'visible', timeout: 60_000 });
    const line = (await frame.locator('.source .line').textContent()) ?? '';
    assert.ok(line.includes('</script><script>alert(1)</script>'), `line shown: ${line}`);
    assert.ok(line.includes('onerror=alert(2)') && line.includes('javascript:alert(3)'), `line shown: ${line}`);
    assert.strictEqual(await frame.locator('img').count(), 0, 'no image element');
    assert.strictEqual(await frame.locator('a').count(), 0, 'no link');
    assert.strictEqual(await frame.locator('body script').count(), 1, 'only the walkthrough script itself');
  });

  it('a LaTeX file with \\href and \\htmlData beside a bmatrix typesets only the numbers', async () => {
    await openFile(page, 'hostile_katex.tex');
    await goToLine(page, 4, 25);
    await runCommand(page, 'Softmax: Show Walkthrough');
    const frame = webviewFrame(page);
    await frame.locator('.source .line', { hasText: 'bmatrix' }).waitFor({ state: 'visible', timeout: 60_000 });
    await frame.locator('.katex').first().waitFor({ state: 'visible' });
    const line = (await frame.locator('.source .line').textContent()) ?? '';
    assert.ok(line.includes('\\begin{bmatrix} 1.5 & -0.5 & 2.0 \\end{bmatrix}'), `line shown: ${line}`);
    assert.strictEqual(await frame.locator('a').count(), 0, 'KaTeX made no link');
    assert.strictEqual(await frame.locator('[data-a]').count(), 0, '\\htmlData set no attribute');
    // The comment line and the \href line are never part of what the panel shows.
    const all = (await frame.locator('body').textContent()) ?? '';
    assert.ok(!all.includes('javascript:alert(4)'), 'text outside the array is not shown');
  });

  it('through all of it: no dialog, no request outside the workbench, no policy violation', () => {
    assert.deepStrictEqual(dialogs, []);
    assert.deepStrictEqual(foreignRequests, []);
    assert.deepStrictEqual(violations, []);
  });
});
