// The Settings editor shows what package.json contributes; the views use the settings module: the two must say the same.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { settingsSchema, settingsSection } from '../../src/editor/settingsSchema';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
};
const contributed = manifest.contributes.configuration.properties;
/** What a setting's schema says about its values, as far as the views rely on it. */
const facts = ['type', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'enum', 'scope'] as const;
const valueFacts = (schema: Record<string, unknown>) => Object.fromEntries(facts.filter((f) => schema[f] !== undefined).map((f) => [f, schema[f]]));

suite('settings: package.json and the settings module agree', () => {
  test('every setting the Settings editor offers has the same type, default, range, choices and scope in the settings module', () => {
    const names = Object.keys(contributed);
    assert.ok(names.length > 0);
    for (const name of names) {
      assert.ok(name.startsWith(`${settingsSection}.`), `${name} is in the ${settingsSection} section`);
      const key = name.slice(settingsSection.length + 1) as keyof typeof settingsSchema;
      assert.ok(key in settingsSchema, `${name} is in the settings module`);
      assert.deepStrictEqual(valueFacts(settingsSchema[key]), valueFacts(contributed[name]), name);
    }
  });

  test('every setting of the settings module is contributed to VS Code', () => {
    for (const key of Object.keys(settingsSchema)) assert.ok(contributed[`${settingsSection}.${key}`], `softmaxLens.${key} is in package.json`);
  });
});
