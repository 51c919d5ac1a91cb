// The walkthrough panel's time to first render, next to a blank webview's first message in the same run.
import * as vscode from 'vscode';
import { markdownTable } from '../harness';
import { closeAllEditors, median, ms, random, sizeText, sleep, timed, workspaceFile } from './measure';

interface Snapshot {
  seq: number;
  values?: number[];
  ref?: { uri: string; start: number };
  rendered?: { seq: number; formulas: number; rows: number };
}

const snapshot = () => vscode.commands.executeCommand<Snapshot>('softmaxLens.walkthrough.snapshot');

/** Polls (the snapshot command runs in this host, so a poll costs no round trip) until the webview confirmed the latest view. */
async function rendered(uri: string, length: number, timeoutMs = 60_000): Promise<Snapshot> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const s = await snapshot();
    if (s.rendered?.seq === s.seq && s.ref?.uri === uri && s.values?.length === length) return s;
    await sleep(2);
  }
  throw new Error(`The walkthrough never rendered the ${length}-element array.`);
}

/** A webview with nothing but a script that posts one message: the floor of any panel's first render. */
async function blankWebview(): Promise<number> {
  const { ms: elapsed } = await timed(
    () =>
      new Promise<void>((resolve) => {
        const panel = vscode.window.createWebviewPanel('softmaxLensBench.blank', 'Blank', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
        const nonce = Math.random().toString(36).slice(2);
        panel.webview.onDidReceiveMessage(() => {
          panel.dispose();
          resolve();
        });
        panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';"></head>` +
          `<body>blank<script nonce="${nonce}">acquireVsCodeApi().postMessage('ready');</script></body></html>`;
      }),
  );
  return elapsed;
}

function logitsFile(n: number): { uri: vscode.Uri; start: number; bytes: number } {
  const rnd = random(n);
  const values = Array.from({ length: n }, () => (rnd() * 20 - 10).toFixed(3));
  const prefix = 'logits = ';
  const text = `${prefix}[${values.join(', ')}]\n`;
  return { uri: workspaceFile('py', text), start: prefix.length, bytes: text.length };
}

/** From the command to the webview's confirmation, in a panel opened fresh; then a second array of the same size in the open panel. */
async function panelRenders(n: number): Promise<{ first: number; update: number; rows: number; formulas: number; bytes: number }> {
  const a = logitsFile(n);
  const b = logitsFile(n + 1);
  await vscode.workspace.openTextDocument(a.uri);
  await vscode.workspace.openTextDocument(b.uri);
  const first = await timed(async () => {
    await vscode.commands.executeCommand('softmaxLens.showWalkthrough', { uri: a.uri.toString(), start: a.start });
    return rendered(a.uri.toString(), n);
  });
  const update = await timed(async () => {
    await vscode.commands.executeCommand('softmaxLens.showWalkthrough', { uri: b.uri.toString(), start: b.start });
    return rendered(b.uri.toString(), n + 1);
  });
  await closeAllEditors();
  await sleep(300);
  return { first: first.ms, update: update.ms, rows: first.value.rendered!.rows, formulas: first.value.rendered!.formulas, bytes: a.bytes };
}

export async function panel(): Promise<string> {
  await closeAllEditors();
  const blank: number[] = [];
  for (let i = 0; i < 3; i++) {
    blank.push(await blankWebview());
    await sleep(200);
  }
  const rows: string[][] = [['blank webview, one postMessage (baseline)', '—', ms(median(blank)), '—', '—']];
  for (const n of [10, 1000, 200_000]) {
    const runs: Awaited<ReturnType<typeof panelRenders>>[] = [];
    for (let i = 0; i < 3; i++) runs.push(await panelRenders(n));
    const { rows: shown, formulas, bytes } = runs[0];
    rows.push([
      `walkthrough, ${n.toLocaleString('en-US')} elements (${sizeText(bytes)} of text)`,
      `${shown} rows, ${formulas} formulas`,
      ms(median(runs.map((r) => r.first))),
      ms(median(runs.map((r) => r.update))),
      `${(median(runs.map((r) => r.first)) / median(blank)).toFixed(1)}×`,
    ]);
  }
  return [
    '### Walkthrough panel: time to first render (ms, median of 3)',
    '"first render": from `softmaxLens.showWalkthrough` (array given by URI and offset, document already open) in a closed panel ' +
      'until the webview confirms it typeset that array (KaTeX included). "next array": a second array of the same size in the open panel. ' +
      'Baseline: a blank webview that posts one message, created and disposed the same way.',
    markdownTable(['what', 'shown', 'first render', 'next array', 'first / blank'], rows),
  ].join('\n\n');
}
