// Laws findArrays keeps on any text (fuzzed with fast-check), exact values for every spelling of a number,
// and round trips through the core's exporter.
import * as assert from 'assert';
import fc from 'fast-check';
import { findArrays, formatArray, type ExportSyntax, type FoundArray } from '../../src/core';

const LANGUAGES = [undefined, 'python', 'javascript', 'json', 'matlab', 'julia', 'r', 'c', 'go', 'rust', 'latex', 'markdown', 'plaintext'];

/** Text built from the characters that matter to the scanner, so the fuzzer reaches its corners. */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom('[', ']', '(', ')', '{', '}', ',', ';', ' ', '\n', '.', '-', '+', 'e', '_', '#', '//', '/*', '*/', '%',
        '"', "'", '\\', '\\\\', '&', 'inf', '-inf', 'np.inf', "float('-inf')", 'c(', 'x', 'f', '...', '>>> ', '```', '\\begin{bmatrix}',
        '\\end{bmatrix}', '\\infty', '0x1F', '1_000', '1.0f', '2.0_f32', '−', '\u00a0', '\r\n', '--', 'vec!', 'Float64'),
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.double({ noNaN: true }).map(String),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

function checkLaws(text: string, found: FoundArray[]): void {
  let previousEnd = -1;
  for (const a of found) {
    assert.ok(Number.isInteger(a.start) && Number.isInteger(a.end), 'integer offsets');
    assert.ok(a.start >= 0 && a.start < a.end && a.end <= text.length, `offsets in bounds: ${a.start}..${a.end}`);
    assert.ok(a.start >= previousEnd, 'sorted and not overlapping');
    previousEnd = a.end;
    assert.ok(a.shape.length >= 1 && a.shape.every((d) => Number.isInteger(d) && d >= 1), `shape ${a.shape}`);
    assert.strictEqual(a.values.length, a.shape.reduce((x, y) => x * y, 1), 'values fill the shape');
    assert.ok(a.values.length >= 2, 'two or more numbers');
    assert.ok(a.values.every((v) => typeof v === 'number'));
  }
}

describe('findArrays laws on fuzzed text', function () {
  this.timeout(30_000);
  it('never throws and returns sorted, non-overlapping, in-bounds arrays whose values fill their shape', () => {
    fc.assert(
      fc.property(tricky, fc.constantFrom(...LANGUAGES), (text, lang) => {
        checkLaws(text, findArrays(text, lang));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the laws on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...LANGUAGES), (text, lang) => {
        checkLaws(text, findArrays(text, lang));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds an array wherever it is pasted, with offsets that shift with the text before it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((s) => !/[[\](){}\\#/%`*'"-]/.test(s)), (prefix) => {
        const text = `${prefix}\nlogits = [2.0, 1.0, 0.1]\n`;
        const found = findArrays(text, 'python');
        assert.strictEqual(found.length, 1);
        assert.strictEqual(text.slice(found[0].start, found[0].end), '[2.0, 1.0, 0.1]');
      }),
    );
  });
});

describe('findArrays reads every number exactly as Number() does', function () {
  this.timeout(30_000);
  const spellings = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => String(x)),
    fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 })).map(([x, d]) => x.toExponential(d)),
    fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 21 })).map(([x, d]) => x.toPrecision(d)),
    fc.tuple(fc.double({ min: -1e21, max: 1e21, noNaN: true }), fc.integer({ min: 0, max: 20 })).map(([x, d]) => x.toFixed(d)),
    // Long digit strings with a point and an exponent: the hardest inputs for a decimal reader.
    fc.tuple(fc.stringMatching(/^[0-9]{1,30}$/), fc.nat(30), fc.integer({ min: -340, max: 320 }), fc.boolean()).map(
      ([digits, point, exp, negative]) => {
        const p = Math.min(point, digits.length);
        return `${negative ? '-' : ''}${digits.slice(0, p) || '0'}.${digits.slice(p)}e${exp}`;
      },
    ),
  );

  it('gives each literal the value Number() gives its text', () => {
    fc.assert(
      fc.property(spellings, spellings, (a, b) => {
        const found = findArrays(`[${a}, ${b}]`, 'json');
        assert.strictEqual(found.length, 1, `[${a}, ${b}]`);
        assert.ok(Object.is(found[0].values[0], Number(a)), `${a} → ${found[0].values[0]}, Number() says ${Number(a)}`);
        assert.ok(Object.is(found[0].values[1], Number(b)), `${b} → ${found[0].values[1]}, Number() says ${Number(b)}`);
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds 16 to 19 significant digits next to a halfway point between two doubles as Number() does', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-20, max: 1e20, noNaN: true }),
        fc.integer({ min: 16, max: 19 }),
        fc.integer({ min: -1, max: 1 }),
        (x, digits, nudge) => {
          const text = nearHalfway(x, digits, nudge);
          const [a] = findArrays(`[${text}, -${text}]`);
          assert.ok(Object.is(a.values[0], Number(text)), `${text} → ${a.values[0]}, Number() says ${Number(text)}`);
          assert.ok(Object.is(a.values[1], -Number(text)));
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('reads separators and type suffixes as the number without them', () => {
    const [a] = findArrays('[1_000.25, 2.5f, 3.0_f32, 4f64, 5L, 0x1F, -0b11, 1_0e1_0]', 'rust');
    assert.deepStrictEqual(a.values, [1000.25, 2.5, 3, 4, 5, 31, -3, 1e11]);
  });
});

/**
 * The exact midpoint between x and the next double up, as a decimal cut to `digits` significant digits
 * and moved `nudge` units in the last place: the strings on which a reader's rounding is most fragile.
 */
function nearHalfway(x: number, digits: number, nudge: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & ((1n << 52n) - 1n)) | (exponent > 0 ? 1n << 52n : 0n);
  const power = Math.max(exponent, 1) - 1075 - 1;
  const odd = 2n * mantissa + 1n;
  const all = power >= 0 ? (odd << BigInt(power)).toString() : (odd * 5n ** BigInt(-power)).toString();
  const point = power >= 0 ? all.length : all.length + power;
  const head = (BigInt(all.slice(0, digits).padEnd(digits, '0')) + BigInt(nudge)).toString();
  return `0.${head}e${point + head.length - digits}`;
}

/** How each export syntax is read back: the language a person would paste it into. */
const LANGUAGE_OF: Record<ExportSyntax, string> = {
  python: 'python',
  numpy: 'python',
  json: 'json',
  javascript: 'javascript',
  latex: 'latex',
  c: 'c',
  go: 'go',
  rust: 'rust',
  r: 'r',
  julia: 'julia',
  matlab: 'matlab',
  java: 'java',
  csharp: 'csharp',
  kotlin: 'kotlin',
};
const SYNTAXES = Object.keys(LANGUAGE_OF) as ExportSyntax[];
/**
 * Syntaxes whose matrices read back as matrices: R's `matrix(c(…), nrow = 2, byrow = TRUE)` reads as the vector
 * inside it and Kotlin's `arrayOf(doubleArrayOf(…), …)` as its rows (format.test.ts checks what they hold).
 */
const MATRIX_SYNTAXES = SYNTAXES.filter((syntax) => syntax !== 'r' && syntax !== 'kotlin');
/** Syntaxes whose matrices are written as rows, where one row is how a vector is written too. */
const ROWS_SYNTAXES = new Set<ExportSyntax>(['latex', 'julia', 'matlab', 'r']);

describe('findArrays reads back what formatArray writes', function () {
  this.timeout(30_000);
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
  const logit = fc.oneof({ weight: 9, arbitrary: finite }, { weight: 1, arbitrary: fc.constant(-Infinity) });
  const arrays = fc.oneof(
    fc.integer({ min: 2, max: 20 }).map((n) => [n]),
    fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 6 })),
  ).chain((shape) => {
    const size = shape.reduce((x, y) => x * y, 1);
    return fc.tuple(fc.constant(shape as number[]), fc.constantFrom(...(shape.length === 1 ? SYNTAXES : MATRIX_SYNTAXES))).chain(
      ([s, syntax]) => fc.tuple(
        fc.constant(s),
        fc.constant(syntax),
        // JSON writes no infinities (null); every other syntax has a spelling for −∞.
        fc.array(syntax === 'json' || syntax === 'latex' ? finite : logit, { minLength: size, maxLength: size }),
      ),
    );
  });

  it('finds the one array with the same shape and values in every syntax', () => {
    fc.assert(
      fc.property(arrays, fc.option(fc.integer({ min: 0, max: 17 }), { nil: undefined }), ([shape, syntax, values], decimals) => {
        const text = formatArray(values, shape, syntax, decimals);
        const found = findArrays(`x = ${text}\n`, LANGUAGE_OF[syntax]);
        assert.strictEqual(found.length, 1, text);
        // A one-row LaTeX, Julia, MATLAB or R matrix reads as a vector, which is how a person reads it too.
        const expectedShape = ROWS_SYNTAXES.has(syntax) && shape.length === 2 && shape[0] === 1 ? [shape[1]] : shape;
        assert.deepStrictEqual(found[0].shape, expectedShape, text);
        const expected = decimals === undefined ? values : parsedCells(text, syntax);
        found[0].values.forEach((v, i) => assert.ok(Object.is(v, expected[i]), `${text}: [${i}] ${v} ≠ ${expected[i]}`));
      }),
      { numRuns: 1500 },
    );
  });
});

/** −∞ in each export syntax. */
const NEGATIVE_INFINITY =
  /float\('-inf'\)|-np\.inf|-Infinity|-INFINITY|math\.Inf\(-1\)|f64::NEG_INFINITY|-Inf|Double\.NEGATIVE_INFINITY|double\.NegativeInfinity/g;

/** With fixed decimals the exporter rounds; the expected values are then those of its printed cells. */
function parsedCells(text: string, syntax: ExportSyntax): number[] {
  if (syntax === 'latex') {
    return text
      .replace(/\\(begin|end)\{bmatrix\}/g, '')
      .split(/&|\\\\/)
      .map((cell) => cell.trim())
      .map((cell) => {
        if (cell === '-\\infty') return -Infinity;
        const m = /^(\S+) \\times 10\^\{(-?\d+)\}$/.exec(cell);
        return m ? Number(`${m[1]}e${m[2]}`) : Number(cell);
      });
  }
  const cells = text
    .replace(NEGATIVE_INFINITY, ' N ')
    .replace(/, nrow = \d+, byrow = TRUE\)$/, '')
    .replace(/np\.array|vec!|new double|float64|matrix|doubleArrayOf|arrayOf|\bc\(/g, ' ')
    .split(/[\s,;[\]{}()]+/)
    .filter((cell) => cell !== '');
  return cells.map((c) => (c === 'N' ? -Infinity : Number(c)));
}
