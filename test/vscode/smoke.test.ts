import * as assert from 'assert';
import * as vscode from 'vscode';
import { referenceSoftmax } from '../harness/referenceSoftmax';

const EXTENSION_ID = 'softmax-lens.softmax-lens';

/** What Compute Softmax hands back to a caller: the logits it found and their probabilities. */
interface ComputeResult {
  values: number[];
  probabilities: number[];
}

suite('Smoke: Softmax Lens in a real VS Code', () => {
  test('the extension is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded (engines.vscode newer than this VS Code?)`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test('Compute Softmax on the array under the cursor returns its probabilities', async () => {
    const text = 'logits = [2.0, 1.0, 0.1]\n';
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: text });
    const editor = await vscode.window.showTextDocument(document);
    const inside = document.positionAt(text.indexOf('1.0'));
    editor.selection = new vscode.Selection(inside, inside);

    const result = await vscode.commands.executeCommand<ComputeResult>('softmaxLens.computeSoftmax');

    assert.ok(result, 'Compute Softmax returned nothing for the array under the cursor');
    const values = Array.from(result.values);
    const probabilities = Array.from(result.probabilities);
    assert.deepStrictEqual(values, [2.0, 1.0, 0.1]);
    const expected = referenceSoftmax(values);
    assert.strictEqual(probabilities.length, expected.length);
    probabilities.forEach((p, i) => {
      assert.ok(Math.abs(p - expected[i]) <= 4 * Number.EPSILON * expected[i], `p[${i}] = ${p}, reference ${expected[i]}`);
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
