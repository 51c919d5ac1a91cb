import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the nearest folder above this bundle whose package.json is Softmax Lens. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'softmax-lens') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the softmax-lens package.json above ${__dirname}`);
    dir = parent;
  }
}

/** Everything the harness keeps between runs lives here (gitignored). */
export function vscodeTestDir(): string {
  return path.join(repoRoot(), '.vscode-test');
}

/**
 * Every `*.test.js` under a folder of the build output, sorted so runs are repeatable. SOFTMAX_LENS_FILES
 * (comma-separated parts of file names) keeps only the files whose path holds one of them.
 */
export function testFiles(distFolder: string): string[] {
  const only = (process.env.SOFTMAX_LENS_FILES ?? '').split(',').filter(Boolean);
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.js') && (only.length === 0 || only.some((part) => full.includes(part)))) found.push(full);
    }
  };
  walk(distFolder);
  return found.sort();
}

/** A copy of a log that outlives the throw-away folder, so an error message can point at it. */
export function keepLog(logPath: string, name: string): string {
  const dir = path.join(vscodeTestDir(), 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const kept = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  try {
    fs.copyFileSync(logPath, kept);
  } catch {
    fs.writeFileSync(kept, `(no log was written at ${logPath})\n`);
  }
  return kept;
}
