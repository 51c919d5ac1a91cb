import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const folder = path.join('media', 'screenshots');

/** The README's images as `![alt](target)`, in order. */
function readmeImages(): { alt: string; target: string }[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1], target: m[2] }));
}

suite('the pictures the README shows', () => {
  test('are the PNGs in media/screenshots, every one of them, and nothing else', () => {
    const shown = readmeImages().map((i) => path.normalize(i.target));
    const files = fs.readdirSync(path.join(root, folder)).map((f) => path.join(folder, f));
    assert.deepStrictEqual([...shown].sort(), [...files].sort());
    for (const file of files) assert.ok(fs.readFileSync(path.join(root, file)).subarray(1, 4).toString('latin1') === 'PNG', `${file} is not a PNG`);
  });

  test('say in plain words what they show: no markup in a caption', () => {
    for (const { alt, target } of readmeImages()) {
      assert.ok(alt.trim().length >= 20, `${target} has no caption that says what it shows`);
      assert.ok(!/[<>]|&\w+;|`/.test(alt), `${target}'s caption holds markup: ${alt}`);
    }
  });

  test('stay under 1 MB together, so the .vsix that carries them stays small', () => {
    const bytes = readmeImages().reduce((sum, { target }) => sum + fs.statSync(path.join(root, target)).size, 0);
    assert.ok(bytes < 1024 * 1024, `the README's pictures hold ${(bytes / 1024).toFixed(0)} KB`);
  });
});
