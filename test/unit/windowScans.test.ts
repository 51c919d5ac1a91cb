// Window scans of a large document: requests at once wait for one another and take what an earlier scan settled,
// so ten hovers inside one array scan it once, and a hover where an earlier scan found nothing scans nothing.
import * as assert from 'assert';
import type { FoundArray, WindowAnswer } from '../../src/core';
import { WindowScans } from '../../src/editor/windowScans';

const array: FoundArray = { start: 1000, end: 5000, shape: [3], values: [1, 2, 3] };

/** A scan that answers after a few turns of the event loop, counting how often it ran. */
function slowScan(answer: WindowAnswer) {
  const scan = async () => {
    scan.runs++;
    for (let k = 0; k < 5; k++) await new Promise((resolve) => setImmediate(resolve));
    return answer;
  };
  scan.runs = 0;
  return scan;
}

const always = () => true;

describe('window scans of one document version', () => {
  it('ten look-ups at once inside one array scan it once, and all get it', async () => {
    const windows = new WindowScans(1);
    const scan = slowScan({ array, tooLong: false, arrays: [array], settled: { start: 1001, end: 1002 } });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, k) => windows.lookUp(1100 + k * 300, scan, always)));
    assert.strictEqual(scan.runs, 1);
    for (const a of answers) assert.strictEqual(a?.array, array);
  });

  it('a look-up where a finished scan settled that no array is answers at once, without scanning', async () => {
    const windows = new WindowScans(1);
    const nothing = slowScan({ array: undefined, tooLong: false, arrays: [], settled: { start: 100, end: 900 } });
    assert.deepStrictEqual(await windows.lookUp(500, nothing, always), { array: undefined, tooLong: false });
    assert.deepStrictEqual(windows.settled(120), { array: undefined, tooLong: false });
    assert.deepStrictEqual(await windows.lookUp(899, nothing, always), { array: undefined, tooLong: false });
    assert.strictEqual(nothing.runs, 1);
    await windows.lookUp(900, nothing, always);
    assert.strictEqual(nothing.runs, 2, 'past the settled stretch it scans again');
  });

  it('a look-up given up while it waits never scans, and a failed scan does not hold up the next', async () => {
    const windows = new WindowScans(1);
    const failing = async () => {
      throw new Error('the scanner broke');
    };
    const first = windows.lookUp(10, failing, always);
    let wanted = true;
    const scan = slowScan({ array, tooLong: false, arrays: [array], settled: { start: 0, end: 0 } });
    const given = windows.lookUp(2000, scan, () => wanted);
    wanted = false;
    await assert.rejects(first, /the scanner broke/);
    assert.strictEqual(await given, undefined);
    assert.strictEqual(scan.runs, 0);
    assert.strictEqual((await windows.lookUp(2000, scan, always))?.array, array);
  });

  it('a window too short for the array says so, and keeps no array', async () => {
    const windows = new WindowScans(1);
    const capped = slowScan({ array: undefined, tooLong: true, arrays: [], settled: { start: 7, end: 7 } });
    assert.deepStrictEqual(await windows.lookUp(7, capped, always), { array: undefined, tooLong: true });
    assert.strictEqual(windows.settled(7), undefined);
  });
});
