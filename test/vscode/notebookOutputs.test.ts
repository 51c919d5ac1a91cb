// Arrays printed in a notebook's saved outputs, in a real extension host: the built-in ipynb serializer opens the
// notebooks (no kernel: nothing is run), and the cell status bar items, the command and the walkthrough read them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { referenceSoftmax } from '../harness/referenceSoftmax';
import { activateExtension, closeAllEditors, extensionId } from './editorSupport';

interface CellItem {
  text: string;
  tooltip?: string;
  command?: string;
  arguments?: unknown[];
}

interface Snapshot {
  open: boolean;
  ref?: { kind?: string; notebook?: string; cell?: number; output?: number };
  values?: number[];
  source?: { fileName: string; place?: string; lineText: string };
  seq: number;
  rendered?: { seq: number };
}

interface CommandResult {
  values: number[] | number[][];
  probabilities: number[] | number[][];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const snapshot = () => vscode.commands.executeCommand<Snapshot>('softmaxLens.walkthrough.snapshot');
const computeSoftmax = () => vscode.commands.executeCommand<CommandResult | undefined>('softmaxLens.computeSoftmax');

async function cellItems(notebook: vscode.NotebookDocument, cell: number): Promise<CellItem[]> {
  return (await vscode.commands.executeCommand<CellItem[]>('softmaxLens.notebook.cellItems', notebook.uri.toString(), cell)) ?? [];
}

/** A notebook written into the test workspace and opened in a notebook editor, as a person opens an .ipynb. */
async function openNotebook(name: string, content: Uint8Array): Promise<vscode.NotebookEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace has no folder');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(uri, content);
  const notebook = await vscode.workspace.openNotebookDocument(uri);
  assert.strictEqual(notebook.notebookType, 'jupyter-notebook');
  return vscode.window.showNotebookDocument(notebook);
}

let fixture: vscode.NotebookDocument | undefined;

/** The fixture notebook, written and opened once: rewriting a notebook that is open makes VS Code reconcile the two. */
async function openFixture(): Promise<vscode.NotebookEditor> {
  if (fixture) return vscode.window.showNotebookDocument(fixture);
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension);
  const file = vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', 'notebooks', 'outputs.ipynb');
  const editor = await openNotebook('outputs.ipynb', await vscode.workspace.fs.readFile(file));
  fixture = editor.notebook;
  return editor;
}

function selectCell(editor: vscode.NotebookEditor, index: number) {
  editor.selections = [new vscode.NotebookRange(index, index + 1)];
}

async function until<T>(probe: () => Thenable<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last) && Date.now() < end) {
    await sleep(50);
    last = await probe();
  }
  assert.ok(accept(last), `${what}; last: ${JSON.stringify(last)}`);
  return last;
}

function assertClose(actual: number[], expected: number[], what: string) {
  assert.strictEqual(actual.length, expected.length, what);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) <= 4 * Number.EPSILON * expected[i], `${what}[${i}] = ${a}, exactly ${expected[i]}`));
}

/** A stream output's text as the ipynb format stores it: a list of lines. */
function notebookJson(cells: { source: string; stdout: string }[]): Uint8Array {
  const lines = (text: string) => text.split(/(?<=\n)/);
  const json = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { language_info: { name: 'python' } },
    cells: cells.map((c, i) => ({
      cell_type: 'code',
      execution_count: i + 1,
      metadata: {},
      source: lines(c.source),
      outputs: [{ output_type: 'stream', name: 'stdout', text: lines(c.stdout) }],
    })),
  };
  return new TextEncoder().encode(JSON.stringify(json));
}

suite('Notebook outputs', function () {
  this.timeout(60_000);
  suiteSetup(activateExtension);
  // Once at the end: the tests share the fixture's notebook editor, and bringing a closed notebook back is slow.
  suiteTeardown(closeAllEditors);

  test('a cell printing a softmax gets "output: probabilities" with its sum checked, and clicking it names the output', async () => {
    const editor = await openFixture();
    const [item, ...more] = await cellItems(editor.notebook, 1);
    assert.strictEqual(more.length, 0);
    assert.ok(item.text.startsWith('output: probabilities · sum 1 ✓'), item.text);
    assert.match(item.tooltip ?? '', /printed after torch\.softmax/);
    assert.strictEqual(item.command, 'softmaxLens.showWalkthrough');
    assert.deepStrictEqual(item.arguments, [{ kind: 'output', notebook: editor.notebook.uri.toString(), cell: 1, output: 0, item: 0, start: 'tensor('.length }]);
  });

  test('a numpy result printed as text/plain reads as logits and shows their softmax per row', async () => {
    const editor = await openFixture();
    const [item] = await cellItems(editor.notebook, 2);
    assert.strictEqual(item?.text, 'output: softmax per row (2×3) · argmax [2, 0]');
  });

  test('a printed softmax whose rows do not sum to 1 at its precision is warned about in the item', async () => {
    const editor = await openFixture();
    const [item] = await cellItems(editor.notebook, 3);
    assert.ok(item?.text.startsWith('output: probabilities · ⚠ sum 1.001'), item?.text);
  });

  test('outputs printing no array (versions, HTML, an image, a shape, plain words) and a Markdown cell get no item', async () => {
    const editor = await openFixture();
    for (const cell of [0, 4, 5, 6]) assert.deepStrictEqual(await cellItems(editor.notebook, cell), [], `cell ${cell}`);
  });

  test('Compute Softmax with a cell selected takes the first array its outputs print', async () => {
    const editor = await openFixture();
    selectCell(editor, 2);
    const result = await computeSoftmax();
    assert.ok(result, 'the command returned nothing');
    assert.deepStrictEqual(result.values, [
      [1, 2, 3],
      [0.5, 0.5, 0.5],
    ]);
    const rows = result.probabilities as number[][];
    assertClose(rows[0], referenceSoftmax([1, 2, 3]), 'row 0');
    assertClose(rows[1], referenceSoftmax([0.5, 0.5, 0.5]), 'row 1');
    selectCell(editor, 4);
    assert.strictEqual(await computeSoftmax(), undefined, 'a cell printing versions and HTML has no array to compute');
  });

  test('the walkthrough opens on an output array, names cell and output, and follows the selected cell', async () => {
    const editor = await openFixture();
    const [item] = await cellItems(editor.notebook, 1);
    await vscode.commands.executeCommand(item.command as string, ...(item.arguments ?? []));
    const opened = await until(snapshot, (s) => s.ref?.cell === 1 && s.rendered?.seq === s.seq, 'the panel shows cell 2');
    assert.deepStrictEqual(opened.values, [0.659, 0.2424, 0.0986]);
    assert.strictEqual(opened.source?.place, 'Cell 2 · output 1');
    assert.strictEqual(opened.source?.fileName, 'outputs.ipynb');
    selectCell(editor, 2);
    const followed = await until(snapshot, (s) => s.ref?.cell === 2 && s.rendered?.seq === s.seq, 'the panel follows to cell 3');
    assert.deepStrictEqual(followed.values, [1, 2, 3, 0.5, 0.5, 0.5]);
    assert.strictEqual(followed.source?.place, 'Cell 3 · output 1');
  });

  test('a huge output is read from its start only, and the item says so', async () => {
    const log = 'step 1 loss 0.5\n'.repeat(40_000);
    const editor = await openNotebook(
      'huge.ipynb',
      notebookJson([
        { source: 'print(logits)\ntrain()', stdout: `tensor([1.0000, 2.0000, 3.0000])\n${log}` },
        { source: 'train()\nprint(logits)', stdout: `${log}tensor([1.0000, 2.0000, 3.0000])\n` },
      ]),
    );
    const [item] = await cellItems(editor.notebook, 0);
    assert.ok(item?.text.startsWith('output: softmax → ['), item?.text);
    assert.ok(item.text.endsWith(' · first 256 KB read'), item.text);
    assert.match(item.tooltip ?? '', /Output 1 holds 626 KB; Softmax Lens reads its first 256 KB\./);
    // Past the bytes read, an array is not looked for.
    assert.deepStrictEqual(await cellItems(editor.notebook, 1), []);
  });
});
