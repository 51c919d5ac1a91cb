// What each array is, on realistic snippets in test/fixtures/roles: each file beside a .json that lists every
// array a person sees in it, in text order, with the role a reader gives it and the kind of cue that decides.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { classifyArray, findArrays, roleWindow } from '../../src/core';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'roles');

interface Expected {
  text: string;
  role: string;
  reason: string;
}

const sources = fs.readdirSync(DIR).filter((f) => !f.endsWith('.json') || f === 'output.json').sort();
const specOf = (file: string) => JSON.parse(fs.readFileSync(path.join(DIR, `${file}.json`), 'utf8')) as { languageId: string; arrays: Expected[] };

describe('roles on the fixture corpus', () => {
  it('has fixtures in the formats people print: torch, numpy, jax, TF, Julia, R, MATLAB, LaTeX, zh and en prose, C, Rust, Go, TS, JSON, logs', () => {
    const languages = new Set(sources.map((f) => specOf(f).languageId));
    for (const id of ['markdown', 'python', 'julia', 'r', 'matlab', 'latex', 'cuda-cpp', 'rust', 'go', 'typescript', 'json', 'log']) {
      assert.ok(languages.has(id), `no fixture in ${id}`);
    }
    const all = sources.map((f) => fs.readFileSync(path.join(DIR, f), 'utf8')).join('\n');
    for (const cue of ['grad_fn=<SoftmaxBackward0>', 'LogSoftmaxBackward0', 'torch.Size(', 'jax.nn.softmax', 'tf.nn.softmax', 'nnsetup(', '\\in [0, 1]', '输出', '位于']) {
      assert.ok(all.includes(cue), `no fixture shows ${cue}`);
    }
  });

  it('has both kinds for every role: arrays it must catch, and look-alikes it must leave alone', () => {
    const seen = new Set(sources.flatMap((f) => specOf(f).arrays.map((a) => `${a.role}: ${a.reason}`)));
    for (const kind of [
      'probabilities: printedWith', 'probabilities: printedAfter', 'probabilities: named', 'probabilities: sumsToOne', 'probabilities: mentioned',
      'logProbabilities: printedWith', 'logProbabilities: logSumExpZero', 'logProbabilities: named',
      'shape: passedTo', 'shape: named', 'shape: after', 'shape: logLine', 'shape: printedAfter', 'shape: subscript',
      'logits: passedTo', 'logits: named', 'logits: printedAfter', 'logits: noCue',
    ]) {
      assert.ok(seen.has(kind), `no fixture for ${kind}`);
    }
  });

  for (const file of sources) {
    it(`reads every array of ${file} as listed`, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const spec = specOf(file);
      const read = (t: string) =>
        findArrays(t, spec.languageId).map((a) => {
          const { role, reason } = classifyArray(t, a, spec.languageId);
          return { text: t.slice(a.start, a.end), role, reason: reason.code };
        });
      assert.deepStrictEqual(read(text), spec.arrays);
      // The same file saved with Windows line endings reads the same.
      const crlf = text.replace(/\n/g, '\r\n');
      assert.deepStrictEqual(read(crlf), spec.arrays.map((e) => ({ ...e, text: e.text.replace(/\n/g, '\r\n') })));
    });

    it(`gives each array of ${file} the same role from a window of roleWindow around it as from the whole file`, () => {
      // Padded on both sides so the windows are cut inside the text, not at its ends.
      const pad = `${'x = 1\n'.repeat(600)}`;
      const text = pad + fs.readFileSync(path.join(DIR, file), 'utf8') + pad;
      const { languageId } = specOf(file);
      for (const a of findArrays(text, languageId)) {
        const from = Math.max(0, a.start - roleWindow.before);
        const window = text.slice(from, a.end + roleWindow.after);
        const moved = { ...a, start: a.start - from, end: a.end - from };
        assert.deepStrictEqual(classifyArray(window, moved, languageId), classifyArray(text, a, languageId), text.slice(a.start, a.end));
      }
    });
  }
});
