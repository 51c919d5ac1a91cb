// findArrays against JSON.parse on the same ~11 MB numeric JSON array, its throughput on ~10 MB of mixed
// source, and how long the hostile inputs take (each must stay far below a second).
import { findArrays } from '../src/core';
import { markdownTable, nsPerCall, nsPerCallStats, registerSuite } from './harness';
import { random } from './random';

const MB = 1024 * 1024;

/** Logits as they come out of a model: N(0, 3²) doubles printed in full (about 19 characters each). */
function numericJson(bytes: number): string {
  const rnd = random(1);
  const values: number[] = [];
  let size = 2;
  while (size < bytes) {
    const u = 1 - rnd();
    const x = 3 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
    values.push(x);
    size += String(x).length + 1;
  }
  return JSON.stringify(values);
}

/** The ways the same logits are commonly printed: each spelling of one million N(0, 3²) numbers. */
const SPELLINGS: [string, (x: number) => string][] = [
  ['integers', (x) => String(Math.round(x * 1000))],
  ['4 decimals', (x) => x.toFixed(4)],
  ['8 significant digits', (x) => x.toPrecision(8)],
  ['17 significant digits', (x) => x.toPrecision(17)],
  ['e-notation', (x) => x.toExponential(8)],
];

/** The same numbers laid out otherwise, so the figure is not one layout's: each turns the spelled numbers into a JSON text. */
const LAYOUTS: [string, (spelled: string[]) => string][] = [
  ['', (spelled) => `[${spelled.join(', ')}]`],
  ['1000 rows of 1000', (spelled) => {
    const rows: string[] = [];
    for (let i = 0; i < spelled.length; i += 1000) rows.push(`[${spelled.slice(i, i + 1000).join(', ')}]`);
    return `[${rows.join(',\n ')}]`;
  }],
  ['one per line', (spelled) => `[\n  ${spelled.join(',\n  ')}\n]`],
];

/** Inputs beside the spellings: other distributions, widths and separators. */
const EXTRA: [string, () => string[]][] = [
  ['small non-negative integers 0–9, `,` between', () => gaussians(1_000_000).map((x) => String(Math.min(9, Math.floor(Math.abs(x)))))],
  ['uniform [0, 1) probabilities, full precision', () => {
    const rnd = random(5);
    return Array.from({ length: 1_000_000 }, () => String(rnd()));
  }],
  ['token ids 0–50 256', () => uniformIntegers(7, 0, 50_256)],
  ['integers up to ±10^6', () => uniformIntegers(8, -1e6, 1e6)],
  ['integers up to ±10^9', () => {
    const rnd = random(6);
    return Array.from({ length: 1_000_000 }, () => String(Math.floor((rnd() - 0.5) * 2e9)));
  }],
  ['integers of 12–15 digits, either sign', () => {
    const rnd = random(9);
    return Array.from({ length: 1_000_000 }, () => {
      const digits = 12 + Math.floor(rnd() * 4);
      const x = 10 ** (digits - 1) + Math.floor(rnd() * 9 * 10 ** (digits - 1));
      return String(rnd() < 0.5 ? -x : x);
    });
  }],
];

/** A million integers drawn uniformly from [low, high], as text. */
function uniformIntegers(seed: number, low: number, high: number): string[] {
  const rnd = random(seed);
  return Array.from({ length: 1_000_000 }, () => String(low + Math.floor(rnd() * (high - low + 1))));
}

function gaussians(count: number): number[] {
  const rnd = random(3);
  return Array.from({ length: count }, () => 3 * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * The text as the editor hands it over: one flat string (a document's getText() joins its lines). A string built
 * by concatenation stays a rope in V8, whose every charCodeAt follows a pointer that JSON.parse's copy does not.
 */
function asDocumentText(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** findArrays against JSON.parse on the same text: medians and fastest of batches of the two interleaved. */
function againstParse(name: string, built: string): string[] {
  const text = asDocumentText(built);
  const parsed = JSON.parse(text) as unknown[];
  const found = findArrays(text, 'json');
  const flat = parsed.flat() as number[];
  if (found.length !== 1 || found[0].values.length !== flat.length || found[0].values.some((v, i) => !Object.is(v, flat[i]))) {
    throw new Error(`findArrays did not read the ${name} back exactly as JSON.parse does`);
  }
  const parse: number[] = [];
  const find: number[] = [];
  // Several rounds, each measuring both: a load that comes and goes on the shared machine hits both alike.
  for (let round = 0; round < 5; round++) {
    parse.push(...nsPerCallStats(() => JSON.parse(text) as number[], 300, 3).batches);
    find.push(...nsPerCallStats(() => findArrays(text, 'json'), 300, 3).batches);
  }
  return [name, `${(text.length / MB).toFixed(1)} MB`, ms(median(find)), ms(median(parse)), `${(median(find) / median(parse)).toFixed(2)}×`,
    `${(Math.min(...find) / Math.min(...parse)).toFixed(2)}×`];
}

/** Each spelling of a million numbers as one JSON array, the 4-decimal and 17-digit ones in the other layouts, and the extra inputs. */
function spellingRows(): string[][] {
  const xs = gaussians(1_000_000);
  const rows: string[][] = [];
  for (const [name, spell] of SPELLINGS) {
    const spelled = xs.map(spell);
    for (const [layout, lay] of LAYOUTS) {
      if (layout !== '' && name !== '4 decimals' && name !== '17 significant digits') continue;
      rows.push(againstParse(layout === '' ? name : `${name}, ${layout}`, lay(spelled)));
    }
  }
  for (const [name, make] of EXTRA) rows.push(againstParse(name, `[${make().join(name.includes('`,`') ? ',' : ', ')}]`));
  return rows;
}

/** Python, a numpy print-out in a comment, JS, JSON, MATLAB, LaTeX and prose, repeated with fresh numbers. */
function mixedSource(bytes: number): string {
  const rnd = random(2);
  const num = (): string => (rnd() * 20 - 10).toFixed(4);
  const row = (n: number, sep = ', '): string => Array.from({ length: n }, num).join(sep);
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const chunk = [
      `def layer_${k}(x):`,
      `    """Scores for batch ${k}; see logits[${k % 7}] and x[1:3]."""`,
      `    logits = np.array([${row(5)}])  # raw scores`,
      `    w = torch.tensor([[${row(4)}],`,
      `                      [${row(4)}]], dtype=torch.float32)`,
      `    # >>> softmax(logits)`,
      `    # [${row(5, ' ')}]`,
      `    return F.softmax(w @ x[${k % 3}], dim=-1) + bias[i][j] * scale(${k}, 2)`,
      `const probs = new Float64Array([${row(6)}]); // ${k} classes`,
      `{"id": ${k}, "name": "run-${k}", "scores": [${row(3)}], "tags": ["a", "b"], "version": "1.2.${k % 10}"}`,
      `A = [${row(3, ' ')}; ${row(3, ' ')}];  % MATLAB`,
      `$$\\begin{bmatrix} ${row(2, ' & ')} \\\\ ${row(2, ' & ')} \\end{bmatrix}$$`,
      `See [the docs](https://example.com/${k}) and item [${k}] for details, released 2024-01-${(k % 28) + 10}.`,
      '',
    ].join('\n');
    parts.push(chunk);
    size += chunk.length + 1;
  }
  return parts.join('\n');
}

function hostileInputs(): [string, string][] {
  return [
    ['1 MB of `[[[[`', '['.repeat(MB)],
    ['300 000 unterminated `[1,`', '[1,'.repeat(300_000)],
    ['half a MB of quotes', '"\''.repeat(MB / 4)],
    ['one 10 MB line of code', mixedSource(10 * MB).replace(/\n/g, ' ')],
    ['1 MB of `float(`', 'float('.repeat(MB / 6)],
    ['1 MB of `\\begin{bmatrix}`', '\\begin{bmatrix}'.repeat(MB / 15)],
    ['1 MB of `[` then 1 MB of `)`', '['.repeat(MB) + ')'.repeat(MB)],
    ['1 MB of `# [1,` lines', '# [1,\n'.repeat(MB / 6)],
    ['1 MB of unclosed LaTeX row spacing `\\\\[`', '\\begin{bmatrix}1\\\\['.repeat(MB / 20)],
  ];
}

function ms(ns: number): string {
  return (ns / 1e6).toFixed(1);
}

registerSuite({
  name: 'findArrays',
  run() {
    const json = numericJson(11 * MB);
    const jsonFound = findArrays(json, 'json');
    const parsed = JSON.parse(json) as number[];
    if (jsonFound.length !== 1 || jsonFound[0].values.length !== parsed.length ||
      jsonFound[0].values.some((v, i) => !Object.is(v, parsed[i]))) {
      throw new Error('findArrays did not read the numeric JSON array back exactly as JSON.parse does');
    }
    const parseNs = nsPerCall(() => JSON.parse(json) as number[], 1000, 5);
    const findNs = nsPerCall(() => findArrays(json, 'json'), 1000, 5);

    const mixed = mixedSource(10 * MB);
    const mixedNs = nsPerCall(() => findArrays(mixed, 'python'), 1000, 5);
    const mixedCount = findArrays(mixed, 'python').length;
    const mbps = (bytes: number, ns: number): string => (bytes / MB / (ns / 1e9)).toFixed(0);

    const speed = markdownTable(
      ['input', 'size', 'findArrays ms', 'peer ms', 'ratio', 'MB/s'],
      [
        ['numeric JSON array (JSON.parse as peer)', `${(json.length / MB).toFixed(1)} MB`, ms(findNs), ms(parseNs),
          `${(findNs / parseNs).toFixed(2)}×`, mbps(json.length, findNs)],
        [`mixed source (${mixedCount} arrays found)`, `${(mixed.length / MB).toFixed(1)} MB`, ms(mixedNs), '—', '—',
          mbps(mixed.length, mixedNs)],
      ],
    );
    const spellings = markdownTable(
      ['1e6 numbers', 'size', 'findArrays ms (median)', 'JSON.parse ms (median)', 'ratio of medians', 'ratio of fastest'],
      spellingRows(),
    );
    const hostile = markdownTable(
      ['hostile input', 'size', 'ms', 'arrays'],
      hostileInputs().map(([name, text]) => {
        const ns = nsPerCall(() => findArrays(text), 300, 3);
        return [name, `${(text.length / MB).toFixed(1)} MB`, ms(ns), String(findArrays(text).length)];
      }),
    );
    return [
      '## findArrays',
      'Goal: within 1.2× of JSON.parse on the numeric array, in the same run; hostile inputs far below a second.',
      speed,
      'A million numbers in each common spelling, layout and a few other distributions (medians of 15 batches of each, interleaved in 5 rounds, beside the fastest batches):',
      spellings,
      hostile,
    ].join('\n\n');
  },
});
