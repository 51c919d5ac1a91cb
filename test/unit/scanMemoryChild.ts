// `node --expose-gc dist/test/unit/scanMemoryChild.js [chars] [shape index]`: one JSON line per shape of scanMemory.ts
// (or the one asked for), measured in a process of its own so nothing else on the heap blurs the figure.
import { measure, shapes } from './scanMemory';

const chars = Number(process.argv[2]) || 1 << 20;
const only = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
shapes.forEach((shape, k) => {
  if (only === undefined || only === k) console.log(JSON.stringify(measure(shape, chars)));
});
