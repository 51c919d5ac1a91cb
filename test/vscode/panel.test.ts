// The walkthrough panel in a real extension host: it opens on the array at the cursor, follows it, pins, and comes back.
import * as assert from 'assert';
import * as vscode from 'vscode';

interface Snapshot {
  open: boolean;
  ref?: { uri: string; start: number };
  values?: number[];
  pinned: boolean;
  lingering: boolean;
  seq: number;
  rendered?: { seq: number; formulas: number; rows: number };
}

const snapshot = () => vscode.commands.executeCommand<Snapshot>('softmaxLens.walkthrough.snapshot');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the webview has confirmed a render of the host's latest view that satisfies `accept`. */
async function renderedWhere(accept: (s: Snapshot) => boolean, what: string, timeoutMs = 15_000): Promise<Snapshot> {
  const until = Date.now() + timeoutMs;
  let last: Snapshot | undefined;
  while (Date.now() < until) {
    last = await snapshot();
    if (last.rendered?.seq === last.seq && accept(last)) return last;
    await sleep(50);
  }
  assert.fail(`${what}; last state: ${JSON.stringify({ ...last, values: last?.values?.slice(0, 5) })}`);
}

function walkthroughTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('softmaxLens.walkthrough'));
}

const text = [
  'logits = [2.0, 1.0, 0.1]',
  '',
  'scores = [0.5, -1.5, 3.25, 0.0]',
  'no array on this line',
  'matrix = [[1, 2, 3], [3, 2, 1]]',
  '',
].join('\n');
const first = text.indexOf('[2.0');
const second = text.indexOf('[0.5');
const matrix = text.indexOf('[[1');
const plain = text.indexOf('no array');

async function openSample(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'python', content: text });
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

function moveTo(editor: vscode.TextEditor, offset: number) {
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
}

describe('walkthrough panel', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;

  before(async () => {
    // Start from a workbench with nothing open, whatever the suite before left (a notebook and its output webviews).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    editor = await openSample();
  });

  after(async () => {
    await vscode.commands.executeCommand('softmaxLens.walkthrough.setPinned', false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the editor on the array under the cursor, typeset', async () => {
    moveTo(editor, second + 3);
    await vscode.commands.executeCommand('softmaxLens.showWalkthrough');
    // The panel's first webview load: after the notebook suite's 600 KB output, a new webview took ~30 s to load here.
    const shown = await renderedWhere((s) => s.ref?.start === second, 'the panel never rendered the array at the cursor', 50_000);
    assert.strictEqual(shown.ref?.uri, editor.document.uri.toString());
    assert.deepStrictEqual(shown.values, [0.5, -1.5, 3.25, 0]);
    assert.ok(shown.rendered!.formulas >= 10, `only ${shown.rendered!.formulas} formulas typeset`);
    assert.strictEqual(shown.rendered!.rows, 4);
    const tabs = walkthroughTabs();
    assert.strictEqual(tabs.length, 1, 'exactly one walkthrough panel');
    assert.notStrictEqual(tabs[0].group.viewColumn, editor.viewColumn, 'the panel sits in the column beside the editor');
    assert.strictEqual(vscode.window.activeTextEditor?.document, editor.document, 'the editor keeps the focus');
  });

  it('follows the cursor to another array, reusing the same panel', async () => {
    moveTo(editor, first + 1);
    const shown = await renderedWhere((s) => s.ref?.start === first, 'the panel did not follow the cursor');
    assert.deepStrictEqual(shown.values, [2, 1, 0.1]);
    assert.strictEqual(walkthroughTabs().length, 1);
  });

  it('keeps the last array and says so when the cursor leaves every array', async () => {
    moveTo(editor, plain + 2);
    const shown = await renderedWhere((s) => s.lingering, 'the panel did not note that the cursor left the array');
    assert.strictEqual(shown.ref?.start, first);
  });

  it('stays on a pinned array while the cursor moves, and follows again once unpinned', async () => {
    moveTo(editor, second + 1);
    await renderedWhere((s) => s.ref?.start === second && !s.lingering, 'the panel did not follow back');
    await vscode.commands.executeCommand('softmaxLens.walkthrough.setPinned', true);
    moveTo(editor, first + 1);
    await sleep(600);
    const pinned = await renderedWhere((s) => s.pinned, 'the pin did not render');
    assert.strictEqual(pinned.ref?.start, second, 'a pinned panel must not follow the cursor');
    await vscode.commands.executeCommand('softmaxLens.walkthrough.setPinned', false);
    await renderedWhere((s) => !s.pinned && s.ref?.start === first, 'after unpinning the panel did not catch up with the cursor');
  });

  it('opens the array a lens or hover link names by URI and start offset', async () => {
    await vscode.commands.executeCommand('softmaxLens.showWalkthrough', { uri: editor.document.uri.toString(), start: matrix });
    const shown = await renderedWhere((s) => s.ref?.start === matrix, 'the panel did not open the named array');
    assert.deepStrictEqual(shown.values, [1, 2, 3, 3, 2, 1]);
    assert.strictEqual(shown.rendered!.rows, 3, 'a matrix shows one row of logits at a time');
  });

  it('comes back on the same array after being hidden behind another editor', async () => {
    moveTo(editor, second + 1);
    const before = await renderedWhere((s) => s.ref?.start === second, 'the panel did not follow');
    const [tab] = walkthroughTabs();
    const other = await vscode.workspace.openTextDocument({ content: 'hiding the panel' });
    await vscode.window.showTextDocument(other, { viewColumn: tab.group.viewColumn, preserveFocus: false });
    await sleep(300);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // The webview is rebuilt (no retainContextWhenHidden); it must ask again and show the same array.
    const after = await renderedWhere((s) => s.seq > before.seq && s.ref?.start === second, 'the panel did not render again once visible');
    assert.ok(after.rendered!.formulas >= 10);
  });

  it('a reference to a document that is not open loads nothing into the host and shows nothing', async () => {
    const extension = vscode.extensions.getExtension('softmax-lens.softmax-lens');
    assert.ok(extension);
    const file = vscode.Uri.joinPath(extension.extensionUri, 'samples', 'classifier.py');
    const isOpen = () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === file.toString());
    assert.ok(!isOpen(), 'the sample starts closed');
    const shown = await vscode.commands.executeCommand<Snapshot>('softmaxLens.showWalkthrough', { uri: file.toString(), start: 10 });
    assert.notStrictEqual(shown.ref?.uri, file.toString(), 'no array of it is shown');
    assert.ok(!isOpen(), 'the file was not opened');
  });

  it('shows the top 20 of a 200 000-element array', async () => {
    const values = Array.from({ length: 200_000 }, (_, i) => ((i * 7919) % 1000) / 100);
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: `big = [${values.join(', ')}]\n` });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('softmaxLens.showWalkthrough', { uri: document.uri.toString(), start: 6 });
    const shown = await renderedWhere((s) => s.values?.length === 200_000, 'the long array never rendered', 30_000);
    assert.strictEqual(shown.rendered!.rows, 20);
  });
});
