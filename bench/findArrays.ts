// findArrays against JSON.parse on the same ~11 MB numeric JSON array, its throughput on ~10 MB of mixed
// source, and how long the hostile inputs take (each must stay far below a second).
import { findArrays } from '../src/core';
import { markdownTable, nsPerCall, registerSuite } from './harness';
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
      hostile,
    ].join('\n\n');
  },
});
