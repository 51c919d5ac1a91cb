// The fixture corpus: realistic snippets per syntax in test/fixtures/arrays, each beside a .json file that
// lists the arrays a person sees in it (literal text, shape, values), in text order.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findArrays } from '../../src/core';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'arrays');

interface Expected {
  text: string;
  shape: number[];
  /** Numbers, or "-Infinity" / "Infinity" / "NaN" / "-0", which JSON cannot spell. */
  values: (number | string)[];
  /** An elided print: how many values it shows (it has no values itself). */
  elided?: { shown: number };
}

function decode(v: number | string): number {
  return typeof v === 'number' ? v : v === '-0' ? -0 : Number(v);
}

const sources = fs.readdirSync(DIR).filter((f) => !f.endsWith('.json')).sort();

describe('findArrays on the fixture corpus', () => {
  it('has a fixture for every syntax the issue lists', () => {
    const languages = new Set(sources.map((f) => (JSON.parse(fs.readFileSync(path.join(DIR, `${f}.json`), 'utf8')) as { languageId: string }).languageId));
    for (const id of ['python', 'plaintext', 'typescript', 'jsonc', 'matlab', 'julia', 'r', 'c', 'java', 'csharp', 'go', 'rust', 'latex', 'markdown']) {
      assert.ok(languages.has(id), `no fixture in ${id}`);
    }
  });

  for (const file of sources) {
    it(`finds exactly the arrays listed for ${file}`, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const spec = JSON.parse(fs.readFileSync(path.join(DIR, `${file}.json`), 'utf8')) as {
        languageId: string;
        arrays: Expected[];
      };
      const found = findArrays(text, spec.languageId);
      assert.deepStrictEqual(
        found.map((a) => text.slice(a.start, a.end)),
        spec.arrays.map((e) => e.text),
      );
      let cursor = 0;
      spec.arrays.forEach((e, k) => {
        // The literal is the next occurrence of its text, so the offsets point at the right copy.
        assert.strictEqual(found[k].start, text.indexOf(e.text, cursor), `offset of ${e.text}`);
        cursor = found[k].end;
        assert.deepStrictEqual(found[k].shape, e.shape, `shape of ${e.text}`);
        assert.deepStrictEqual(found[k].elided, e.elided, `elision of ${e.text}`);
        assert.strictEqual(found[k].values.length, e.values.length);
        e.values.forEach((v, i) => assert.ok(Object.is(found[k].values[i], decode(v)), `${e.text}[${i}]: ${found[k].values[i]} ≠ ${v}`));
      });
      // The same file saved with Windows line endings.
      const crlf = text.replace(/\n/g, '\r\n');
      assert.deepStrictEqual(
        findArrays(crlf, spec.languageId).map((a) => crlf.slice(a.start, a.end)),
        spec.arrays.map((e) => e.text.replace(/\n/g, '\r\n')),
      );
    });
  }
});
