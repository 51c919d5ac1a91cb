// Reads the lab's reference fixtures in test/fixtures/lab (written by scripts/reference_lab.py from exact arithmetic).
import * as fs from 'fs';
import * as path from 'path';
import { ulp, ulpError } from './softmaxFixtures';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'lab');

/** [nearest double as text, offset of the exact value from it in ulps] */
export type Exact = [string, number];

export interface SamplingFixture {
  name: string;
  logits: string[];
  temperature: number;
  options: { topK: number; topP: number; minP: number };
  kept: number[];
  stages: { filter: 'topK' | 'topP' | 'minP'; parameter: number; seen: number; kept: number; value: Exact }[];
  keptMass: Exact;
  after: Exact[];
  entropyBefore: Exact;
  entropyAfter: Exact;
  perplexityBefore: Exact;
  perplexityAfter: Exact;
}

export interface CompareFixture {
  name: string;
  temperature: number;
  x: string[];
  y: string[];
  klPQ: Exact;
  klQP: Exact;
  crossEntropy: Exact;
  totalVariation: Exact;
  terms: { klPQ: Exact[]; klQP: Exact[]; crossEntropy: Exact[]; totalVariation: Exact[] };
}

export interface TrainingFixture {
  name: string;
  temperature: number;
  logits: string[];
  target: number;
  gradient: Exact[];
  jacobian?: Exact[];
}

export interface AttentionFixture {
  name: string;
  scores: string[];
  shape: [number, number];
  d: number;
  causal: boolean;
  weights: Exact[];
}

export function labFixtures<T>(kind: 'sampling' | 'compare' | 'training' | 'attention'): T[] {
  return JSON.parse(fs.readFileSync(path.join(DIR, `${kind}.json`), 'utf8')) as T[];
}

export const numbers = (texts: string[]): number[] => texts.map(Number);

/** How many ulps `got` lies from the exact value. */
export function ulpsFrom(got: number, [near, offset]: Exact): number {
  return Math.abs(ulpError(got, near, offset));
}

/** The exact value as the nearest double (an error below one ulp of it is rounding, not a bug). */
export const nearestOf = ([near]: Exact): number => Number(near);

/** |got − exact| measured in units of `scale · ε`, for sums whose terms may cancel. */
export function relativeTo(got: number, exact: Exact, scale: number): number {
  const [near, offset] = exact;
  const e = Number(near);
  if (!Number.isFinite(e)) return got === e ? 0 : Infinity;
  return Math.abs(got - e - offset * ulp(e)) / (scale * Number.EPSILON);
}
