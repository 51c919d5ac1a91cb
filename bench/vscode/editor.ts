// Activation, CodeLens and hover latency, and the host's longest blocking task while typing — each next to
// what VS Code's own JSON language features take on the same document in the same run.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { markdownTable } from '../harness';
import { katexMarker } from '../size';
import { closeAllEditors, KB, lagProbe, logitsJson, MB, median, middleArray, ms, sizeText, sleep, timed, workspaceFile } from './measure';

export const extensionId = 'softmax-lens.softmax-lens';

const lenses = (uri: vscode.Uri) => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 20);
const hovers = (uri: vscode.Uri, at: vscode.Position) => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
const symbols = (uri: vscode.Uri) => vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', uri);
const folding = (uri: vscode.Uri) => vscode.commands.executeCommand<unknown[]>('vscode.executeFoldingRangeProvider', uri);
const selection = (uri: vscode.Uri, at: vscode.Position) =>
  vscode.commands.executeCommand<unknown[]>('vscode.executeSelectionRangeProvider', uri, [at]);

async function activationOf(id: string): Promise<string> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) return 'not installed';
  if (extension.isActive) return 'already active';
  return `${ms((await timed(() => extension.activate())).ms)} ms`;
}

/** Built-in extensions that activate on a language no bench document has yet: baselines for activation. */
const builtins: [string, string][] = [
  ['vscode.css-language-features', 'CSS language features'],
  ['vscode.markdown-language-features', 'Markdown language features'],
  ['vscode.html-language-features', 'HTML language features'],
];

/**
 * Activation of Softmax Lens (loaded by the harness under a manifest without activation events, so it is still
 * inactive) and of a few built-in extensions, in the same fresh window.
 */
export async function activation(): Promise<string> {
  const before = new Set(Object.keys(require.cache));
  const ours = await activationOf(extensionId);
  // The harness's copy links to the repository's files, and require.cache holds their real paths.
  const main = fs.realpathSync(path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'dist', 'extension.js'));
  const root = path.dirname(path.dirname(main));
  const loaded = Object.keys(require.cache).filter((file) => !before.has(file));
  const rows = [['Softmax Lens', ours]];
  for (const [id, name] of builtins) rows.push([`${name} (\`${id}\`, built in)`, await activationOf(id)]);
  const files = loaded.map((file) => `\`${path.relative(root, file)}\` (${sizeText(fs.statSync(file).size)})`);
  const katex = loaded.some((file) => fs.readFileSync(file, 'utf8').includes(katexMarker));
  const build = fs.readFileSync(main, 'utf8').includes('//# sourceMappingURL=') ? 'development build' : 'production build';
  return [
    '### Activation (fresh window)',
    '`extension.activate()` until it resolves: loading the code and running `activate()`. ' +
      'Softmax Lens normally activates on `onLanguage`, i.e. as soon as the workbench makes any text model, ' +
      'so the harness loads it under a copy of its manifest without activation events; the code is the same build.',
    markdownTable(['extension', 'activate() until resolved'], rows),
    `Modules that activation loaded (new in require.cache; ${build}): ${files.join(', ') || 'none seen'}; ` +
      `KaTeX's parser among them: ${katex ? 'yes' : 'no'}.`,
  ].join('\n\n');
}

interface Row {
  size: string;
  cells: string[];
}

interface Opened {
  uri: vscode.Uri;
  at: vscode.Position;
}

async function openJson(text: string): Promise<Opened> {
  const uri = workspaceFile('json', text);
  return { uri, at: middleArray(await vscode.workspace.openTextDocument(uri)) };
}

const firstRuns = 3;

/**
 * "first": the median over 3 fresh copies of the document (a lens copy and a hover copy each, so the hover does not
 * find the lens's scan cached); "again": the median of 5 more requests on the last copy (the per-version cache).
 */
async function latencyRow(bytes: number): Promise<Row> {
  const text = logitsJson(bytes);
  const first = { lens: [] as number[], symbols: [] as number[], hover: [] as number[], selection: [] as number[] };
  let ours = 0;
  let hovered = false;
  let lensDoc: Opened | undefined;
  let hoverDoc: Opened | undefined;
  for (let k = 0; k < firstRuns; k++) {
    const a = await openJson(text);
    lensDoc = a;
    const lens = await timed(() => lenses(a.uri));
    first.lens.push(lens.ms);
    ours = (lens.value ?? []).filter((l) => l.command?.command === 'softmaxLens.showWalkthrough').length;
    first.symbols.push((await timed(() => symbols(a.uri))).ms);
    const b = await openJson(text);
    hoverDoc = b;
    // The JSON server first, so its parse of the new copy is in its own number and not in the hover's (whose request waits for every provider, JSON's included).
    first.selection.push((await timed(() => selection(b.uri, b.at))).ms);
    const hover = await timed(() => hovers(b.uri, b.at));
    first.hover.push(hover.ms);
    hovered = (hover.value ?? []).some((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes('softmaxLens')));
  }
  const lensUri = lensDoc!.uri;
  const { uri: hoverUri, at } = hoverDoc!;
  const repeat = async (fn: () => Thenable<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push((await timed(fn)).ms);
    return median(times);
  };
  return {
    size: sizeText(text.length),
    cells: [
      ms(median(first.lens)),
      ms(await repeat(() => lenses(lensUri))),
      String(ours),
      ms(median(first.symbols)),
      ms(await repeat(() => symbols(lensUri))),
      ms(await repeat(() => folding(lensUri))),
      ms(median(first.hover)),
      ms(await repeat(() => hovers(hoverUri, at))),
      hovered ? 'yes' : 'no',
      ms(median(first.selection)),
      ms(await repeat(() => selection(hoverUri, at))),
    ],
  };
}

async function setMaxFileSize(mb: number | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('softmaxLens').update('maxFileSize', mb, vscode.ConfigurationTarget.Global);
  await sleep(200);
}

export async function latency(): Promise<string> {
  const rows: string[][] = [];
  for (const bytes of [KB, MB, 10 * MB]) {
    const row = await latencyRow(bytes);
    rows.push([row.size, 'default (5 MB)', ...row.cells]);
  }
  // With the default limit a 10 MB document gets no lenses and hovers scan a window; measure it scanned whole too.
  await setMaxFileSize(20);
  try {
    const row = await latencyRow(10 * MB);
    rows.push([row.size, '20 MB', ...row.cells]);
  } finally {
    await setMaxFileSize(undefined);
  }
  return [
    '### CodeLens and hover latency (ms, wall time in the extension host, through the workbench)',
    'JSON documents of one `{"step", "label", "logits": [10 numbers]}` object per line, opened but not shown (so nothing asks before the bench does). ' +
      '"first" is the first request on a fresh copy of the document (median of 3 copies; lens and hover each on their own copy), "again" the median of 5 more on the last copy. ' +
      'CodeLens requests resolve 20 lenses (a screenful). ' +
      'Baselines: VS Code\'s JSON language server (a separate process, limited to `json.maxItemsComputed` = 5000 symbols/ranges) on the same document: ' +
      'document symbols and folding ranges for the lens, a selection range at the same position for the hover. ' +
      'executeHoverProvider waits for every hover provider, the JSON one included, so the selection range is asked first on each copy.',
    markdownTable(
      ['document', 'softmaxLens.maxFileSize', 'lens first', 'lens again', 'our lenses', 'symbols first', 'symbols again', 'folding again',
        'hover first', 'hover again', 'our hover', 'selection first', 'selection again'],
      rows,
    ),
  ].join('\n\n');
}

type Requests = 'none' | 'ours' | 'json';

/**
 * Types 20 characters into a 10 MB document shown in an editor, one every 100 ms, asking for lenses and a hover
 * (or the JSON baseline's requests) after each, and reports the longest time the extension host's event loop was blocked.
 * Ours run on a .txt copy, so VS Code's JSON client (which runs in this host too) adds nothing to them.
 */
async function typingLag(requests: Requests): Promise<{ maxMs: number; over50: number }> {
  const uri = workspaceFile(requests === 'json' ? 'json' : 'txt', logitsJson(10 * MB));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const at = middleArray(document);
  await sleep(1000);
  const probe = lagProbe();
  for (let i = 0; i < 20; i++) {
    await editor.edit((edit) => edit.insert(at, '1'));
    if (requests === 'ours') {
      await lenses(uri);
      await hovers(uri, at);
    } else if (requests === 'json') {
      await symbols(uri);
      await selection(uri, at);
    }
    await sleep(100);
  }
  const lag = probe.stop();
  await closeAllEditors();
  return lag;
}

export async function typing(): Promise<string> {
  const rows: string[][] = [];
  // Single maxima are noisy on a shared machine: each scenario runs 3 times, reported as the median and every run.
  const row = async (what: string, setting: string, measure: () => Promise<{ maxMs: number; over50: number }>) => {
    const runs: { maxMs: number; over50: number }[] = [];
    for (let k = 0; k < 3; k++) runs.push(await measure());
    rows.push([what, setting, `${ms(median(runs.map((r) => r.maxMs)))} (${runs.map((r) => ms(r.maxMs)).join(', ')})`,
      runs.map((r) => String(r.over50)).join(', ')]);
  };
  const idle = async () => {
    const probe = lagProbe();
    await sleep(3000);
    return probe.stop();
  };
  await row('idle host for 3 s (the floor on this machine)', '—', idle);
  await row('typing only, no requests (.txt)', 'default (5 MB)', () => typingLag('none'));
  await row('typing + our lenses & hover after each key (.txt)', 'default (5 MB): no lenses, hover scans a window', () => typingLag('ours'));
  await setMaxFileSize(20);
  try {
    await row('typing + our lenses & hover after each key (.txt)', '20 MB: the edited lines rescanned per key', () => typingLag('ours'));
  } finally {
    await setMaxFileSize(undefined);
  }
  await row('baseline: typing + JSON document symbols & selection range after each key (.json; VS Code\'s JSON client runs in this host)', '—',
    () => typingLag('json'));
  return [
    '### Longest blocking task in the extension host while typing in a 10 MB document',
    'A 5 ms setInterval probe in the extension host; 20 keystrokes (TextEditor.edit) 100 ms apart into an array in the middle of the shown ' +
      'document (the same text as the 10 MB row above), each followed by the requests named. "gaps over 50 ms" counts long tasks. Each scenario runs 3 times on a fresh document.',
    markdownTable(['what runs', 'softmaxLens.maxFileSize', 'longest block ms: median (runs)', 'gaps over 50 ms, per run'], rows),
  ].join('\n\n');
}
