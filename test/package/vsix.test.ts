import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');

/** Names of the entries in a zip file, read from its central directory. */
function zipEntries(file: string): string[] {
  const zip = fs.readFileSync(file);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, `${file} is not a zip archive`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.strictEqual(zip.readUInt32LE(at), 0x02014b50, 'corrupt central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

suite('the .vsix a user installs', function () {
  this.timeout(180_000);
  let dir: string;
  let vsix: string;
  let entries: string[];

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-lens-vsix-'));
    vsix = path.join(dir, 'softmax-lens.vsix');
    // The same command a maintainer runs, so the test packages with the release's own flags.
    execFileSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: root, stdio: 'pipe' });
    entries = zipEntries(vsix).filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  });

  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('is under 3 MB', () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size < 3 * 1024 * 1024, `the .vsix is ${(size / 1024 / 1024).toFixed(2)} MB`);
  });

  test('holds both bundles, the webview script, KaTeX with its fonts, the icon and the docs', () => {
    const wanted = [
      'package.json',
      'dist/extension.js',
      'dist/web/extension.js',
      'dist/webview/main.js',
      'media/katex/katex.min.css',
      'media/icon.png',
      'README.md',
      'CHANGELOG.md',
      'LICENSE.txt',
    ];
    // vsce renames the docs (readme.md, changelog.md, LICENSE.txt), so compare names without case.
    const names = new Set(entries.map((e) => e.toLowerCase()));
    for (const file of wanted) assert.ok(names.has(file.toLowerCase()), `missing ${file}`);
    const fonts = entries.filter((e) => e.startsWith('media/katex/fonts/'));
    assert.ok(fonts.length >= 15 && fonts.every((f) => f.endsWith('.woff2')), `KaTeX fonts: ${fonts.join(', ')}`);
  });

  test('leaves out sources, tests, benchmarks, source maps and node_modules', () => {
    const forbidden = entries.filter(
      (e) => /^(src|test|bench|scripts|samples|node_modules|\.vscode-test|\.ci)\//.test(e) || e.endsWith('.map') || e.endsWith('.ts'),
    );
    assert.deepStrictEqual(forbidden, []);
  });

  test('declares the entries VS Code loads, and they exist in the package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    for (const entry of [manifest.main, manifest.browser]) {
      assert.ok(entries.includes(path.posix.normalize(entry)), `${entry} is not in the .vsix`);
    }
  });
});
