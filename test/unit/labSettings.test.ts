// The lab's settings as the host takes them from a webview message or a saved state: anything else is brought into range.
import * as assert from 'assert';
import { attentionDefaults, attentionSettingsFrom, dimensionMax, samplingOff, samplingSettingsFrom } from '../../src/panel/protocol';

describe('lab settings from a webview', () => {
  it('sampling: what is not a number turns that filter off', () => {
    for (const junk of [undefined, null, 'top-k', 7, [], { topK: '5', topP: null, minP: NaN }, { topK: Infinity, topP: -Infinity }]) {
      assert.deepStrictEqual(samplingSettingsFrom(junk), samplingOff, JSON.stringify(junk));
    }
  });

  it('sampling: each number is brought into its filter’s range', () => {
    assert.deepStrictEqual(samplingSettingsFrom({ topK: 2.7, topP: 0.9, minP: 0.05 }), { topK: 2, topP: 0.9, minP: 0.05 });
    assert.deepStrictEqual(samplingSettingsFrom({ topK: -3, topP: 1.5, minP: -0.2 }), { topK: 0, topP: 1, minP: 0 });
    assert.deepStrictEqual(samplingSettingsFrom({ topK: 1e300, topP: 0, minP: 1 }), { topK: 2 ** 31, topP: 0, minP: 1 });
  });

  it('attention: d a whole number from 1, the switches on only when true', () => {
    assert.deepStrictEqual(attentionSettingsFrom(undefined), attentionDefaults);
    assert.deepStrictEqual(attentionSettingsFrom({ on: 'yes', d: 'x', causal: 1 }), attentionDefaults);
    assert.deepStrictEqual(attentionSettingsFrom({ on: true, d: 63.6, causal: true }), { on: true, d: 64, causal: true });
    assert.deepStrictEqual(attentionSettingsFrom({ on: true, d: 0, causal: false }), { on: true, d: 1, causal: false });
    assert.deepStrictEqual(attentionSettingsFrom({ on: false, d: 1e12, causal: false }), { on: false, d: dimensionMax, causal: false });
  });
});
