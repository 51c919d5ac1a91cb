// Cost per byte of findArrays from 1 KB to 10 MB on several kinds of text: flat when the scanner is linear.
// The largest/smallest ratio of ns per byte per kind is the number to watch.
import { findArrays } from '../src/core';
import { markdownTable, nsPerCall, registerSuite } from './harness';
import { random } from './random';

const KB = 1024;
const sizes = [1 * KB, 10 * KB, 100 * KB, 1024 * KB, 10 * 1024 * KB];

/** Repeats pieces from `piece` until the text reaches `bytes`, then cuts it there. */
function grow(bytes: number, piece: (rnd: () => number) => string, seed: number): string {
  const rnd = random(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = piece(rnd);
    parts.push(p);
    size += p.length;
  }
  return parts.join('').slice(0, bytes);
}

const kinds: { name: string; language: string; text: (bytes: number) => string }[] = [
  {
    name: 'one numeric JSON array (single line)',
    language: 'json',
    text: (bytes) => `[${grow(bytes - 2, (r) => `${(r() * 20 - 10).toFixed(6)}, `, 1).replace(/[, ]+$/, '')}]`,
  },
  { name: 'many small Python arrays', language: 'python', text: (bytes) => grow(bytes, (r) => `x = [${r().toFixed(3)}, ${r().toFixed(3)}, -1.5]\n`, 2) },
  { name: 'prose without brackets', language: 'markdown', text: (bytes) => grow(bytes, (r) => (r() < 0.1 ? '\n' : 'lorem ipsum 1.5e3 dolor '), 3) },
  { name: 'unclosed brackets [[[[', language: 'plaintext', text: (bytes) => '['.repeat(bytes) },
  { name: 'bracket noise [1,[2,]3]', language: 'javascript', text: (bytes) => grow(bytes, (r) => ['[', ']', ',', '1', ' ', '(', '"', '\n'][Math.floor(r() * 8)], 4) },
  {
    name: 'numpy print-outs in comments',
    language: 'python',
    text: (bytes) => grow(bytes, (r) => `# [[${r().toFixed(4)} nan ${r().toFixed(4)}]\n#  [inf 1.e+00 ${r().toFixed(4)}]]\n`, 5),
  },
];

function nsPerByte(text: string, language: string): number {
  const minMs = text.length >= 1024 * KB ? 300 : 60;
  return nsPerCall(() => findArrays(text, language), minMs, text.length >= 10 * 1024 * KB ? 3 : 7) / text.length;
}

registerSuite({
  name: 'linearity',
  run() {
    const rows: string[][] = [];
    for (const kind of kinds) {
      const costs = sizes.map((bytes) => nsPerByte(kind.text(bytes), kind.language));
      const spread = Math.max(...costs) / Math.min(...costs);
      rows.push([kind.name, ...costs.map((c) => c.toFixed(2)), `${spread.toFixed(2)}×`]);
    }
    return [
      '## findArrays: cost per byte from 1 KB to 10 MB',
      '',
      'CPU ns per byte (fastest batch). Flat rows mean linear time: the last column is the largest cost per byte over the smallest.',
      '',
      markdownTable(['text', '1 KB', '10 KB', '100 KB', '1 MB', '10 MB', 'max/min'], rows),
    ].join('\n');
  },
});
