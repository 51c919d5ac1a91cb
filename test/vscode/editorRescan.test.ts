// After an edit the document cache reads again only the edited part of the text. Whatever a person does —
// type, paste lines, edit at several cursors at once, open or close a Markdown fence, undo — the lenses must
// name exactly the arrays a scan of the whole new text finds, at their new offsets, with their new numbers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { argmax, findArrays, softmax } from '../../src/core';
import { maxLenses } from '../../src/editor/codeLens';
import { activateExtension, closeAllEditors, openEditor } from './editorSupport';

/** Where each lens points (its array's start offset) and the argmax its title names, in document order. */
async function lensesShown(document: vscode.TextDocument): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, maxLenses)) ?? [];
  return lenses
    .filter((l) => l.command?.command === 'softmaxLens.showWalkthrough')
    // VS Code lists resolved lenses in the order their resolves finish.
    .sort((a, b) => (a.command?.arguments?.[0] as { start: number }).start - (b.command?.arguments?.[0] as { start: number }).start)
    .map((l) => {
      const title = l.command?.title ?? '';
      const start = (l.command?.arguments?.[0] as { start: number }).start;
      return `${start} ${title.includes('per row') ? 'matrix' : (/@ (\d+)$/.exec(title)?.[1] ?? title)}`;
    });
}

/** What the lenses should say: every array a whole-text scan of the document finds, a vector's with its softmax's argmax. */
function lensesExpected(document: vscode.TextDocument): string[] {
  return findArrays(document.getText(), document.languageId)
    .slice(0, maxLenses)
    .map((a) => `${a.start} ${a.shape.length > 1 ? 'matrix' : argmax(softmax(a.values))}`);
}

async function assertLensesMatchText(document: vscode.TextDocument, after: string) {
  assert.deepStrictEqual(await lensesShown(document), lensesExpected(document), `after ${after}`);
}

function insertAt(editor: vscode.TextEditor, edits: [vscode.Position, string][]): Thenable<boolean> {
  return editor.edit((e) => {
    for (const [at, text] of edits) e.insert(at, text);
  });
}

suite('lenses after edits match a scan of the whole new text', function () {
  this.timeout(60_000);
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('typing, pasting lines, editing at two cursors at once, breaking a bracket, several keys between scans, undo', async () => {
    // Fewer arrays than the lens cap, so the lenses show every one of them.
    const lines = Array.from({ length: 900 }, (_, i) => `v${i} = [${i % 7}, 1.5, -2]  # row ${i}`);
    const original = `${lines.join('\n')}\n`;
    const editor = await openEditor('python', original);
    const { document } = editor;
    await assertLensesMatchText(document, 'opening');

    await insertAt(editor, [[new vscode.Position(450, lines[450].indexOf('[') + 1), '9']]);
    await assertLensesMatchText(document, 'one key inside the array on line 450');

    await insertAt(editor, [[new vscode.Position(600, 0), 'w = [3, 4, 50]\nz = [[1, 2], [3, 4]]\n']]);
    await assertLensesMatchText(document, 'two lines pasted above line 600');

    // One edit at two cursors: one change event holding two changes, far apart.
    await insertAt(editor, [
      [new vscode.Position(10, lines[10].indexOf('1.5')), '8'],
      [new vscode.Position(800, lines[800].indexOf('-2')), '12, '],
    ]);
    await assertLensesMatchText(document, 'two cursors typing on lines 10 and 800');

    // An opening bracket left unclosed swallows the lines after it until brackets balance again.
    await insertAt(editor, [[new vscode.Position(300, 0), 'x = [1,\n']]);
    await assertLensesMatchText(document, 'an unclosed bracket on line 300');

    // Several keys before anything asks for lenses: the cache takes them together.
    for (const [line, text] of [[700, '(7, '], [100, '5'], [899, ']]']] as const) {
      await insertAt(editor, [[new vscode.Position(line, lines[line].indexOf('[') + 1), text]]);
    }
    await assertLensesMatchText(document, 'three keys on lines 700, 100 and 899 with no scan between');

    await editor.edit((e) => e.delete(new vscode.Range(150, 0, 200, 0)));
    await assertLensesMatchText(document, 'fifty lines deleted');

    for (let i = 0; i < 8 && document.getText() !== original; i++) {
      await vscode.commands.executeCommand('undo');
      await assertLensesMatchText(document, `undo ${i + 1}`);
    }
    assert.strictEqual(document.getText(), original, 'undo brought the text back');
  });

  test('removing a Markdown fence changes the rules for the text after it, and undo restores them', async () => {
    const source = [
      '# Notes',
      '',
      'Before: [1, 2, 3]',
      '',
      '```python',
      '# [1.5, 2.5,',
      '#  3.5, 4.5]',
      'x = [5, 6]',
      '```',
      '',
      '# [7, 8,',
      '#  9, 10]',
      'After: [0.25, 0.75]',
      '',
    ].join('\n');
    const editor = await openEditor('markdown', source);
    const { document } = editor;
    await assertLensesMatchText(document, 'opening');
    // In the Python fence the commented array continues onto its second line; in Markdown it does not.
    assert.ok((await lensesShown(document)).length >= 4);

    await editor.edit((e) => e.delete(new vscode.Range(4, 0, 5, 0)));
    await assertLensesMatchText(document, 'deleting the opening fence');
    await editor.edit((e) => e.insert(new vscode.Position(9, 0), '~~~julia\n'));
    await assertLensesMatchText(document, 'opening a fence that never closes');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), source);
    await assertLensesMatchText(document, 'undoing both');
  });
});
