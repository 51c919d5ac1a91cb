// A sample of the long fuzz run (`npm run fuzz`): the same properties, fewer cases, so every `npm test` runs them.
import { runFuzz } from './fuzzProperties';

describe('hostile text and extreme numbers, fuzzed', function () {
  this.timeout(120_000);
  it('findArrays, breakdown and the formatters never throw, keep offsets in bounds and read numbers exactly (2 000 cases each)', () => {
    runFuzz(2000);
  });
});
