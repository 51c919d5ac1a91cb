import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: unknown; description?: unknown } };
  contributes?: { configuration?: { properties?: Record<string, unknown> } };
}

suite('what the manifest promises', () => {
  test('in an untrusted workspace the workspace cannot raise softmaxLens.maxFileSize, and VS Code says why in both languages', () => {
    const manifest = readJson('package.json') as Manifest;
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.strictEqual(untrusted?.supported, 'limited');
    assert.deepStrictEqual(untrusted?.restrictedConfigurations, ['softmaxLens.maxFileSize']);
    for (const setting of untrusted.restrictedConfigurations as string[]) {
      assert.ok(manifest.contributes?.configuration?.properties?.[setting], `${setting} is a setting the extension contributes`);
    }
    const key = /^%(.+)%$/.exec(String(untrusted.description))?.[1];
    assert.ok(key, 'the description is localized');
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const text = readJson(file)[key];
      assert.ok(typeof text === 'string' && text.includes('softmaxLens.maxFileSize'), `${file} explains the restriction`);
    }
  });
});
