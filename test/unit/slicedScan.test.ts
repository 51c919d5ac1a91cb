// The sliced scan the editor uses on large documents (ArrayScan) finds exactly what findArrays finds in one pass,
// whatever the slice size: on the whole fixture corpus and on fuzzed hostile text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ArrayScan, findArrays } from '../../src/core';
import { checkRescan, checkSliced } from './fuzzProperties';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'arrays');

describe('scanning a document in slices', () => {
  const sources = fs.readdirSync(DIR).filter((f) => !f.endsWith('.json')).sort();
  for (const source of sources) {
    it(`finds the same arrays in ${source} in slices of 1, 2, 7, 64 and 4 096 characters`, () => {
      const text = fs.readFileSync(path.join(DIR, source), 'utf8');
      const { languageId } = JSON.parse(fs.readFileSync(path.join(DIR, `${source}.json`), 'utf8')) as { languageId: string };
      for (const slice of [1, 2, 7, 64, 4096]) checkSliced(text, languageId, [slice]);
    });
  }

  it('a million-element array split across many slices comes out whole', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i % 997) / 10);
    const text = `x = [${values.join(', ')}]\n`;
    const scan = new ArrayScan(text, 'python');
    let slices = 0;
    for (let offset = 256 * 1024; !scan.scanTo(offset); offset += 256 * 1024) slices++;
    assert.ok(slices > 10, `${slices} slices`);
    assert.strictEqual(scan.arrays.length, 1);
    assert.deepStrictEqual(scan.arrays[0].values, values);
  });
});

describe('rescanning a document after an edit', () => {
  const lines = Array.from({ length: 100_000 }, (_, i) => `v${i} = [${i % 7}, 1.5, -2]  # row ${i}`);
  const text = `${lines.join('\n')}\n`;

  /** Drives a scan to its end in slices of `chars`; returns how many slices it took. */
  function slicesOf(scan: ArrayScan, chars: number): number {
    let slices = 1;
    while (!scan.scanMore(chars)) slices++;
    return slices;
  }

  /**
   * Scans `source` whole, types `key` at `at`, rescans from the first scan, and checks the rescan took under
   * 1/20 of the slices of 4 096 characters the whole scan took, and found what findArrays finds.
   */
  function typeOneKey(source: string, languageId: string, at: number, key: string): ArrayScan {
    const before = new ArrayScan(source, languageId);
    const full = slicesOf(before, 4096);
    const typed = `${source.slice(0, at)}${key}${source.slice(at)}`;
    const after = new ArrayScan(typed, languageId, { result: before, edit: { start: at, oldEnd: at, newEnd: at + key.length } });
    const slices = slicesOf(after, 4096);
    assert.ok(full > 500 && slices < full / 20, `${slices} slices after the edit, ${full} for the whole text`);
    assert.deepStrictEqual(after.arrays, findArrays(typed, languageId));
    return after;
  }

  it('after one key in the middle of 100 000 lines reads a few lines, not the document, and finds the same arrays', () => {
    const after = typeOneKey(text, 'python', text.indexOf('[', text.indexOf('v50000 =')) + 1, '7');
    assert.deepStrictEqual(after.arrays[50_000].values, [Number(`7${50_000 % 7}`), 1.5, -2]);
  });

  it('inside a JSON array of 100 000 records, one key reads a few lines, not the document', () => {
    const records = Array.from({ length: 100_000 }, (_, i) => `  {"step": ${i}, "logits": [${i % 5}, 0.5, -1.25]}`);
    const json = `[\n${records.join(',\n')}\n]\n`;
    typeOneKey(json, 'json', json.indexOf('[', json.indexOf('"step": 60000,')) + 1, '1');
  });

  it('keeps the arrays before the edit as they were and shares the numbers of those after it', () => {
    const before = new ArrayScan(text, 'python');
    slicesOf(before, 1 << 20);
    const at = text.indexOf('# row 70000');
    const after = new ArrayScan(`${text.slice(0, at)}# hi\n${text.slice(at)}`, 'python', { result: before, edit: { start: at, oldEnd: at, newEnd: at + 5 } });
    slicesOf(after, 1 << 20);
    assert.strictEqual(after.arrays[123], before.arrays[123], 'an array before the edit is the same object');
    assert.strictEqual(after.arrays[90_000].values, before.arrays[90_000].values, 'an array after it shares its values');
    assert.strictEqual(after.arrays[90_000].start, before.arrays[90_000].start + 5, 'and moved by the inserted length');
  });

  it('a fence opened or closed by the edit changes the rules for the rest of a Markdown file', () => {
    const md = ['# Notes', '', 'x = [1, 2]', '', '```python', 'y = [3, 4]  # [5, 6]', '```', '', 'z = [7, 8]', ''].join('\n');
    // Deleting the opening fence, then typing it back, then opening an unclosed one at the top.
    const fence = md.indexOf('```python');
    checkRescan(md, 'markdown', [[fence / md.length, 10, ''], [fence / md.length, 0, '```python\n'], [0, 0, '```\n']], 5, 1);
  });
});
