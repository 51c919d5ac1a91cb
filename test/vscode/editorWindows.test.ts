// Documents above softmaxLens.maxFileSize: the hover and the command read a window around the cursor. Its edges may
// fall anywhere, CRLF line breaks included; concurrent and repeated requests get the same answers as one alone
// (windowScans.test.ts shows they share the scan); and a window grows only so far.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openEditor, softmaxHover, withSetting } from './editorSupport';

/** Every line the same length, CRLF included, so offsets a line length apart fall on the same place of their lines. */
const lineLength = 24;
const line = (text: string) => `${text.padEnd(lineLength - 2, ' ')}\r\n`;

const compute = () => vscode.commands.executeCommand<{ values: number[] | number[][] } | undefined>('softmaxLens.computeSoftmax');

suite('windows around the cursor in documents above softmaxLens.maxFileSize', function () {
  this.timeout(120_000);
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('in a CRLF file, wherever a window edge falls (between \\r and \\n too), the hover covers exactly the array', async () => {
    const filler = Array.from({ length: 2500 }, (_, i) => line(`# note ${i}`)).join('');
    const matrix = [line('m = ['), ...Array.from({ length: 8 }, (_, i) => line(`  [${i}.5, -1.25, ${i}],`)), line(']')].join('');
    const content = `${filler}${matrix}${filler}`;
    const document = await vscode.workspace.openTextDocument({ language: 'python', content });
    assert.strictEqual(document.eol, vscode.EndOfLine.CRLF);
    const editor = await vscode.window.showTextDocument(document);
    const literal = matrix.slice(matrix.indexOf('['), matrix.lastIndexOf(']') + 1);
    const start = content.indexOf(literal);
    await withSetting('maxFileSize', 0.05, async () => {
      // A line's worth of cursor offsets moves both edges of the window over every place of a line.
      for (let k = 0; k < lineLength; k++) {
        // A new version each time, so no window scanned before answers for this one.
        await editor.edit((e) => e.insert(document.lineAt(document.lineCount - 1).range.end, ' '));
        const at = document.positionAt(start + 30 + k);
        const hover = await softmaxHover(document.uri, at);
        assert.ok(hover?.hover.range, `a hover at ${start + 30 + k}`);
        assert.strictEqual(document.getText(hover.hover.range), literal, `cursor at ${start + 30 + k}`);
      }
      editor.selection = new vscode.Selection(document.positionAt(start + 40), document.positionAt(start + 40));
      assert.deepStrictEqual((await compute())?.values, Array.from({ length: 8 }, (_, i) => [i + 0.5, -1.25, i]));
    });
  });

  test('in a CRLF file, a matrix longer than the window is read whole from its middle', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => line(`  [${i % 9}, 0.5, -${i % 4}],`));
    const content = `${line('# batch')}${line('x = [')}${rows.join('')}${line(']')}`;
    const document = await vscode.workspace.openTextDocument({ language: 'python', content });
    const editor = await vscode.window.showTextDocument(document);
    await withSetting('maxFileSize', 0.05, async () => {
      for (const row of [1000, 2000, 3999]) {
        await editor.edit((e) => e.insert(document.lineAt(0).range.end, ' '));
        const at = new vscode.Position(row + 2, 4);
        editor.selection = new vscode.Selection(at, at);
        const values = (await compute())?.values as number[][] | undefined;
        assert.strictEqual(values?.length, 4000, `from row ${row}`);
        assert.deepStrictEqual(values[row], [row % 9, 0.5, -(row % 4)]);
      }
    });
  });

  test('ten hovers at once inside one long array all show it, and a list that is no array hovers nothing twice', async () => {
    const values = Array.from({ length: 150_000 }, (_, i) => (i % 100) / 10);
    const names = Array.from({ length: 80_000 }, (_, i) => `n${i}`);
    const source = `# a long print-out\nscores = [${values.join(', ')}]\nnames = [${names.join(', ')}]\n# end\n`;
    await withSetting('maxFileSize', 0.2, async () => {
      const editor = await openEditor('plaintext', source);
      const uri = editor.document.uri;
      const inScores = Array.from({ length: 10 }, (_, k) => editor.document.positionAt(40 + k * 70_000));
      const hovers = await Promise.all(inScores.map((at) => softmaxHover(uri, at)));
      hovers.forEach((h, k) => assert.ok(h?.text.includes('150'), `hover ${k} reads the whole array`));
      const inNames = source.indexOf('names = [') + 300_000;
      assert.strictEqual(await softmaxHover(uri, editor.document.positionAt(inNames)), undefined, 'a list of names is no array');
      assert.strictEqual(await softmaxHover(uri, editor.document.positionAt(inNames + 5000)), undefined);
    });
  });

  test('an array longer than four times maxFileSize gets no hover and no result; a shorter one gets both', async () => {
    const long = Array.from({ length: 50_000 }, (_, i) => i % 10);
    const short = Array.from({ length: 15_000 }, (_, i) => i % 10);
    const filler = '# filler line\n'.repeat(20_000);
    const source = `${filler}long = [${long.join(', ')}]\n${filler}short = [${short.join(', ')}]\n${filler}`;
    await withSetting('maxFileSize', 0.01, async () => {
      const editor = await openEditor('plaintext', source);
      const inLong = editor.document.positionAt(source.indexOf('long = [') + 60_000);
      assert.strictEqual(await softmaxHover(editor.document.uri, inLong), undefined, 'no hover past the cap');
      editor.selection = new vscode.Selection(inLong, inLong);
      assert.strictEqual(await compute(), undefined, 'no result past the cap');
      const inShort = editor.document.positionAt(source.indexOf('short = [') + 20_000);
      assert.ok((await softmaxHover(editor.document.uri, inShort))?.text.includes('15'), 'the shorter array hovers');
      editor.selection = new vscode.Selection(inShort, inShort);
      assert.deepStrictEqual((await compute())?.values, short);
    });
  });
});
