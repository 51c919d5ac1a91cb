// `softmax-lens check` as docs CI runs it: the built dist/cli.js spawned in a scratch folder, its output, its
// exit codes, --fix and --format json. Expected prints come from test/fixtures/claims/rounded.json (exact arithmetic).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const reference: { name: string; rounded: string[] }[] = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'claims', 'rounded.json'), 'utf8'));
const seed = `[${reference.find((r) => r.name === 'seed')!.rounded.join(' ')}]`;
const wrongPrint = '[0.93392735 0.26689223 0.02917942]';

const tutorial = (print: string) =>
  ['# Softmax', '', '```python', 'logits = np.array([2.0, 1.0, 0.1])', 'print(softmax(logits))', '```', '', 'Output:', '', '```', print, '```', ''].join('\n');

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('softmax-lens check (the built command line)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-lens-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints path:line:col: warning: message for a wrong print and exits 1', () => {
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'intro.md'), tutorial(wrongPrint));
    const r = run(dir, 'check', 'docs/intro.md');
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(r.stdout, `${path.join('docs', 'intro.md')}:11:1: warning: softmax([2.0, 1.0, 0.1]) is ${seed}; this print shows ${wrongPrint}\n`);
  });

  it('exits 0 with nothing printed when every print is right, also through a folder and a glob', () => {
    fs.writeFileSync(path.join(dir, 'right.md'), tutorial(seed));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'logits = [2.0, 1.0, 0.1]\n');
    for (const args of [['check', 'right.md'], ['check', '.'], ['check', '*.md']]) {
      const r = run(dir, ...args);
      assert.deepStrictEqual([r.code, r.stdout, r.stderr], [0, '', ''], args.join(' '));
    }
  });

  it('exits 2 on a usage error and on a file it cannot read, saying which', () => {
    for (const args of [[], ['lint', 'a.md'], ['check'], ['check', '--format', 'xml', 'a.md'], ['check', '--frobnicate', 'a.md']]) {
      const r = run(dir, ...args);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^softmax-lens: .+\n\nUsage: softmax-lens check/);
    }
    const missing = run(dir, 'check', 'missing.md');
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.stderr, 'missing.md: error: cannot be read (ENOENT)\n');
    fs.writeFileSync(path.join(dir, 'broken.ipynb'), '{"cells": [');
    assert.strictEqual(run(dir, 'check', 'broken.ipynb').code, 2);
  });

  it('--fix writes the correct print in place, exits 0, and the fixed file checks clean', () => {
    const file = path.join(dir, 'tutorial.md');
    fs.writeFileSync(file, tutorial(wrongPrint));
    const r = run(dir, 'check', '--fix', 'tutorial.md');
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^tutorial\.md:11:1: fixed: /);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), tutorial(seed));
    assert.deepStrictEqual([run(dir, 'check', 'tutorial.md').code], [0]);
  });

  it('--fix leaves a finding it cannot fix standing: the run still fails', () => {
    const file = path.join(dir, 'sum.md');
    const text = 'The softmax of the logits is `[0.6615, 0.2436, 0.0959]`.\n';
    fs.writeFileSync(file, text);
    const r = run(dir, 'check', '--fix', 'sum.md');
    assert.strictEqual(r.code, 1);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
  });

  it('--format json gives each finding with its place, code, values and fix', () => {
    fs.writeFileSync(path.join(dir, 't.md'), tutorial(wrongPrint));
    const r = run(dir, 'check', '--format', 'json', 't.md');
    assert.strictEqual(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.deepStrictEqual(out.errors, []);
    assert.strictEqual(out.findings.length, 1);
    const [f] = out.findings;
    assert.deepStrictEqual([f.path, f.line, f.column, f.code, f.fix, f.fixed], ['t.md', 11, 1, 'wrongSoftmax', seed, false]);
    assert.deepStrictEqual(f.params, { call: 'softmax([2.0, 1.0, 0.1])', expected: seed, printed: wrongPrint });
  });

  it('reads a notebook\'s code cells and saved outputs, places the finding on the output\'s JSON line, and fixes it there', () => {
    const notebook = {
      cells: [
        { cell_type: 'code', execution_count: 1, metadata: {}, outputs: [], source: ['import numpy as np\n', 'logits = np.array([2.0, 1.0, 0.1])'] },
        { cell_type: 'code', execution_count: 2, metadata: {}, outputs: [{ name: 'stdout', output_type: 'stream', text: [`${wrongPrint}\n`] }], source: ['print(softmax(logits))'] },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    const json = `${JSON.stringify(notebook, null, 1)}\n`;
    const file = path.join(dir, 'n.ipynb');
    fs.writeFileSync(file, json);
    const r = run(dir, 'check', 'n.ipynb');
    assert.strictEqual(r.code, 1);
    const lines = json.split('\n');
    const line = lines.findIndex((l) => l.includes(wrongPrint)) + 1;
    const column = lines[line - 1].indexOf('[') + 1;
    assert.strictEqual(r.stdout.split(': warning: ')[0], `n.ipynb:${line}:${column}`);
    assert.strictEqual(run(dir, 'check', '--fix', 'n.ipynb').code, 0);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), json.replace(wrongPrint, seed));
  });
});
