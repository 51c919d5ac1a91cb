import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import { closeWorkbench, goToLine, openFile, openWorkbench, runCommand, waitForNotification, writeWorkspaceFile } from './vscodeUi';

/** A printed number with how far it may be from the truth given the digits shown (half a unit in the last place). */
interface Printed {
  value: number;
  tolerance: number;
}

/** Every decimal number in `text`; a trailing % means hundredths. */
function printedNumbers(text: string): Printed[] {
  return [...text.matchAll(/(-?\d+(?:\.(\d+))?)(?:e([+-]?\d+))?(%?)/gi)].map((m) => {
    const scale = 10 ** Number(m[3] ?? 0) / (m[4] ? 100 : 1);
    return { value: Number(m[1]) * scale, tolerance: 0.5 * 10 ** -(m[2]?.length ?? 0) * scale };
  });
}

/** True when `expected` appears, in order, among the numbers printed in `text`, each to at least 3 decimals. */
function showsProbabilities(text: string, expected: number[]): boolean {
  const printed = printedNumbers(text);
  return printed.some((_, start) =>
    expected.every((p, i) => {
      const shown = printed[start + i];
      return shown !== undefined && shown.tolerance <= 5e-4 && Math.abs(shown.value - p) <= shown.tolerance * (1 + 1e-9);
    }),
  );
}

suite('Smoke: Compute Softmax from the command palette', () => {
  let page: Page;

  suiteSetup(async () => {
    await writeWorkspaceFile('smoke_logits.py', 'logits = [2.0, 1.0, 0.1]\n');
    page = await openWorkbench();
  });

  suiteTeardown(() => closeWorkbench(page));

  test('a notification shows the probabilities of the array under the cursor', async () => {
    await openFile(page, 'smoke_logits.py');
    await goToLine(page, 1, 16);
    await runCommand(page, 'Softmax: Compute Softmax');
    const message = await waitForNotification(page, /softmax/i);
    const expected = referenceSoftmax([2.0, 1.0, 0.1]);
    assert.ok(showsProbabilities(message, expected), `notification "${message}" does not show ${expected.join(', ')}`);
  });
});
