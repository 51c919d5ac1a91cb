// The sliced scan the editor uses on large documents (ArrayScan) finds exactly what findArrays finds in one pass,
// whatever the slice size: on the whole fixture corpus and on fuzzed hostile text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ArrayScan } from '../../src/core';
import { checkSliced } from './fuzzProperties';

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
