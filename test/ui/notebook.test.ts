// A notebook's saved outputs as a person meets them in the real VS Code, in Chromium: the cell's status bar item,
// clicked, opens the walkthrough on the array the output prints.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { formatProbability } from '../../src/core';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import { repoRoot } from '../harness/repo';
import { closeWorkbench, openFile, openWorkbench, waitForChart, writeWorkspaceFile } from './vscodeUi';

describe('notebook outputs in the browser', function () {
  this.timeout(180_000);
  let page: Page;

  before(async () => {
    await writeWorkspaceFile('printed.ipynb', fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'notebooks', 'outputs.ipynb'), 'utf8'));
    page = await openWorkbench();
    await openFile(page, 'printed.ipynb');
  });

  after(() => closeWorkbench(page));

  it('clicking a cell output item opens the walkthrough on that output, named by cell and output', async () => {
    const item = page.locator('.cell-status-item', { hasText: 'output: softmax per row (2×3)' }).first();
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    await item.click();
    // The notebook renders its outputs in a webview of its own: the walkthrough is the one Softmax Lens made.
    const frame = page.frameLocator('iframe.webview.ready[src*="extensionId=softmax-lens"]').frameLocator('#active-frame');
    await frame.locator('h1.where', { hasText: 'Cell 3 · output 1' }).waitFor({ state: 'visible', timeout: 30_000 });
    const header = await frame.locator('h1.where').textContent();
    assert.match(header ?? '', /printed\.ipynb · Cell 3 · output 1/);
    await waitForChart(frame, referenceSoftmax([1, 2, 3]).map((p) => formatProbability(p, 4)), 'the chart of the first printed row');
  });
});
