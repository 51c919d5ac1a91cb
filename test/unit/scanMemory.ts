// What the sliced scan the editor keeps per document (ArrayScan) holds beside its arrays, per character of text, on
// the shapes that once made it keep kilobytes per line, and how long it takes beside findArrays on the same text.
// Measured in a child `node --expose-gc` (scanMemoryChild.ts); scanMemory.test.ts checks the figures against a budget,
// and `npm run bench -- scanMemory` prints them.
import { ArrayScan, findArrays } from '../../src/core';

export interface Shape {
  name: string;
  language: string;
  text(chars: number): string;
  /** Keys typed at random places after the first scan, each followed by a rescan, before measuring. */
  keys?: number;
}

/** `piece` repeated after `head` until the text holds about `chars` characters. */
function repeated(head: string, piece: string, chars: number): string {
  return head + piece.repeat(Math.max(1, Math.floor((chars - head.length) / piece.length)));
}

export const shapes: Shape[] = [
  { name: '255 `(`, then `)(` on every line', language: 'python', text: (n) => repeated('('.repeat(255), '\n)(', n) },
  { name: 'the same, after 100 keys typed', language: 'python', text: (n) => repeated('('.repeat(255), '\n)(', n), keys: 100 },
  { name: 'blank lines', language: 'plaintext', text: (n) => '\n'.repeat(n) },
  { name: '256 `(`, then blank lines', language: 'python', text: (n) => repeated('('.repeat(256), '\n', n) },
  { name: '256 `(`, then every line closes and reopens all of them', language: 'python', text: (n) => repeated('('.repeat(256), `\n${')'.repeat(256)}${'('.repeat(256)}`, n) },
  { name: '255 unclosed lists of names, then short lines', language: 'python', text: (n) => repeated('x = [a, '.repeat(255), '\n  b,', n) },
  { name: 'JSON records in one open list', language: 'json', text: (n) => repeated('[\n', '  {"id": 7, "name": "run", "tags": ["a", "b"]},\n', n) },
  { name: 'small Python arrays, one per line', language: 'python', text: (n) => repeated('', 'v = [1.5, -2, 3]  # row\n', n) },
];

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap and array buffers in use after full collections. */
function used(): number {
  if (gc === undefined) throw new Error('Run with node --expose-gc to measure memory.');
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function cpuMs<T>(work: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = work();
  const spent = process.cpuUsage(start);
  return { value, ms: (spent.user + spent.system) / 1000 };
}

export function scanWhole(text: string, language: string): ArrayScan {
  const scan = new ArrayScan(text, language);
  while (!scan.scanMore(128 * 1024));
  return scan;
}

/** Types `keys` one-character edits at places from a fixed sequence, rescanning after each, as the editor does. */
function typeKeys(text: string, language: string, scan: ArrayScan, keys: number): ArrayScan {
  let seed = 7;
  for (let k = 0; k < keys; k++) {
    seed = (seed * 48271) % 2147483647;
    const at = seed % text.length;
    const key = '\n)(x'[k % 4];
    text = text.slice(0, at) + key + text.slice(at);
    scan = new ArrayScan(text, language, { result: scan, edit: { start: at, oldEnd: at, newEnd: at + 1 } });
    while (!scan.scanMore(128 * 1024));
  }
  return scan;
}

export interface ShapeMemory {
  name: string;
  chars: number;
  /** Bytes the finished scan keeps, less what findArrays' own result of the same text keeps. */
  beyondArrays: number;
  /** Bytes findArrays' result keeps. */
  arrays: number;
  checkpoints: number;
  scanMs: number;
  findArraysMs: number;
}

export function measure(shape: Shape, chars: number): ShapeMemory {
  const text = shape.text(chars);
  // Reading the text once flattens it (repeat() builds a rope), so the flat copy is not counted as the scan's.
  findArrays(text, shape.language);
  let base = used();
  const found = cpuMs(() => findArrays(text, shape.language));
  const arrays = used() - base;
  found.value.length = 0;
  base = used();
  const scanned = cpuMs(() => scanWhole(text, shape.language));
  const scan = shape.keys === undefined ? scanned.value : typeKeys(text, shape.language, scanned.value, shape.keys);
  const kept = used() - base;
  return {
    name: shape.name,
    chars: text.length,
    beyondArrays: kept - arrays,
    arrays,
    checkpoints: scan.checkpoints.length,
    scanMs: scanned.ms,
    findArraysMs: found.ms,
  };
}

