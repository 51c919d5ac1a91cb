// `npm run bench:vscode`: the benchmarks of bench/vscode in code-server's Node extension host (not a test layer).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { onCleanup } from './cleanup';
import { runExtensionHostSuite } from './extensionHostSuite';
import { runLayerMain, secondsFromEnv } from './layer';
import { repoRoot } from './repo';

/**
 * The extension as built, under a manifest without activation events: `onLanguage` activates it as soon as the
 * workbench makes any text model (an output channel), before a bench could time it. Everything else is the
 * repository's own files, linked.
 */
function lazilyActivatedCopy(): string {
  const root = repoRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-lens-bench-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  onCleanup({ stop: async () => remove(), kill: remove });
  for (const entry of fs.readdirSync(root)) {
    if (entry === 'package.json' || entry.startsWith('.')) continue;
    fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...manifest, activationEvents: [] }, null, 2));
  return dir;
}

if (require.main === module) {
  runLayerMain('VS Code bench', () =>
    runExtensionHostSuite({
      name: 'VS Code bench',
      testsPath: path.join(repoRoot(), 'dist', 'bench', 'vscode', 'index.js'),
      extensionDevelopmentPath: lazilyActivatedCopy(),
      timeoutSeconds: secondsFromEnv('SOFTMAX_LENS_BENCH_TIMEOUT', 900),
    }),
  );
}
