// `npm run bench:vscode`: benchmarks inside the extension host of the real test VS Code (code-server), loaded by
// test/harness/benchVscode.ts as the extensionTestsPath. Prints Markdown and writes bench/results-vscode.md.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { repoRoot } from '../../test/harness/repo';
import { resultLine } from '../../test/harness/suiteResult';
import { activation, latency, typing } from './editor';
import { panel } from './panel';

export async function run(): Promise<void> {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  const sections = [
    '## In VS Code (extension host of code-server)',
    `${new Date().toISOString()} · VS Code ${vscode.version} · Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} · load average at start ${load}`,
  ];
  // Activation first, while the window is fresh and nothing has activated the extension yet.
  for (const [name, measure] of [['activation', activation], ['latency', latency], ['panel', panel], ['typing', typing]] as const) {
    console.log(`running ${name}…`);
    try {
      sections.push(await measure());
    } catch (error) {
      sections.push(`### ${name}\n\nFailed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const report = `${sections.join('\n\n')}\n`;
  fs.writeFileSync(path.join(repoRoot(), 'bench', 'results-vscode.md'), report);
  console.log(report);
  const failed = report.includes('\nFailed: ') ? 1 : 0;
  console.log(resultLine({ passed: 1 - failed, failed }));
}
