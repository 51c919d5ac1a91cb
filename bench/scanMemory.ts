// What the scan the editor keeps per document holds beyond its arrays, per character, on the shapes that once made it
// keep kilobytes per line (measured in a child `node --expose-gc`), and its time beside findArrays on the same text.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { findArrays } from '../src/core';
import { scanWhole, shapes, type ShapeMemory } from '../test/unit/scanMemory';
import { markdownTable, nsPerCall, registerSuite } from './harness';

const chars = 4 << 20;
const program = path.join(__dirname, '..', 'test', 'unit', 'scanMemoryChild.js');

function memoryOf(index: number): ShapeMemory | undefined {
  const run = spawnSync(process.execPath, ['--expose-gc', program, String(chars), String(index)], { encoding: 'utf8', timeout: 300_000 });
  return run.status === 0 ? (JSON.parse(run.stdout.trim()) as ShapeMemory) : undefined;
}

registerSuite({
  name: 'scanMemory',
  run() {
    const rows = shapes.map((shape, index) => {
      const m = memoryOf(index);
      const text = shape.text(chars);
      const scanNs = nsPerCall(() => scanWhole(text, shape.language).arrays, 300, 3);
      const findNs = nsPerCall(() => findArrays(text, shape.language), 300, 3);
      return [
        shape.name,
        `${(text.length / 2 ** 20).toFixed(1)} MB`,
        m ? (m.beyondArrays / m.chars).toFixed(3) : 'failed',
        m ? String(m.checkpoints) : '—',
        (scanNs / 1e6).toFixed(1),
        (findNs / 1e6).toFixed(1),
        `${(scanNs / findNs).toFixed(2)}×`,
      ];
    });
    return [
      '## scanMemory',
      'Bytes a finished ArrayScan keeps beyond the arrays findArrays returns, per character (after full collections; the unit test allows 0.5), and the whole scan in slices of 128 K characters beside findArrays on the same text (CPU time, fastest of 3 batches).',
      markdownTable(['text', 'size', 'bytes per character kept', 'checkpoints', 'ArrayScan ms', 'findArrays ms', 'ratio'], rows),
    ].join('\n\n');
  },
});
