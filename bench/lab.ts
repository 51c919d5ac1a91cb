// The walkthrough lab's computations on random logits, each next to the breakdown the panel computes anyway (its
// peer in the same run): the sampling filters, ranking a vocabulary against sorting it, a comparison; and the
// longest single step of the filters done in steps, which is what the extension host waits for at most.
import { breakdown, breakdownSteps, lab, runSteps } from '../src/core';
import { markdownTable, nsPerCallStats, registerSuite } from './harness';
import { random } from './random';

const SIZES = [1e3, 1e5, 2e5, 1e6];
const filters = { topK: 50, topP: 0.9, minP: 0.05 };

/** N(0, σ²) logits by Box–Muller from a seeded generator: every run ranks the same vocabulary. */
function randomNormal(n: number, sigma: number, seed: number): Float64Array {
  const next = random(seed);
  return Float64Array.from({ length: n }, () => sigma * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()));
}

const ms = (ns: number) => (ns / 1e6).toFixed(ns < 1e6 ? 3 : 1);
const both = (s: { fastest: number; median: number }) => `${ms(s.median)} (${ms(s.fastest)})`;

/** Wall time of each step of a computation in steps: the longest and the median, in ms. */
function stepTimes<T>(steps: Generator<void, T, void>): { longest: number; median: number; count: number } {
  const times: number[] = [];
  for (;;) {
    const t = performance.now();
    const r = steps.next();
    times.push(performance.now() - t);
    if (r.done) break;
  }
  times.sort((a, b) => a - b);
  return { longest: times[times.length - 1], median: times[Math.floor(times.length / 2)], count: times.length };
}

registerSuite({
  name: 'lab',
  run() {
    const rows: string[][] = [];
    const stepRows: string[][] = [];
    for (const n of SIZES) {
      const x = randomNormal(n, 3, 17);
      const y = randomNormal(n, 3, 18);
      const b = breakdown(x);
      const q = breakdown(y);
      const peer = nsPerCallStats(() => breakdown(x).probabilities, 200);
      const sampled = nsPerCallStats(() => lab.sampling(b, filters).keptCount, 200);
      const ranked = nsPerCallStats(() => lab.rankOrder(b.scaled), 200);
      const native = nsPerCallStats(() => Float64Array.from(b.scaled).sort(), 200);
      const compared = nsPerCallStats(() => lab.compare(b, q).klPQ, 200);
      const ratio = (s: { median: number }) => `${(s.median / peer.median).toFixed(2)}×`;
      rows.push([
        n.toLocaleString('en-US'),
        both(peer),
        `${both(sampled)}, ${ratio(sampled)}`,
        `${both(ranked)}; native sort ${both(native)}, ${(ranked.median / native.median).toFixed(2)}×`,
        `${both(compared)}, ${ratio(compared)}`,
      ]);
      const steps = stepTimes(lab.samplingSteps(runSteps(breakdownSteps(x)), filters));
      stepRows.push([n.toLocaleString('en-US'), String(steps.count), steps.median.toFixed(2), steps.longest.toFixed(2)]);
    }
    return [
      '### The lab (plain Node, CPU ms per call: median of 11 batches, fastest in parentheses)',
      `Filters: top-k ${filters.topK}, top-p ${filters.topP}, min-p ${filters.minP} on N(0, 3²) logits. ` +
        'The peer is `breakdown`, the one pass the walkthrough computes for every array; "native sort" sorts the values alone ' +
        '(no indices, no tie rule) with `Float64Array.prototype.sort`, a floor for any ranking.',
      markdownTable(['n', 'breakdown (peer)', 'sampling filters, ratio', 'rankOrder; native sort, ratio', 'compare (KL, CE, TV), ratio'], rows),
      'Sampling in steps (`lab.samplingSteps`, what the panel runs for long rows), wall ms per step:',
      markdownTable(['n', 'steps', 'median step', 'longest step'], stepRows),
    ].join('\n\n');
  },
});
