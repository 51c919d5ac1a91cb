// What the walkthrough's host takes from its webview: only messages and saved state that fit the protocol, read from
// whatever the page posted, so a stray or hostile message changes nothing and throws nothing.
import * as assert from 'assert';
import fc from 'fast-check';
import { isHostMessage, parsePersistedState, parseWebviewMessage } from '../../src/panel/protocol';

describe('messages from the walkthrough webview', () => {
  it('keeps every message of the protocol as it was posted', () => {
    const messages = [
      { type: 'ready' },
      { type: 'ready', state: { ref: { uri: 'untitled:a', start: 4 }, row: 2, pinned: true, temperature: 0.5, decimals: 3, target: 1 } },
      { type: 'rendered', seq: 3, formulas: 18, rows: 10 },
      { type: 'setTemperature', seq: 3, temperature: 2.5 },
      { type: 'setDecimals', seq: 3, decimals: 6 },
      { type: 'setRow', seq: 3, row: 4 },
      { type: 'setTarget', seq: 3, target: 0 },
      { type: 'setTarget', seq: 3, target: undefined },
      { type: 'setPinned', seq: 3, pinned: false },
    ];
    for (const m of messages) assert.deepStrictEqual(parseWebviewMessage(m), m);
  });

  it('drops a target of 0.5, a row of "x", null, and messages of no known kind', () => {
    for (const m of [
      { type: 'setTarget', seq: 3, target: 0.5 },
      { type: 'setTarget', seq: 3, target: -1 },
      { type: 'setRow', seq: 3, row: 'x' },
      { type: 'setRow', seq: 3, row: Number.NaN },
      { type: 'setTemperature', seq: 3, temperature: 0 },
      { type: 'setTemperature', seq: 3, temperature: Infinity },
      { type: 'setDecimals', seq: 3, decimals: 1.5 },
      { type: 'setPinned', seq: 3, pinned: 'yes' },
      { type: 'setRow', row: 2 },
      { type: 'setRow', seq: -1, row: 2 },
      { type: 'openFile', seq: 3, path: '/etc/passwd' },
      null,
      undefined,
      'setRow',
      42,
      [],
    ]) {
      assert.strictEqual(parseWebviewMessage(m), undefined, JSON.stringify(m));
    }
  });

  it('a ready message with a state that does not fit is still ready, without the state', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'ready', state: { row: 'x' } }), { type: 'ready' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'ready', state: null }), { type: 'ready' });
  });

  it('never throws, and whatever it keeps has the fields its kind needs, on any value at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom('ready', 'rendered', 'setRow', 'setTarget', 'setPinned'), seq: fc.anything(), row: fc.anything(), target: fc.anything(), pinned: fc.anything(), state: fc.anything() })), (value) => {
        const m = parseWebviewMessage(value);
        if (m === undefined || m.type === 'ready') return;
        assert.ok(Number.isSafeInteger(m.seq) && m.seq >= 0);
        if (m.type === 'setRow') assert.ok(Number.isSafeInteger(m.row) && m.row >= 0);
        if (m.type === 'setTarget') assert.ok(m.target === undefined || (Number.isSafeInteger(m.target) && m.target >= 0));
        if (m.type === 'setPinned') assert.strictEqual(typeof m.pinned, 'boolean');
      }),
    );
  });
});

describe('the state a webview saved', () => {
  it('comes back whole when it fits, and leaves out a reference or target that does not', () => {
    const state = { ref: { uri: 'file:///a.py', start: 10 }, row: 1, pinned: false, temperature: 1, decimals: 4, target: 2 };
    assert.deepStrictEqual(parsePersistedState(state), state);
    assert.deepStrictEqual(parsePersistedState({ ...state, ref: { uri: 7, start: 10 }, target: 'x' }), { row: 1, pinned: false, temperature: 1, decimals: 4 });
  });

  it('is dropped when its row, pin, temperature or decimals do not fit', () => {
    const state = { row: 1, pinned: false, temperature: 1, decimals: 4 };
    for (const broken of [{ ...state, row: -1 }, { ...state, pinned: 1 }, { ...state, temperature: -2 }, { ...state, decimals: 'four' }, null, 'state', []]) {
      assert.strictEqual(parsePersistedState(broken), undefined, JSON.stringify(broken));
    }
  });
});

describe('messages from the host, as the webview checks them', () => {
  it('knows a render and an empty note, and nothing else', () => {
    assert.ok(isHostMessage({ type: 'render', strings: {}, view: { seq: 2 } }));
    assert.ok(isHostMessage({ type: 'empty', seq: 2, strings: {}, message: 'Put the cursor on an array' }));
    for (const m of [null, { type: 'render', strings: {} }, { type: 'empty', seq: '2', strings: {}, message: '' }, { type: 'other', seq: 1 }]) {
      assert.strictEqual(isHostMessage(m), false, JSON.stringify(m));
    }
  });
});
