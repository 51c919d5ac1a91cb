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
  distributionOf,
  findArrays,
  formatProbabilityDigits,
  printPrecision,
  roleWindow,
  softmaxRows,
  type ArrayRole,
  type FoundArray,
  type Role,
} from '../src/core';
import { outputText } from '../src/core/notebook';
import { describeReason } from '../src/core/roles';
import { corpusFiles, type CorpusFile } from './corpus';
import { markdownTable, registerSuite } from './harness';

/** Printed output is text, not code: the status bar's scanner reads it with the generic rules too. */
const outputLanguage = 'plaintext';
/** The bytes of one output the status bar reads (src/notebook/outputText.ts, outputBytesRead). */
const outputBytesRead = 256 * 1024;

/** The folder's notebooks, found as the corpus bench finds its files (a manifest's languageId, else the ending). */
function notebookFiles(folder: string): CorpusFile[] {
  return corpusFiles(folder).filter((f) => f.languageId === 'jupyter-notebook');
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

/** Entries and rows an item lists before shortening with …, as the lens does (src/editor/summaries.ts). */
const itemEntries = 4;

/** The item's text in English: a softmax's as the lens words it, a distribution's facts in short. */
function summary({ text, array, role }: Headline): string {
  const shape = array.shape.join('×');
  if (role.role === 'shape') return `shape (${shape})`;
  const list = (values: string[]) => `[${values.slice(0, itemEntries).join(', ')}${values.length > itemEntries ? ', …' : ''}]`;
  if (role.role === 'probabilities' || role.role === 'logProbabilities') {
    const { rows, checks } = distributionOf(array, role.role, printPrecision(text, array, outputLanguage), itemEntries);
    const off = checks.filter((c) => c.sumsToOne === false).length;
    const unknown = checks.filter((c) => c.sumsToOne === undefined).length;
    const verdict = off > 0 ? `⚠ ${off} of ${checks.length} rows off` : unknown > 0 ? 'print precision unknown' : 'sums ✓';
    return `output: ${role.role} (${shape}) · ${verdict} · argmax ${list(rows.map((r) => String(r.argmax)).concat(checks.length > rows.length ? ['…'] : []))}`;
  }
  try {
    const p = softmaxRows(array.values, array.shape);
    const cols = array.shape.length > 1 ? array.shape[array.shape.length - 1] : p.length;
    const rows = p.length / cols;
    if (array.shape.length > 1) {
      const argmaxes = Array.from({ length: rows }, (_, r) => String(argmax(p.subarray(r * cols, (r + 1) * cols))));
      return `output: softmax per row (${shape}) · argmax ${list(argmaxes)}`;
    }
    const best = argmax(p);
    return `output: softmax → ${list(Array.from(p, (x) => formatProbabilityDigits(x, 3)))} · max ${formatProbabilityDigits(p[best], 3)} @ ${best}`;
  } catch {
    return 'output: softmax: the message of its error';
  }
}

const roles: Role[] = ['logits', 'probabilities', 'logProbabilities', 'shape'];

interface Tally {
  notebooks: number;
  codeCells: number;
  withOutputs: number;
  outputs: number;
  read: number;
  cut: number;
  headlines: Record<Role | 'none', number>;
}

function emptyTally(): Tally {
  return { notebooks: 0, codeCells: 0, withOutputs: 0, outputs: 0, read: 0, cut: 0, headlines: { logits: 0, probabilities: 0, logProbabilities: 0, shape: 0, none: 0 } };
}

function tallyRow(name: string, t: Tally): string[] {
  const shown = t.headlines.logits + t.headlines.probabilities + t.headlines.logProbabilities;
  const share = (n: number) => (t.withOutputs === 0 ? '—' : `${n} (${((100 * n) / t.withOutputs).toFixed(1)} %)`);
  return [name, String(t.notebooks), String(t.codeCells), String(t.withOutputs), `${t.read} of ${t.outputs}`, share(shown), ...roles.map((r) => share(t.headlines[r])), share(t.headlines.none)];
}

function tables(folder: string): string {
  const files = notebookFiles(folder);
  const total = emptyTally();
  const byRepo = new Map<string, Tally>();
  let unreadable = 0;
  let wholeLogits = 0;
  const examples = new Map<string, string[]>();
  const reasons = new Map<string, number>();
  for (const { repo, file } of files) {
    let cells: { cell_type?: unknown; source?: unknown; outputs?: unknown }[];
    try {
      cells = (JSON.parse(fs.readFileSync(file, 'utf8')) as { cells: typeof cells }).cells;
      if (!Array.isArray(cells)) throw new Error('no cells');
    } catch {
      unreadable++;
      continue;
    }
    const tally = byRepo.get(repo) ?? emptyTally();
    byRepo.set(repo, tally);
    const both = [tally, total];
    for (const t of both) t.notebooks++;
    for (const cell of cells) {
      if (cell?.cell_type !== 'code') continue;
      for (const t of both) t.codeCells++;
      const cellOutputs = Array.isArray(cell.outputs) ? (cell.outputs as unknown[]) : [];
      if (cellOutputs.length === 0) continue;
      const printed = printedOutputs(cellOutputs);
      const source = Array.isArray(cell.source) ? (cell.source as string[]).join('') : typeof cell.source === 'string' ? cell.source : '';
      const headline = headlineOf(source, printed.texts);
      const role = headline?.role.role ?? 'none';
      for (const t of both) {
        t.withOutputs++;
        t.outputs += cellOutputs.length;
        t.read += printed.texts.length;
        t.cut += printed.cut;
        t.headlines[role]++;
      }
      if (headline) {
        if (role === 'logits' && headline.array.values.every((v) => Number.isInteger(v))) wholeLogits++;
        const key = `${role}: ${headline.role.reason.code}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
        // One example per notebook and role, a few per role.
        const list = examples.get(role) ?? [];
        const name = path.basename(file);
        if (list.length < 5 && !list.some((e) => e.endsWith(`; ${name})`))) list.push(`${summary(headline)} (${describeReason(headline.role.reason)}; ${name})`);
        examples.set(role, list);
      }
    }
  }
  const rows = [...byRepo.entries()].sort((a, b) => b[1].withOutputs - a[1].withOutputs).map(([repo, t]) => tallyRow(repo, t));
  rows.push(tallyRow('**all**', total));
  return [
    `## notebooks\n\n${total.notebooks} notebooks of ${path.basename(path.resolve(folder))}${unreadable ? ` (${unreadable} more not readable as notebook JSON)` : ''}. An output is read when it prints text (a stream or a \`text/plain\` result; ${total.cut} cut to their first ${outputBytesRead / 1024} KB). A cell's item names its headline array, the first not read as a shape; under the default \`codeLensArrays: "likely"\` a cell whose only arrays are shapes gets no item, under \`"all"\` it gets one.`,
    markdownTable(
      ['repository', 'notebooks', 'code cells', 'cells with outputs', 'outputs read', 'item shown ("likely")', 'logits', 'probabilities', 'log-probabilities', 'shape (item only under "all")', 'no array printed'],
      rows,
    ),
    markdownTable(
      ['headline role: reason', 'cells'],
      [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, String(n)]),
    ),
    `Of the ${total.headlines.logits} items on logits, ${wholeLogits} name an array of whole numbers only (integer data, counts or indices; not labelled here).`,
    `Examples (the item's facts in short, why the role, the notebook):\n\n${[...examples.values()].flatMap((list) => list.map((e) => `- ${e}`)).join('\n')}`,
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
