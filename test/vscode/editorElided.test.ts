// An elided print (`[0 1 2 ... 997 998 999]`) says in every view that it is elided and how many values it shows,
// never a softmax of the part it shows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { formatNumber, softmax } from '../../src/core';
import { activateExtension, closeAllEditors, openEditor, plain, positionOf, softmaxHover, softmaxLenses } from './editorSupport';

interface Snapshot {
  ref?: { uri: string; start: number };
  note?: string;
  seq: number;
}

const snapshot = () => vscode.commands.executeCommand<Snapshot>('softmaxLens.walkthrough.snapshot');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const source = [
  '>>> torch.randn(1000)',
  'tensor([ 0.0273,  0.0296, -1.2001,  ...,  0.5330,  1.1128, -0.0142])',
  '>>> logits',
  'tensor([2.0000, 1.0000, 0.1000])',
  '',
].join('\n');

suite('An elided print', () => {
  suiteSetup(activateExtension);
  teardown(async () => {
    await vscode.commands.executeCommand('softmaxLens.walkthrough.setPinned', false);
    await closeAllEditors();
  });

  test('its lens and hover say the print is elided and how many values it shows; the whole print beside it keeps its softmax', async () => {
    const { document } = await openEditor('python', source);
    const lenses = await softmaxLenses(document.uri);
    assert.deepStrictEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title?.startsWith('softmax')]),
      [
        [1, true],
        [3, true],
      ],
    );
    assert.strictEqual(lenses[0].command?.title, 'softmax: This print is elided; it shows 6 of the values.');
    const p = Array.from(softmax([2, 1, 0.1]), (x) => formatNumber(x, 3));
    assert.ok(lenses[1].command?.title?.startsWith(`softmax → [${p.join(', ')}]`), lenses[1].command?.title);
    const hover = await softmaxHover(document.uri, positionOf(document, '0.0296'));
    assert.ok(hover?.text.includes('This print is elided; it shows 6 of the values.'), hover?.text);
    assert.ok(!hover?.text.includes('| p |'), 'no table of probabilities');
  });

  test('Compute Softmax on it returns nothing, and the walkthrough shows the note instead of steps', async () => {
    const editor = await openEditor('python', source);
    const at = positionOf(editor.document, '0.5330');
    editor.selection = new vscode.Selection(at, at);
    assert.strictEqual(await vscode.commands.executeCommand('softmaxLens.computeSoftmax'), undefined);
    const whole = positionOf(editor.document, '1.0000');
    editor.selection = new vscode.Selection(whole, whole);
    const result = await vscode.commands.executeCommand<{ probabilities: number[] }>('softmaxLens.computeSoftmax');
    assert.deepStrictEqual(result?.probabilities, plain(softmax([2, 1, 0.1])));

    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('softmaxLens.showWalkthrough');
    const start = editor.document.getText().indexOf('[ 0.0273');
    let last: Snapshot | undefined;
    for (const until = Date.now() + 15_000; Date.now() < until; await sleep(50)) {
      last = await snapshot();
      if (last.ref?.start === start && last.note !== undefined) break;
    }
    assert.strictEqual(last?.ref?.start, start, JSON.stringify(last));
    assert.strictEqual(last?.note, 'This print is elided; it shows 6 of the values.');
  });
});
