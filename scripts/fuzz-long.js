// `npm run fuzz`: the properties of hostile text and extreme numbers (test/unit/fuzzProperties.ts) at 100 000 cases each, 600 000 in all.
// FUZZ_RUNS sets the cases per property, FUZZ_SEED replays a failing run.
const { runFuzz } = require('../dist/test/unit/fuzzProperties.js');

const perProperty = Number(process.env.FUZZ_RUNS) || 100000;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const started = performance.now();
console.log(`fuzzing with seed ${seed} (FUZZ_SEED=${seed} replays it), ${perProperty} cases per property…`);
const cases = runFuzz(perProperty, seed);
console.log(`${cases} cases passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
