// Properties of hostile text and extreme numbers, shared by the unit sample (fuzzedText.test.ts) and the long run
// (`npm run fuzz`, scripts/fuzz-long.js): findArrays, breakdown and the formatters on random and adversarial text.
import * as assert from 'assert';
import fc from 'fast-check';
import {
  ArrayScan,
  breakdown,
  composeEdits,
  findArrays,
  formatArray,
  formatNumber,
  formatProbability,
  SoftmaxInputError,
  sumTex,
  type ExportSyntax,
  type TextEdit,
} from '../../src/core';
import type { Checkpoints, OpenBrackets } from '../../src/core/arrays/checkpoints';
import { texNumber } from '../../src/core/tex';

export const LANGUAGES = [undefined, 'python', 'javascript', 'typescript', 'json', 'matlab', 'julia', 'r', 'go', 'rust', 'latex', 'markdown', 'plaintext', 'objective-c'];

/** Doubles from every corner: extremes, subnormals, −0, NaN and ±∞ included. */
export const anyDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, 2.2250738585072014e-308, -0, 0, Infinity, -Infinity, NaN),
  fc.integer({ min: -1000, max: 1000 }),
);

/** The ways a person or a program prints a double: shortest, exponent, fixed, with a plus sign. */
const spelled = fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 4 })).map(([x, how]) => {
  switch (how) {
    case 0:
      return Object.is(x, -0) ? '-0' : String(x);
    case 1:
      return x.toExponential();
    case 2:
      return Math.abs(x) < 1e21 ? x.toFixed(3) : String(x);
    case 3:
      return x >= 0 ? `+${String(x)}` : String(x);
    default:
      return x.toPrecision(17);
  }
});

/** Pieces that stress the scanner and the views: brackets, quotes, comments, markup, astral characters, odd numbers. */
const hostilePiece = fc.oneof(
  fc.constantFrom(
    '[', ']', '[[', ']]', '(', ')', '{', '}', ',', ';', ' ', '\n', '\r\n', '\t', '"', "'", '`', '\\', '#', '//', '/*', '*/', '%', '<!--',
    '</script>', '<img src=x onerror=alert(1)>', '[link](command:workbench.action.quit)', '\\href{javascript:alert(1)}{x}',
    '\\htmlData{a=b}{x}', '\\begin{bmatrix}', '\\end{bmatrix}', '&', '\\\\', '😀', '𝔁', '\u200b', '\u2028', '\ufeff', '−',
    '1e308', '-1e308', '5e-324', '-0', '0x1F', '0o17', '0b101', '1_000', '--1', '+-2', 'nan', 'inf', '-inf', 'NaN', '1.e+00',
    '9'.repeat(400), `0.${'1'.repeat(400)}`, '1e999', '1e-999', '...', '>>> ', 'np.array(', 'c(', 'vec![', '[]float64{',
  ),
  spelled,
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

export const hostileText = fc.array(hostilePiece, { maxLength: 120 }).map((parts) => parts.join(''));

/** A plain decimal literal JavaScript's Number() reads exactly as written (no separators, prefixes or suffixes). */
const plainNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Offsets integral, in bounds, sorted, non-overlapping; shapes filled; plain literals read as Number() reads them. */
export function checkFound(text: string, languageId: string | undefined): void {
  const found = findArrays(text, languageId);
  let previousEnd = 0;
  for (const a of found) {
    assert.ok(Number.isInteger(a.start) && Number.isInteger(a.end), 'integer offsets');
    assert.ok(a.start >= previousEnd && a.start < a.end && a.end <= text.length, `offsets ${a.start}..${a.end} of ${text.length}`);
    previousEnd = a.end;
    assert.strictEqual(a.values.length, a.shape.reduce((x, y) => x * y, 1), 'values fill the shape');
    const literal = text.slice(a.start, a.end);
    const inner = /^\[([^[\]]*)\]$/.exec(literal);
    if (!inner) continue;
    const pieces = inner[1].split(',').map((p) => p.trim());
    if (pieces[pieces.length - 1] === '') pieces.pop();
    if (pieces.length !== a.values.length || !pieces.every((p) => plainNumber.test(p))) continue;
    pieces.forEach((p, i) => assert.ok(Object.is(a.values[i], Number(p)), `${p} read as ${a.values[i]}`));
  }
}

/** Numbers printed in an array inside arbitrary text come back exactly (−0 keeps its sign). */
export function checkPrinted(prefix: string, numbers: string[], separator: string): void {
  const text = `${prefix}\nx = [${numbers.join(separator)}]\n`;
  const found = findArrays(text, 'python');
  const at = text.lastIndexOf('\nx = [') + 5;
  const array = found.find((a) => a.start === at);
  assert.ok(array, `the array at ${at} is found in ${JSON.stringify(text.slice(-200))}`);
  assert.strictEqual(array.values.length, numbers.length);
  numbers.forEach((p, i) => assert.ok(Object.is(array.values[i], Number(p)), `${p} read as ${array.values[i]}`));
}

/** breakdown either refuses with a SoftmaxInputError or returns probabilities that are a distribution. */
export function checkBreakdown(values: number[], temperature: number): void {
  let b;
  try {
    b = breakdown(values, { temperature });
  } catch (error) {
    assert.ok(error instanceof SoftmaxInputError, `not a SoftmaxInputError: ${String(error)}`);
    return;
  }
  let sum = 0;
  for (const p of b.probabilities) {
    assert.ok(p >= 0 && p <= 1, `probability ${p}`);
    sum += p;
  }
  assert.ok(Math.abs(sum - 1) <= 1e-12 * values.length, `Σp = ${sum}`);
  assert.ok(b.argmax >= 0 && b.argmax < values.length && b.probabilities[b.argmax] === Math.max(...b.probabilities));
  assert.ok(typeof sumTex(b, [0], { decimals: 4 }) === 'string');
}

const SYNTAXES: ExportSyntax[] = ['python', 'numpy', 'json', 'javascript', 'latex'];

/** The formatters print every double at every precision asked for without throwing; exports read back exactly. */
export function checkFormatters(values: number[], digits: number): void {
  for (const x of values) {
    const n = formatNumber(x, digits);
    assert.ok(n.length > 0 && n.length < 140, `formatNumber(${x}, ${digits}) = ${n}`);
    assert.ok(texNumber(n).length > 0);
    if (x >= 0 && x <= 1) assert.ok(formatProbability(x, digits).length > 0);
  }
  for (const syntax of SYNTAXES) {
    const printed = formatArray(values, [values.length], syntax);
    if (syntax === 'latex' || values.length < 2 || !values.every(Number.isFinite)) continue;
    const back = findArrays(printed, syntax === 'numpy' ? 'python' : syntax);
    assert.strictEqual(back.length, 1, `${syntax}: ${printed}`);
    back[0].values.forEach((v, i) => assert.ok(Object.is(v, values[i]), `${syntax}: ${values[i]} came back as ${v}`));
  }
}

/** Scanning in slices of any sizes finds exactly what one pass finds. */
export function checkSliced(text: string, languageId: string | undefined, slices: number[]): void {
  const scan = new ArrayScan(text, languageId);
  let offset = 0;
  for (let k = 0; !scan.done; k++) {
    offset += slices.length > 0 ? slices[k % slices.length] : text.length;
    scan.scanTo(offset);
    assert.ok(k <= text.length + 1, 'the sliced scan makes progress');
  }
  assert.deepStrictEqual(scan.arrays, findArrays(text, languageId));
}

/** Lines a document is made of: arrays, comments, fences, LaTeX, brackets left open or closed on a later line. */
const documentLine = fc.oneof(
  fc.constantFrom(
    'x = [1, 2, 3]', 'm = [[1, 2], [3, 4]]', '# printed: [0.1, 0.9]', '// [4, 5, 6]', '/*', '*/', ' * [7, 8]', 'f(a[0], [9, 10])',
    '```python', '```', '~~~', 'y = np.array([', '    1.5, -2.5,', '])', '\\begin{bmatrix}', '1 & 2 \\\\', '\\end{bmatrix}',
    '[1,', '2]', '{', '}', '(', ')', '', '  ', '>>> [1, 2]', '% [3, 4]', '"[5, 6]"', 'c(1, 2, 3)', '[1 2; 3 4]', 'v = [1, 2',
    '[', '  {"id": 1, "logits": [0.5, 1.5]},', '  [1, 2],', '  {"a": {"b": [3, 4]}}', '],', 'x[', '  [0, 2]]', 'f(', '  [1, 2],', '\\left[', '... [1, 2]',
    '<BLANKLINE>', '[[[1, 2]],', ' [[3, 4]]]', 't = torch.tensor((', '(1, 2), [3, 4]))', 'np.zeros((3, 4))',
    '3-element Vector{Float64}:', ' 0.5', ' ⋮', '2×2 Matrix{Int64}:', ' 1  2', '2×2×2 Array{Float64, 3}:', '[:, :, 1] =',
    'torch_tensor', '#> torch_tensor', '#>  0.5  1.5', '[ CPUFloatType{2} ]', '#> [ CPUFloatType{2} ]', '(1,.,.) = ',
  ),
  hostilePiece,
);

export const documentText = fc.array(documentLine, { maxLength: 60 }).map((lines) => lines.join('\n'));

/**
 * The shapes that made a scan keep kilobytes per line: brackets open to the depth limit (and past it) and then, on
 * every line, one closed and one opened, or blank lines below them; blank lines alone.
 */
export const adversarialText = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 250, max: 258 }),
      fc.constantFrom('(', '[', '{', 'f(', 'x = [a, '),
      fc.integer({ min: 0, max: 300 }),
      fc.constantFrom('\n)(', '\n', '\n])[', ')\n(', '\n}{', '\n  '),
    )
    .map(([depth, open, lines, line]) => open.repeat(depth) + line.repeat(lines)),
  fc.integer({ min: 0, max: 3000 }).map((n) => '\n'.repeat(n)),
  fc.tuple(fc.integer({ min: 0, max: 300 }), fc.constantFrom('(\n', '[\n', '(a\n', '\n)')).map(([n, line]) => line.repeat(n)),
);

/** One edit: where (a fraction of the text), how much to delete, what to insert. */
const anEdit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 30 }), fc.oneof(documentLine, fc.constantFrom('\n', '', '1', ']', '[', '```\n')));

/** The brackets open at a checkpoint, written down bottom first (kind and closer of each). */
function bracketsText(brackets: OpenBrackets): string {
  const codes: number[] = [];
  for (let b = brackets; b.below !== undefined; b = b.below) codes.push(b.code);
  return codes.reverse().join(' ');
}

/** The checkpoints as plain pairs, to compare. */
export function checkpointList(checkpoints: Checkpoints): [number, string][] {
  return Array.from({ length: checkpoints.length }, (_, k) => [checkpoints.offset(k), bracketsText(checkpoints.bracketsAt(k))]);
}

/**
 * Rescanning only the edited part of a text (ArrayScan given the scan before the edit) finds exactly what a
 * scan of the whole new text finds. Recording every checkpoint (`spacing` 0), it leaves the same checkpoints for
 * the next edit; recording them sparsely, every checkpoint it leaves is one a whole scan finds, with the same
 * brackets open. Edits are chained; `together` of them at a time are composed into one, as the editor does when
 * keys come faster than scans.
 */
export function checkRescan(
  text: string,
  languageId: string | undefined,
  edits: [number, number, string][],
  slice: number,
  together: number,
  spacing = 0,
): void {
  const drive = (scan: ArrayScan) => {
    for (let k = 0; !scan.scanMore(slice); k++) assert.ok(k <= 4 * text.length + 100, 'the rescan makes progress');
    return scan;
  };
  let previous = drive(new ArrayScan(text, languageId, undefined, spacing));
  let pending: TextEdit | undefined;
  for (const [n, [where, deleted, inserted]] of edits.entries()) {
    const start = Math.floor(where * text.length);
    const oldEnd = Math.min(text.length, start + deleted);
    text = text.slice(0, start) + inserted + text.slice(oldEnd);
    const one = { start, oldEnd, newEnd: start + inserted.length };
    const edit = pending === undefined ? one : composeEdits(pending, one);
    pending = edit;
    if ((n + 1) % together !== 0 && n + 1 < edits.length) continue;
    pending = undefined;
    const rescan = drive(new ArrayScan(text, languageId, { result: previous, edit }, spacing));
    const whole = drive(new ArrayScan(text, languageId, undefined, 0));
    assert.deepStrictEqual(rescan.arrays, whole.arrays, `arrays after the edit ${JSON.stringify(edit)} of ${JSON.stringify(text)}`);
    const all = checkpointList(whole.checkpoints);
    const kept = checkpointList(rescan.checkpoints);
    if (spacing === 0) {
      assert.deepStrictEqual(kept.map(([at]) => at), all.map(([at]) => at), `checkpoints after the edit ${JSON.stringify(edit)}`);
      assert.deepStrictEqual(kept, all, `open brackets at the checkpoints after the edit ${JSON.stringify(edit)}`);
    } else {
      const truth = new Map(all);
      kept.forEach(([at, brackets], k) => {
        assert.ok(k === 0 || at > kept[k - 1][0], `checkpoints ascend after the edit ${JSON.stringify(edit)}`);
        assert.strictEqual(brackets, truth.get(at), `checkpoint ${at} after the edit ${JSON.stringify(edit)} of ${JSON.stringify(text)}`);
      });
    }
    previous = rescan;
  }
}

/** Every property with `numRuns` cases each; returns the number of cases run. */
export function runFuzz(numRuns: number, seed?: number): number {
  const options = { numRuns, seed, endOnFailure: true };
  let cases = 0;
  fc.assert(fc.property(hostileText, fc.constantFrom(...LANGUAGES), (text, lang) => checkFound(text, lang)), options);
  cases += numRuns;
  fc.assert(
    fc.property(hostileText, fc.array(spelled, { minLength: 2, maxLength: 12 }), fc.constantFrom(', ', ',', ' ,  '), (prefix, numbers, sep) =>
      checkPrinted(prefix.replace(/[[\]()]/g, ' '), numbers, sep),
    ),
    options,
  );
  cases += numRuns;
  fc.assert(
    fc.property(fc.array(anyDouble, { minLength: 1, maxLength: 40 }), fc.constantFrom(1, 0.5, 2, 1e-300, 1e300, 0.1), (values, t) =>
      checkBreakdown(values, t),
    ),
    options,
  );
  cases += numRuns;
  fc.assert(
    fc.property(fc.array(anyDouble, { minLength: 1, maxLength: 12 }), fc.integer({ min: -5, max: 200 }), (values, digits) =>
      checkFormatters(values, digits),
    ),
    options,
  );
  cases += numRuns;
  fc.assert(
    fc.property(hostileText, fc.constantFrom(...LANGUAGES), fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 5 }), (text, lang, slices) =>
      checkSliced(text, lang, slices),
    ),
    options,
  );
  cases += numRuns;
  fc.assert(
    fc.property(
      documentText,
      fc.constantFrom(...LANGUAGES),
      fc.array(anEdit, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 200 }),
      fc.integer({ min: 1, max: 3 }),
      (text, lang, edits, slice, together) => checkRescan(text, lang, edits, slice, together),
    ),
    options,
  );
  cases += numRuns;
  fc.assert(
    fc.property(
      fc.oneof(documentText, adversarialText),
      fc.constantFrom(...LANGUAGES),
      fc.array(anEdit, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 400 }),
      fc.integer({ min: 1, max: 3 }),
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 64 }), fc.constant(1024)),
      (text, lang, edits, slice, together, spacing) => checkRescan(text, lang, edits, slice, together, spacing),
    ),
    options,
  );
  cases += numRuns;
  return cases;
}
