// A wrong printed softmax in a tutorial, as a person meets it: a warning on the print, a quick fix that writes the
// correct print as one undoable edit, and nothing when the print is right or was changed since it was checked.
import * as assert from 'assert';
import * as vscode from 'vscode';
// Bundled into the suite, so the web extension host (which has no file system module) runs it too.
import reference from '../fixtures/claims/rounded.json';
import { activateExtension, closeAllEditors, openEditor, settle } from './editorSupport';

/** The correctly rounded seed softmax to 8 decimals, from exact arithmetic (scripts/claims-reference.py). */
function seed8(): string[] {
  return (reference as { name: string; rounded: unknown }[]).find((c) => c.name === 'seed')!.rounded as string[];
}

const wrongPrint = '[0.93392735 0.26689223 0.02917942]';
const tutorial = (print: string) =>
  ['# Softmax', '', '```python', 'logits = np.array([2.0, 1.0, 0.1])', 'softmax_vals = softmax(logits)', 'print(softmax_vals)', '```', '', 'Output:', '', '```', print, '```', ''].join('\n');

/** Softmax Lens's diagnostics of a document, once they have settled on `count` (or the time runs out). */
async function claimDiagnostics(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  let found: vscode.Diagnostic[] = [];
  for (let i = 0; i < 100; i++) {
    found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Softmax Lens');
    if (found.length === count) return found;
    await settle(100);
  }
  return found;
}

/**
 * The quick fixes offered on a range, asked again for up to 5 s while none is offered: the warning and its fix come
 * from one check, yet the first request of a run, right after activation, has come back empty once in both hosts.
 */
async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  let actions: vscode.CodeAction[] = [];
  for (let i = 0; i < 50 && actions.length === 0; i++) {
    if (i > 0) await settle(100);
    actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  }
  return actions;
}

suite('Printed softmax outputs checked against their code', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('a wrong print gets a warning with the right values, related to the logits, and a quick fix that undoes as one edit', async () => {
    const editor = await openEditor('markdown', tutorial(wrongPrint));
    const { document } = editor;
    const [d] = await claimDiagnostics(document.uri, 1);
    assert.ok(d, 'a diagnostic on the wrong print');
    const right = `[${seed8().join(' ')}]`;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(document.getText(d.range), wrongPrint);
    assert.strictEqual(d.message, `softmax([2.0, 1.0, 0.1]) is ${right}; this print shows ${wrongPrint}`);
    assert.strictEqual(document.getText(d.relatedInformation![0].location.range), '[2.0, 1.0, 0.1]');

    const actions = await quickFixes(document.uri, d.range);
    const fix = actions.find((a) => a.title === 'Write the correct print');
    assert.ok(fix?.command, `quick fixes offered: [${actions.map((a) => a.title).join(', ')}]`);
    assert.strictEqual(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    assert.strictEqual(document.getText(), tutorial(right));
    assert.deepStrictEqual(await claimDiagnostics(document.uri, 0), [], 'the correct print has no warning');

    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), tutorial(wrongPrint), 'one undo brings the print back whole');
    assert.strictEqual((await claimDiagnostics(document.uri, 1)).length, 1, 'and its warning');
  });

  test('the quick fix refuses when the print changed after it was offered, and closing clears the warnings', async () => {
    const editor = await openEditor('markdown', tutorial(wrongPrint));
    const { document } = editor;
    const [d] = await claimDiagnostics(document.uri, 1);
    assert.ok(d);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fix = actions.find((a) => a.title === 'Write the correct print');
    assert.ok(fix?.command);
    // The person edits the print before choosing the fix.
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(d.range.start.translate(0, 1), d.range.start.translate(0, 2)), '1')));
    const edited = document.getText();
    assert.strictEqual(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), false);
    assert.strictEqual(document.getText(), edited, 'nothing replaced');
    await closeAllEditors();
    assert.deepStrictEqual(vscode.languages.getDiagnostics(document.uri).filter((x) => x.source === 'Softmax Lens'), []);
  });

  test('a correct print gets no warning', async () => {
    const { document } = await openEditor('markdown', tutorial(`[${seed8().join(' ')}]`));
    await settle(1000);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Softmax Lens'), []);
  });
});
