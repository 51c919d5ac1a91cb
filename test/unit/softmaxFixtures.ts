// Reads the reference fixtures written by scripts/reference.py and measures errors in ulps.
import * as fs from 'fs';
import * as path from 'path';

export const FIXTURE_DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'softmax');

export interface Generator {
  dist: 'normal1' | 'normal100' | 'high' | 'low' | 'mask30' | 'ties';
  n: number;
  seed: number;
}

/** [index, p nearest, p offset (ulps), log p nearest, log p offset (ulps)] */
export type Sample = [number, string, number, string, number];

export interface Fixture {
  name: string;
  temperature: number;
  n: number;
  logits?: string[];
  generator?: Generator;
  checkLogits?: [number, string][];
  argmax: number;
  logSumExp: [string, number];
  entropyNats: [string, number];
  samples: Sample[];
}

/** Every softmax case (exp-points.json, the exp kernel's reference, has no samples and is left out). */
export function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json') && f !== EXACT_CASES)
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as Fixture)
    .filter((f) => Array.isArray(f.samples));
}

const EXACT_CASES = 'exact-cases.json';

/** A whole row with every output correctly rounded (a 120-digit reference, see scripts/reference.py). */
export interface ExactCase {
  name: string;
  temperature: number;
  logits: string[];
  p: string[];
  logp: string[];
  logSumExp: string;
}

/** Random short rows of every kind, and rows built to lie a hair from a rounding midpoint. */
export function loadExactCases(): ExactCase[] {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, EXACT_CASES), 'utf8')) as ExactCase[];
}

export function loadFixture(name: string): Fixture {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as Fixture;
}

/** mulberry32, bit for bit as in scripts/reference.py. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1) >>> 0;
    t = (((t + Math.imul(t ^ (t >>> 7), t | 61)) >>> 0) ^ t) >>> 0;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The generator of scripts/reference.py: only exactly rounded operations, so both agree exactly. */
export function generate({ dist, n, seed }: Generator): Float64Array {
  const next = mulberry32(seed);
  const uniform = (): number => {
    const a = next() >>> 5;
    const b = next() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  };
  const normal = (): number => {
    let s = 0;
    for (let k = 0; k < 12; k++) s += uniform();
    return s - 6;
  };
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    switch (dist) {
      case 'normal1':
        xs[i] = normal();
        break;
      case 'normal100':
        xs[i] = normal() * 100;
        break;
      case 'high':
        xs[i] = 690 + 30 * uniform();
        break;
      case 'low':
        xs[i] = -900 + 200 * uniform();
        break;
      case 'mask30': {
        const u = uniform();
        const x = normal();
        xs[i] = u < 0.3 ? -Infinity : x;
        break;
      }
      case 'ties':
        xs[i] = Math.floor(uniform() * 4);
        break;
    }
  }
  if (xs.every((x) => x === -Infinity)) xs[0] = 0;
  return xs;
}

export function logitsOf(f: Fixture): Float64Array {
  if (f.logits) return Float64Array.from(f.logits, Number);
  if (!f.generator) throw new Error(`fixture ${f.name} has neither logits nor a generator`);
  return generate(f.generator);
}

const view = new DataView(new ArrayBuffer(8));

/** The spacing of doubles at x, as Python's math.ulp. */
export function ulp(x: number): number {
  view.setFloat64(0, Math.abs(x));
  const biased = (view.getUint32(0) >>> 20) & 0x7ff;
  return biased === 0 ? 2 ** -1074 : 2 ** (biased - 1075);
}

/**
 * Signed error of `got` in ulps of the reference, exact up to rounding of this subtraction:
 * (got − nearest) / ulp(nearest) − offset. Both infinite and equal counts as 0.
 */
export function ulpError(got: number, nearest: string, offset: number): number {
  const near = Number(nearest);
  if (!Number.isFinite(near)) return got === near ? 0 : Infinity;
  return (got - near) / ulp(near) - offset;
}

/** Σ xs − 1 computed exactly (Shewchuk's partials), rounded once at the end. */
export function exactSumMinusOne(xs: ArrayLike<number>): number {
  const partials: number[] = [-1];
  for (let k = 0; k < xs.length; k++) {
    let x = xs[k];
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let sum = 0;
  for (const p of partials) sum += p;
  return sum;
}
