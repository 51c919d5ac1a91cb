// One setting, one meaning: the lens, the hover, Compute Softmax and the walkthrough read the same value for a document.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { formatNumber, formatProbability, softmax } from '../../src/core';
import { activateExtension, closeAllEditors, openEditor, plain, positionOf, softmaxHover, softmaxLenses, withSetting } from './editorSupport';

interface Snapshot {
  ref?: { uri: string; start: number };
  seq: number;
  temperature: number;
  decimals: number;
  note?: string;
  probabilities?: string[];
  rendered?: { seq: number };
}

const snapshot = () => vscode.commands.executeCommand<Snapshot>('softmaxLens.walkthrough.snapshot');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the walkthrough on the array at `start` and waits until it shows what `accept` wants. */
async function walkthroughOn(document: vscode.TextDocument, start: number, accept: (s: Snapshot) => boolean, what: string): Promise<Snapshot> {
  await vscode.commands.executeCommand('softmaxLens.showWalkthrough', { uri: document.uri.toString(), start });
  // A first webview load after earlier suites took tens of seconds here.
  const until = Date.now() + 50_000;
  let last: Snapshot | undefined;
  while (Date.now() < until) {
    last = await snapshot();
    if (last.ref?.start === start && last.ref.uri === document.uri.toString() && accept(last)) return last;
    await sleep(50);
  }
  assert.fail(`${what}; last state: ${JSON.stringify(last)}`);
}

const rendered = (s: Snapshot) => s.rendered?.seq === s.seq && s.note === undefined;

/** The p column of the hover's table. */
function hoverProbabilities(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^\| (\*\*)?\d/.test(line))
    .map((line) => line.split('|')[3].trim().replace(/\*\*/g, ''));
}

const computeSoftmax = () => vscode.commands.executeCommand<{ probabilities: number[] } | undefined>('softmaxLens.computeSoftmax');

/** Sets a `softmaxLens.*` user setting for one language only, for the duration of `body`. */
async function withLanguageSetting<T>(languageId: string, key: string, value: unknown, body: () => Thenable<T>): Promise<T> {
  const config = () => vscode.workspace.getConfiguration('softmaxLens', { languageId });
  await config().update(key, value, vscode.ConfigurationTarget.Global, true);
  try {
    return await body();
  } finally {
    await config().update(key, undefined, vscode.ConfigurationTarget.Global, true);
  }
}

suite('settings: every view of a document reads the same value', function () {
  this.timeout(120_000);
  suiteSetup(activateExtension);
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closeAllEditors();
  });

  const values = [2.0, 1.0, 0.1];
  const text = `logits = [${values.map((x) => x.toFixed(1)).join(', ')}]\n`;

  test('at temperature 20, beyond the slider, the lens, the hover, the command and the walkthrough all divide by 20', async () => {
    const editor = await openEditor('python', text);
    const { document } = editor;
    const start = document.getText().indexOf('[');
    await withSetting('temperature', 20, async () => {
      const p = softmax(values, { temperature: 20 });
      const expected = Array.from(p, (x) => formatProbability(x, 4));
      const [lens] = await softmaxLenses(document.uri);
      assert.ok(lens.command?.title.startsWith(`softmax (T = ${formatNumber(20)}) → `), lens.command?.title);
      const hover = await softmaxHover(document.uri, positionOf(document, '1.0'));
      assert.ok(hover);
      assert.ok(hover.text.includes(`at temperature ${formatNumber(20)}`), hover.text);
      assert.deepStrictEqual(hoverProbabilities(hover.text), expected);
      editor.selection = new vscode.Selection(positionOf(document, '1.0'), positionOf(document, '1.0'));
      assert.deepStrictEqual((await computeSoftmax())?.probabilities, plain(p));
      const panel = await walkthroughOn(document, start, rendered, 'the walkthrough never rendered the array');
      assert.strictEqual(panel.temperature, 20, 'the walkthrough computes with the setting, not a value clamped to its slider');
      assert.deepStrictEqual(panel.probabilities, expected);
    });
  });

  test('a temperature of 0 gets the same message in the lens, the hover and the walkthrough, and no softmax at another T', async () => {
    const { document } = await openEditor('python', text);
    const start = document.getText().indexOf('[');
    await withSetting('temperature', 0, async () => {
      const [lens] = await softmaxLenses(document.uri);
      const title = lens.command?.title ?? '';
      assert.match(title, /^softmax: .*\b0\b/, 'the lens says the temperature 0 cannot be used');
      const message = title.slice('softmax: '.length);
      const hover = await softmaxHover(document.uri, positionOf(document, '1.0'));
      assert.ok(hover?.text.includes(message), `the hover says "${message}": ${hover?.text}`);
      const panel = await walkthroughOn(document, start, (s) => s.note !== undefined, 'the walkthrough showed no note for temperature 0');
      assert.strictEqual(panel.note, message);
      assert.strictEqual(panel.probabilities, undefined, 'no steps at a temperature the setting does not hold');
    });
  });

  test('a Python-only setting applies to the lens, the hover, the command and the walkthrough of Python, and not to JavaScript', async () => {
    const py = await openEditor('python', text);
    const js = await openEditor('javascript', `const ${text}`);
    await withLanguageSetting('python', 'decimals', 2, () =>
      withLanguageSetting('python', 'temperature', 2, async () => {
        for (const [editor, decimals, temperature] of [[py, 2, 2], [js, 4, 1]] as const) {
          const { document } = editor;
          const p = softmax(values, { temperature });
          const expected = Array.from(p, (x) => formatProbability(x, decimals));
          const [lens] = await softmaxLenses(document.uri);
          const label = temperature === 1 ? 'softmax → ' : `softmax (T = ${formatNumber(temperature)}) → `;
          assert.ok(lens.command?.title.startsWith(label), `${document.languageId}: ${lens.command?.title}`);
          const hover = await softmaxHover(document.uri, positionOf(document, '1.0'));
          assert.ok(hover);
          assert.deepStrictEqual(hoverProbabilities(hover.text), expected, document.languageId);
          await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
          const at = positionOf(document, '1.0');
          vscode.window.activeTextEditor!.selection = new vscode.Selection(at, at);
          assert.deepStrictEqual((await computeSoftmax())?.probabilities, plain(p), document.languageId);
          const start = document.getText().indexOf('[');
          const panel = await walkthroughOn(document, start, (s) => rendered(s) && s.decimals === decimals, `${document.languageId}: the walkthrough did not use ${decimals} decimals`);
          assert.strictEqual(panel.temperature, temperature, document.languageId);
          assert.deepStrictEqual(panel.probabilities, expected, document.languageId);
          assert.ok(await vscode.commands.executeCommand<boolean>('softmaxLens.insertResultBelow'));
          assert.ok(document.getText().includes(`[${expected.join(', ')}]`), `${document.languageId}: ${document.getText()}`);
        }
      }),
    );
  });
});
