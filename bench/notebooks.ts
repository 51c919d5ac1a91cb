// What a notebook shows under its cells: on a folder's saved Jupyter notebooks, how many code cells get the
// output status bar item and of which role, read the way src/notebook/ reads them (each output's printed text,
// the first array not read as a shape, classified with the cell's code above it).
//   npm run bench -- notebooks <folder>
// The folder's manifest.tsv (id, repo, path, commit, bytes, languageId) lists the notebooks as `jupyter-notebook`;
// without one, every `.ipynb` under the folder is read.
import * as fs from 'fs';
import * as path from 'path';
import {
  argmax,
  classifyArray,
  describeReason,
  distributionOf,
  findArrays,
  formatNumber,
  outputText,
  printPrecision,
  roleWindow,
  softmaxRows,
  type ArrayRole,
  type FoundArray,
  type Role,
} from '../src/core';
import { markdownTable, registerSuite } from './harness';

/** Printed output is text, not code: the status bar's scanner reads it with the generic rules too. */
const outputLanguage = 'plaintext';
/** The bytes of one output the status bar reads (src/notebook/outputText.ts, outputBytesRead). */
const outputBytesRead = 256 * 1024;

function notebookFiles(folder: string): string[] {
  const manifest = path.join(folder, 'manifest.tsv');
  if (fs.existsSync(manifest)) {
    const [header, ...lines] = fs.readFileSync(manifest, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const col = (name: string) => header.indexOf(name);
    return lines
      .filter((cells) => cells[col('languageId')] === 'jupyter-notebook' || cells[col('path')].endsWith('.ipynb'))
      .map((cells) => path.join(folder, cells[col('repo')].replace('/', '+'), cells[col('path')]));
  }
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ipynb')) found.push(full);
    }
  };
  walk(folder);
  return found.sort();
}

/** The item's headline: the first array the outputs print that is not read as a shape, else the first. */
interface Headline {
  text: string;
  array: FoundArray;
  role: ArrayRole;
}

/** The cell's printed outputs, cut as the status bar cuts them; an output with no printed text is not read. */
function printedOutputs(outputs: unknown[]): { texts: string[]; cut: number } {
  const texts: string[] = [];
  let cut = 0;
  for (const output of outputs) {
    const text = outputText(output);
    if (text === undefined) continue;
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > outputBytesRead) cut++;
    texts.push(bytes.length > outputBytesRead ? bytes.subarray(0, outputBytesRead).toString('utf8') : text);
  }
  return { texts, cut };
}

function headlineOf(code: string, texts: string[]): Headline | undefined {
  const above = `${code.slice(Math.max(0, code.length - roleWindow.before))}\n`;
  let first: Headline | undefined;
  for (const text of texts) {
    for (const array of findArrays(text, outputLanguage)) {
      const role = classifyArray(above + text, { ...array, start: array.start + above.length, end: array.end + above.length }, outputLanguage);
      const headline = { text, array, role };
      if (role.role !== 'shape') return headline;
      first ??= headline;
    }
  }
  return first;
}

/** The item's facts in short, in the words of its summary: a distribution's check and argmax, or the softmax's argmax. */
function summary({ text, array, role }: Headline): string {
  const shape = array.shape.length > 1 ? ` ${array.shape.join('×')}` : ` n = ${array.values.length}`;
  if (role.role === 'shape') return `shape${shape}`;
  if (role.role === 'probabilities' || role.role === 'logProbabilities') {
    const { rows, checks } = distributionOf(array, role.role, printPrecision(text, array, outputLanguage), 4);
    const off = checks.filter((c) => c.sumsToOne === false).length;
    const unknown = checks.filter((c) => c.sumsToOne === undefined).length;
    const verdict = off > 0 ? `⚠ ${off} of ${checks.length} rows off` : unknown > 0 ? 'print precision unknown' : 'sums ✓';
    return `${role.role}${shape} · ${verdict} · argmax [${rows.map((r) => r.argmax).join(', ')}${checks.length > rows.length ? ', …' : ''}]`;
  }
  try {
    const p = softmaxRows(array.values, array.shape);
    const cols = array.shape.length > 1 ? array.shape[array.shape.length - 1] : p.length;
    const best = argmax(p.subarray(0, cols));
    return `softmax${shape} · row 0 max ${formatNumber(p[best], 3)} @ ${best}`;
  } catch {
    return `softmax${shape} · the softmax's error message`;
  }
}

const roles: Role[] = ['logits', 'probabilities', 'logProbabilities', 'shape'];

function tables(folder: string): string {
  const files = notebookFiles(folder);
  let codeCells = 0;
  let withOutputs = 0;
  let outputs = 0;
  let read = 0;
  let cut = 0;
  let unreadable = 0;
  const headlines: Record<Role | 'none', number> = { logits: 0, probabilities: 0, logProbabilities: 0, shape: 0, none: 0 };
  const examples = new Map<string, string[]>();
  const reasons = new Map<string, number>();
  for (const file of files) {
    let cells: { cell_type?: unknown; source?: unknown; outputs?: unknown }[];
    try {
      cells = (JSON.parse(fs.readFileSync(file, 'utf8')) as { cells: typeof cells }).cells;
      if (!Array.isArray(cells)) throw new Error('no cells');
    } catch {
      unreadable++;
      continue;
    }
    for (const cell of cells) {
      if (cell?.cell_type !== 'code') continue;
      codeCells++;
      const cellOutputs = Array.isArray(cell.outputs) ? (cell.outputs as unknown[]) : [];
      if (cellOutputs.length === 0) continue;
      withOutputs++;
      outputs += cellOutputs.length;
      const printed = printedOutputs(cellOutputs);
      read += printed.texts.length;
      cut += printed.cut;
      const source = Array.isArray(cell.source) ? (cell.source as string[]).join('') : typeof cell.source === 'string' ? cell.source : '';
      const headline = headlineOf(source, printed.texts);
      const role = headline?.role.role ?? 'none';
      headlines[role]++;
      if (headline) {
        const key = `${role}: ${headline.role.reason.code}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
        const list = examples.get(role) ?? [];
        if (list.length < 3) list.push(`${summary(headline)} (${describeReason(headline.role.reason)}; ${path.basename(file)})`);
        examples.set(role, list);
      }
    }
  }
  const shown = headlines.logits + headlines.probabilities + headlines.logProbabilities;
  const share = (n: number) => (withOutputs === 0 ? '—' : `${((100 * n) / withOutputs).toFixed(1)} %`);
  return [
    `## notebooks\n\n${files.length} notebooks of ${path.basename(path.resolve(folder))}${unreadable ? ` (${unreadable} not readable as notebook JSON)` : ''}: ${codeCells} code cells, ${withOutputs} with saved outputs holding ${outputs} outputs, of which ${read} print text the status bar reads (streams and \`text/plain\` results; ${cut} cut to their first ${outputBytesRead / 1024} KB). Under the default \`codeLensArrays: "likely"\` a cell whose headline array is a shape gets no item; under \`"all"\` it gets one.`,
    markdownTable(
      ['cells with outputs', 'item shown ("likely")', 'logits', 'probabilities', 'log-probabilities', 'shape (item only under "all")', 'no array printed'],
      [[String(withOutputs), `${shown} (${share(shown)})`, ...roles.map((r) => `${headlines[r]} (${share(headlines[r])})`), `${headlines.none} (${share(headlines.none)})`]],
    ),
    markdownTable(
      ['headline role: reason', 'cells'],
      [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, String(n)]),
    ),
    `Examples (the item's facts in short, why the role, the notebook):\n\n${[...examples.entries()].flatMap(([, list]) => list.map((e) => `- ${e}`)).join('\n')}`,
  ].join('\n\n');
}

registerSuite({
  name: 'notebooks',
  run(args: string[]): string {
    const folder = args.find((a) => !a.startsWith('--') && fs.existsSync(a) && fs.statSync(a).isDirectory());
    if (folder === undefined) return '## notebooks\n\nSkipped: give a folder holding notebooks, `npm run bench -- notebooks <folder>`.';
    return tables(folder);
  },
});
