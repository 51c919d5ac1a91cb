// `npm test`: type check, lint, unit tests, the VS Code suite (Node and web-worker extension hosts), the UI suite
// and the package tests (the .vsix, the translations), in that order.
// Relays every layer's output, sums the counts, and ends with one line: `N passed, N failed`.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { ensureCodeServer } from './install';
import { secondsFromEnv, withTimeout } from './layer';
import { repoRoot } from './repo';
import { parseResultLine, type SuiteCounts } from './suiteResult';

interface Step {
  name: string;
  command: string;
  args: string[];
  timeoutSeconds: number;
  /** A check (type check, lint) counts as one test: passed or failed. A suite reports its own counts. */
  kind: 'check' | 'suite';
  needsVsCode?: boolean;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const layer = (file: string) => path.join(repoRoot(), 'dist', 'test', 'harness', file);

const steps: Step[] = [
  { name: 'Type check', command: npm, args: ['run', '-s', 'check-types'], timeoutSeconds: 300, kind: 'check' },
  { name: 'Lint', command: npm, args: ['run', '-s', 'lint'], timeoutSeconds: 300, kind: 'check' },
  { name: 'Unit tests', command: process.execPath, args: [layer('runUnit.js')], timeoutSeconds: secondsFromEnv('SOFTMAX_LENS_UNIT_TIMEOUT', 600), kind: 'suite' },
  { name: 'VS Code suite', command: process.execPath, args: [layer('runVscode.js')], timeoutSeconds: secondsFromEnv('SOFTMAX_LENS_VSCODE_TIMEOUT', 600) + 120, kind: 'suite', needsVsCode: true },
  { name: 'Web extension host suite', command: process.execPath, args: [layer('runWeb.js')], timeoutSeconds: secondsFromEnv('SOFTMAX_LENS_WEB_TIMEOUT', 600) + 120, kind: 'suite', needsVsCode: true },
  { name: 'UI suite', command: process.execPath, args: [layer('runUi.js')], timeoutSeconds: secondsFromEnv('SOFTMAX_LENS_UI_TIMEOUT', 900), kind: 'suite', needsVsCode: true },
  // Last: `vsce package` rebuilds dist minified (vscode:prepublish), which the layers above should not run on.
  { name: 'Package tests', command: process.execPath, args: [layer('runPackage.js')], timeoutSeconds: secondsFromEnv('SOFTMAX_LENS_PACKAGE_TIMEOUT', 600), kind: 'suite' },
];

let current: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // Ctrl+C reaches the running layer too (same process group); it stops its VS Code and browser itself.
    interrupted = signal;
    if (signal !== 'SIGINT') current?.kill(signal);
  });
}

interface Outcome extends SuiteCounts {
  summary: string;
}

function runStep(step: Step): Promise<Outcome> {
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  console.log(`\n━━ ${step.name} ━━`);
  return new Promise((resolve) => {
    // Both streams pass through here, so their lines stay in the order the layer wrote them.
    const child = spawn(step.command, step.args, { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    current = child;
    let counts: SuiteCounts | undefined;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const parsed = parseResultLine(line);
        if (parsed) counts = parsed;
        else process.stdout.write(`${line}\n`);
      }
    });
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n✘ ${step.name} did not finish within ${step.timeoutSeconds} s; stopping it.`);
      child.kill('SIGTERM');
      // Its own handlers stop VS Code and the browser; give them time, then insist.
      killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    }, step.timeoutSeconds * 1000);
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      clearTimeout(killer);
      current = undefined;
      if (pending) process.stdout.write(`${pending}\n`);
      const how = timedOut ? `timed out after ${elapsed()} s` : `exited with ${signal ?? `code ${code}`} after ${elapsed()} s`;
      if (step.kind === 'check') {
        const ok = code === 0 && !timedOut;
        resolve({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, summary: ok ? `passed (${elapsed()} s)` : `FAILED: ${how}` });
        return;
      }
      if (!counts) {
        const what = timedOut ? 'TIMED OUT' : interrupted ? `INTERRUPTED by ${interrupted}` : 'CRASHED';
        resolve({ passed: 0, failed: 1, summary: `${what}: ${how} without reporting its counts` });
        return;
      }
      // A suite that failed or timed out without a failing test still counts as one failure.
      const failed = counts.failed > 0 || (code === 0 && !timedOut) ? counts.failed : counts.failed + 1;
      const note = timedOut || (code !== 0 && counts.failed === 0) ? ` — ${how}` : ` (${elapsed()} s)`;
      resolve({ passed: counts.passed, failed, summary: `${counts.passed} passed, ${failed} failed${note}` });
    };
    child.on('error', (e) => {
      console.error(`✘ ${step.name} could not start: ${e.message}`);
      finish(1, null);
    });
    child.on('exit', finish);
  });
}

async function main(): Promise<void> {
  const results: { name: string; outcome: Outcome }[] = [];
  let vscodeProblem: string | undefined;
  for (const step of steps) {
    if (interrupted) break;
    if (step.needsVsCode && vscodeProblem === undefined) {
      console.log('\n━━ Preparing the test VS Code ━━');
      try {
        await withTimeout(ensureCodeServer(), secondsFromEnv('SOFTMAX_LENS_INSTALL_TIMEOUT', 900), () => 'Installing code-server did not finish in time.');
        console.log('code-server is ready.');
        vscodeProblem = '';
      } catch (e) {
        vscodeProblem = e instanceof Error ? e.message : String(e);
        console.error(`✘ ${vscodeProblem}`);
      }
    }
    if (step.needsVsCode && vscodeProblem) {
      results.push({ name: step.name, outcome: { passed: 0, failed: 1, summary: `NOT RUN: ${vscodeProblem.split('\n')[0]}` } });
      continue;
    }
    results.push({ name: step.name, outcome: await runStep(step) });
  }
  const passed = results.reduce((n, r) => n + r.outcome.passed, 0);
  let failed = results.reduce((n, r) => n + r.outcome.failed, 0);
  console.log('\n━━ Summary ━━');
  for (const { name, outcome } of results) console.log(`${outcome.failed > 0 ? '✘' : '✔'} ${name}: ${outcome.summary}`);
  if (interrupted) {
    console.log(`Interrupted (${interrupted}); ${steps.length - results.length} step(s) not run.`);
    failed += 1;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(interrupted === 'SIGINT' ? 130 : failed > 0 ? 1 : 0);
}

void main();
