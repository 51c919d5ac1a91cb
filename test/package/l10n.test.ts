import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson } from '@vscode/l10n-dev';
import { errorTemplates } from '../../src/core/messages';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
type Strings = Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/**
 * Every message passed to vscode.l10n.t in src, found as `@vscode/l10n-dev export` finds them, and the core's error
 * templates, which the editor passes to vscode.l10n.t by code.
 */
async function sourceMessages(): Promise<string[]> {
  const files = sourceFiles(path.join(root, 'src')).map((file) => ({ contents: fs.readFileSync(file, 'utf8'), extension: path.extname(file) }));
  const bundle = await getL10nJson(files);
  const literal = Object.entries(bundle).map(([key, value]) => (typeof value === 'string' ? key : value.message));
  return [...new Set([...literal, ...Object.values(errorTemplates)])];
}

/** Every "%key%" string anywhere in package.json. */
function manifestKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) found.add(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) manifestKeys(v, found);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) manifestKeys(v, found);
  }
  return found;
}

const sorted = (items: Iterable<string>) => [...items].sort();
const placeholders = (text: string) => sorted(text.match(/\{\d+\}/g) ?? []);
/** What Markdown needs to stay the same: command links, code spans, bold markers, line breaks. */
const markdownParts = (text: string) => ({
  links: sorted(text.match(/\]\(command:[^)]*\)/g) ?? []),
  codeSpans: (text.match(/`/g) ?? []).length,
  bold: (text.match(/\*\*/g) ?? []).length,
  lines: text.split('\n').length,
});

/** Problems with a translation of `english`: missing, untranslated-empty, or losing placeholders or Markdown. */
function problems(english: Strings, chinese: Strings, where: string): string[] {
  const found: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    const zh = chinese[key];
    if (typeof zh !== 'string' || zh.trim() === '') {
      found.push(`${where}: no translation for ${JSON.stringify(key)}`);
      continue;
    }
    if (placeholders(zh).join() !== placeholders(text).join()) {
      found.push(`${where}: ${JSON.stringify(key)} has placeholders ${placeholders(text).join(' ') || 'none'} but the translation has ${placeholders(zh).join(' ') || 'none'}`);
    }
    if (JSON.stringify(markdownParts(zh)) !== JSON.stringify(markdownParts(text))) {
      found.push(`${where}: ${JSON.stringify(key)} loses Markdown in translation: ${JSON.stringify(markdownParts(text))} vs ${JSON.stringify(markdownParts(zh))}`);
    }
  }
  for (const key of Object.keys(chinese)) if (!(key in english)) found.push(`${where}: ${JSON.stringify(key)} is translated but no longer used`);
  return found;
}

suite('the Simplified Chinese translation', function () {
  this.timeout(60_000);

  test('every message of the extension code has a zh-cn translation with the same placeholders', async () => {
    const messages = await sourceMessages();
    assert.ok(messages.length > 50, `only ${messages.length} vscode.l10n.t messages found in src — is the extraction broken?`);
    const english = Object.fromEntries(messages.map((m) => [m, m]));
    assert.deepStrictEqual(problems(english, readJson('l10n/bundle.l10n.zh-cn.json') as Strings, 'l10n/bundle.l10n.zh-cn.json'), []);
  });

  test('every %key% of package.json has English and zh-cn text, with links and code spans kept', () => {
    const keys = manifestKeys(readJson('package.json'));
    assert.ok(keys.has('command.computeSoftmax.title'), 'the command titles are not localized in package.json');
    const english = readJson('package.nls.json') as Strings;
    assert.deepStrictEqual(sorted(keys).filter((k) => !(k in english)), [], 'package.json keys missing from package.nls.json');
    assert.deepStrictEqual(sorted(Object.keys(english)).filter((k) => !keys.has(k)), [], 'package.nls.json keys package.json no longer uses');
    assert.deepStrictEqual(problems(english, readJson('package.nls.zh-cn.json') as Strings, 'package.nls.zh-cn.json'), []);
  });

  test('the walkthrough media each language names exist', () => {
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const media = Object.values(readJson(file) as Strings).filter((v) => /^media\/.*\.md$/.test(v));
      assert.strictEqual(media.length, 3, `${file} should name the three walkthrough steps' media`);
      for (const m of media) assert.ok(fs.existsSync(path.join(root, m)), `${file} names ${m}, which does not exist`);
    }
  });

  test('package.json points VS Code at the l10n folder that holds the bundle', () => {
    const manifest = readJson('package.json') as { l10n?: string };
    assert.strictEqual(manifest.l10n, './l10n');
    assert.ok(fs.existsSync(path.join(root, 'l10n', 'bundle.l10n.zh-cn.json')));
  });
});
