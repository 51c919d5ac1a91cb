// The shipping bundles' sizes from a production build made into a temp folder (dist/ is left alone), and
// whether KaTeX got into the extension host bundles: it belongs in the webview only.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { markdownTable, registerSuite } from './harness';

/** A string only KaTeX's parser carries, so finding it means the library itself was bundled. */
export const katexMarker = 'KaTeX parse error';

const bundles: [string, string][] = [
  ['dist/extension.js', 'Node extension host (what activation loads)'],
  ['dist/web/extension.js', 'web-worker extension host'],
  ['dist/webview/main.js', 'walkthrough webview'],
];

function repoRoot(): string {
  return path.join(__dirname, '..', '..');
}

/** Runs esbuild.js --production with a temp folder as its working directory, so its relative outputs land there. */
function productionBuild(): string {
  const root = repoRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-lens-size-'));
  for (const entry of ['src', 'node_modules', 'package.json', 'tsconfig.json']) {
    fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
  }
  const r = spawnSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`The production build failed: ${r.stderr || r.stdout}`);
  }
  return dir;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

registerSuite({
  name: 'size',
  run() {
    const dir = productionBuild();
    try {
      const rows = bundles.map(([file, what]) => {
        const bytes = fs.readFileSync(path.join(dir, file));
        const katex = bytes.toString('utf8').includes(katexMarker);
        return [`\`${file}\``, what, kb(bytes.length), kb(zlib.gzipSync(bytes).length), katex ? 'yes' : 'no'];
      });
      const dev = fs.existsSync(path.join(repoRoot(), 'dist', 'extension.js'))
        ? ` The development build in dist/ (not minified) has dist/extension.js at ${kb(fs.statSync(path.join(repoRoot(), 'dist', 'extension.js')).size)}.`
        : '';
      return [
        '## Bundle size',
        '`node esbuild.js --production` (minified, no source maps), built into a temp folder. ' +
          `"KaTeX" = the bundle contains KaTeX's parser (the string "${katexMarker}"); the extension host bundles must not: ` +
          'they send TeX source to the webview, which alone typesets it. Activation loads only dist/extension.js (one bundle, ' +
          `\`vscode\` external); KaTeX's CSS and fonts (media/katex) load in the webview.${dev}`,
        markdownTable(['bundle', 'runs in', 'size', 'gzip', 'KaTeX'], rows),
      ].join('\n\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
});
