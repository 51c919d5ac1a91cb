// What the views make of a setting's value: the same defaults and ranges the Settings editor shows.
import * as assert from 'assert';
import { decimalsFrom, settingsFrom, settingsSchema, temperatureFrom, type SettingKey } from '../../src/editor/settingsSchema';

const unset = () => undefined;

describe('settings', () => {
  it('with nothing set, every view uses the defaults the Settings editor shows', () => {
    assert.deepStrictEqual(settingsFrom(unset), {
      decimals: settingsSchema.decimals.default,
      temperature: settingsSchema.temperature.default,
      codeLensEnabled: settingsSchema['codeLens.enabled'].default,
      codeLensArrays: settingsSchema['codeLens.arrays'].default,
      hoverEnabled: settingsSchema['hover.enabled'].default,
      maxFileSize: settingsSchema.maxFileSize.default * 1024 * 1024,
    });
  });

  it('holds decimals to 0…15 and reads a fraction or a word as the default', () => {
    assert.strictEqual(decimalsFrom(2), 2);
    assert.strictEqual(decimalsFrom(0), 0);
    assert.strictEqual(decimalsFrom(15), 15);
    assert.strictEqual(decimalsFrom(40), 15);
    assert.strictEqual(decimalsFrom(-3), 0);
    for (const odd of [2.5, NaN, Infinity, '2', null, undefined]) assert.strictEqual(decimalsFrom(odd), 4, String(odd));
  });

  it('passes any numeric temperature on, 20 and 0 alike, for the core to use or to refuse in words', () => {
    assert.strictEqual(temperatureFrom(20), 20);
    assert.strictEqual(temperatureFrom(0.001), 0.001);
    assert.strictEqual(temperatureFrom(0), 0);
    assert.strictEqual(temperatureFrom(-1), -1);
    assert.strictEqual(temperatureFrom('hot'), 1);
  });

  it('reads the lens choice, the switches and the file size limit', () => {
    const values: Partial<Record<SettingKey, unknown>> = { 'codeLens.arrays': 'all', 'codeLens.enabled': false, 'hover.enabled': false, maxFileSize: 0.5 };
    const settings = settingsFrom((key) => values[key]);
    assert.strictEqual(settings.codeLensArrays, 'all');
    assert.strictEqual(settings.codeLensEnabled, false);
    assert.strictEqual(settings.hoverEnabled, false);
    assert.strictEqual(settings.maxFileSize, 512 * 1024);
    const odd = settingsFrom((key) => ({ 'codeLens.arrays': 'some', 'codeLens.enabled': 'no', maxFileSize: -1 })[key as string]);
    assert.strictEqual(odd.codeLensArrays, 'likely');
    assert.strictEqual(odd.codeLensEnabled, true);
    assert.strictEqual(odd.maxFileSize, 5 * 1024 * 1024);
  });
});
