// What a person sees on a folder of real text: lenses per 100 lines, the share of lenses by role, and the
// sum check's verdicts on the arrays read as probabilities, per repository and overall.
//   npm run bench -- corpus <folder>                          the tables
//   npm run bench -- corpus <folder> --sample <file.tsv> [--size 300] [--seed 1] [--exclude <a.tsv>[,<b.tsv>]]
//                                                             a random sample of arrays to label (leaving out another's)
//   npm run bench -- corpus <folder> --labels <a.tsv>[,<b.tsv>]   precision and loss from labelled samples
// The folder's manifest.tsv (id, repo, path, commit, bytes, languageId) names each file's language; without
// one, every file is read with the language its extension suggests and its top folder is its repository.
import * as fs from 'fs';
import * as path from 'path';
import {
  classifyArray,
  findArrays,
  printPrecision,
  rowLogSumExpChecks,
  rowSumChecks,
  type ArrayRole,
  type FoundArray,
  type Role,
} from '../src/core';
import { markdownTable, registerSuite } from './harness';
import { random } from './random';

export interface CorpusFile {
  repo: string;
  file: string;
  languageId: string;
}

const byExtension: Record<string, string> = {
  py: 'python', ipynb: 'jupyter-notebook', md: 'markdown', rst: 'restructuredtext', tex: 'latex', jl: 'julia',
  r: 'r', m: 'matlab', rs: 'rust', go: 'go', c: 'c', h: 'c', cpp: 'cpp', cc: 'cpp', cu: 'cuda-cpp', js: 'javascript',
  ts: 'typescript', json: 'json', txt: 'plaintext', java: 'java', cs: 'csharp',
};

export function corpusFiles(folder: string): CorpusFile[] {
  const manifest = path.join(folder, 'manifest.tsv');
  if (fs.existsSync(manifest)) {
    const [header, ...lines] = fs.readFileSync(manifest, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const col = (name: string) => header.indexOf(name);
    return lines.map((cells) => ({
      repo: cells[col('repo')],
      file: path.join(folder, cells[col('repo')].replace('/', '+'), cells[col('path')]),
      languageId: cells[col('languageId')],
    }));
  }
  const files: CorpusFile[] = [];
  const walk = (dir: string, repo: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, repo || entry.name);
      else {
        const languageId = byExtension[path.extname(entry.name).slice(1).toLowerCase()];
        if (languageId) files.push({ repo: repo || '.', file: full, languageId });
      }
    }
  };
  walk(folder, '');
  return files;
}

interface Seen {
  file: CorpusFile;
  text: string;
  array: FoundArray;
  role: ArrayRole;
}

type Verdict = 'sums' | 'off' | 'unknown';

/** The sum check the hover shows for an array read as probabilities (or log-probabilities): ✓, ⚠ or unknown. */
function verdict(seen: Seen): Verdict {
  const precision = printPrecision(seen.text, seen.array, seen.file.languageId);
  const checks =
    seen.role.role === 'logProbabilities'
      ? rowLogSumExpChecks(seen.array.values, seen.array.shape, precision)
      : rowSumChecks(seen.array.values, seen.array.shape, precision);
  if (checks.every((c) => c.sumsToOne === true)) return 'sums';
  return checks.some((c) => c.sumsToOne === false) ? 'off' : 'unknown';
}

const roles: Role[] = ['logits', 'probabilities', 'logProbabilities', 'shape'];

interface Tally {
  files: number;
  lines: number;
  arrays: number;
  byRole: Record<Role, number>;
  verdicts: Record<Verdict, number>;
}

function emptyTally(): Tally {
  return { files: 0, lines: 0, arrays: 0, byRole: { logits: 0, probabilities: 0, logProbabilities: 0, shape: 0 }, verdicts: { sums: 0, off: 0, unknown: 0 } };
}

const per100 = (n: number, lines: number) => (lines === 0 ? '—' : ((100 * n) / lines).toFixed(2));
const share = (n: number, total: number) => (total === 0 ? '—' : `${((100 * n) / total).toFixed(1)} %`);

function tallyRow(name: string, t: Tally): string[] {
  const shown = t.arrays - t.byRole.shape;
  return [
    name,
    String(t.files),
    String(t.lines),
    String(t.arrays),
    per100(t.arrays, t.lines),
    per100(shown, t.lines),
    ...roles.map((r) => share(t.byRole[r], t.arrays)),
    `${t.verdicts.sums} / ${t.verdicts.off} / ${t.verdicts.unknown}`,
  ];
}

function readCorpus(folder: string): { seen: Seen[]; findMs: number; classifyMs: number; lines: Map<string, number>; files: Map<string, number> } {
  const seen: Seen[] = [];
  const lines = new Map<string, number>();
  const files = new Map<string, number>();
  let findMs = 0;
  let classifyMs = 0;
  for (const file of corpusFiles(folder)) {
    const text = fs.readFileSync(file.file, 'utf8');
    lines.set(file.repo, (lines.get(file.repo) ?? 0) + text.split('\n').length);
    files.set(file.repo, (files.get(file.repo) ?? 0) + 1);
    let t = performance.now();
    const arrays = findArrays(text, file.languageId);
    findMs += performance.now() - t;
    t = performance.now();
    const classified = arrays.map((array) => classifyArray(text, array, file.languageId));
    classifyMs += performance.now() - t;
    arrays.forEach((array, k) => seen.push({ file, text, array, role: classified[k] }));
  }
  return { seen, findMs, classifyMs, lines, files };
}

function tables(folder: string): string {
  const { seen, findMs, classifyMs, lines, files } = readCorpus(folder);
  const tallies = new Map<string, Tally>();
  const total = emptyTally();
  for (const [repo, n] of lines) {
    const t = emptyTally();
    t.lines = n;
    t.files = files.get(repo) ?? 0;
    tallies.set(repo, t);
    total.lines += n;
    total.files += t.files;
  }
  for (const s of seen) {
    const t = tallies.get(s.file.repo)!;
    for (const x of [t, total]) {
      x.arrays++;
      x.byRole[s.role.role]++;
      if (s.role.role === 'probabilities' || s.role.role === 'logProbabilities') x.verdicts[verdict(s)]++;
    }
  }
  const header = [
    'repository', 'files', 'lines', 'arrays', 'lenses / 100 lines ("all")', 'lenses / 100 lines ("likely")',
    'logits', 'probabilities', 'log-probabilities', 'shapes (no lens under "likely")', 'sum check ✓ / ⚠ / no verdict',
  ];
  const rows = [...tallies.entries()].sort((a, b) => b[1].arrays - a[1].arrays).map(([repo, t]) => tallyRow(repo, t));
  rows.push(tallyRow('**all**', total));
  const reasons = new Map<string, number>();
  for (const s of seen) {
    const key = `${s.role.role}: ${s.role.reason.code}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  return [
    `## corpus\n\n${total.files} files of ${path.basename(path.resolve(folder))}. Under "all" every array has a lens; under "likely" (the default) only logits, probabilities and log-probabilities do. The role columns are shares of all arrays, i.e. of the lenses under "all". The sum check is the hover's verdict on the arrays read as probabilities (rows sum to 1) or log-probabilities (logsumexp 0) at their printed precision.`,
    markdownTable(header, rows),
    markdownTable(
      ['role: reason', 'arrays'],
      [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, String(n)]),
    ),
    `Classifying every array took ${classifyMs.toFixed(1)} ms next to ${findMs.toFixed(1)} ms for findArrays on the same files (${(classifyMs / findMs).toFixed(2)}×, one pass, wall time).`,
  ].join('\n\n');
}

/** One line of the text around an array, for a person to read in a TSV: new lines and tabs made visible. */
function visible(text: string): string {
  return text.replace(/\t/g, '⇥').replace(/\r?\n/g, '⏎');
}

/** The array indices a labelled sample holds, so a second sample can leave them out. */
function sampledIndices(file: string): Set<number> {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return new Set(lines.map((cells) => Number(cells[header.indexOf('index')])));
}

function writeSample(folder: string, out: string, size: number, seed: number, exclude?: string): string {
  const { seen } = readCorpus(folder);
  const rnd = random(seed);
  const skip = new Set((exclude ?? '').split(',').filter((f) => f !== '').flatMap((f) => [...sampledIndices(f)]));
  const picked = new Set<number>();
  const wanted = Math.min(size, seen.length - skip.size);
  while (picked.size < wanted) {
    const k = Math.floor(rnd() * seen.length);
    if (!skip.has(k)) picked.add(k);
  }
  const rows = [...picked].sort((a, b) => a - b).map((k) => {
    const { file, text, array, role } = seen[k];
    return [
      String(k),
      file.repo,
      path.relative(folder, file.file),
      '',
      visible(text.slice(Math.max(0, array.start - 160), array.start)),
      visible(text.slice(array.start, Math.min(array.end, array.start + 200))),
      visible(text.slice(array.end, array.end + 80)),
      role.role,
      role.reason.code,
    ].join('\t');
  });
  fs.writeFileSync(out, `${['index', 'repo', 'file', 'worth', 'before', 'array', 'after', 'role', 'reason'].join('\t')}\n${rows.join('\n')}\n`);
  return `## corpus sample\n\nWrote ${rows.length} of ${seen.length} arrays (seed ${seed}) to ${out}: fill the "worth" column with y (worth a softmax or probability reading) or n, then run with --labels.`;
}

function scoreLabels(folder: string, labels: string): string {
  const { seen } = readCorpus(folder);
  const [header, ...lines] = fs.readFileSync(labels, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const at = (name: string) => header.indexOf(name);
  let worth = 0;
  let noise = 0;
  let shownWorth = 0;
  let shownNoise = 0;
  let lostWorth = 0;
  const byRepo = new Map<string, { n: number; worth: number; shown: number; shownWorth: number; lost: number }>();
  for (const cells of lines) {
    const label = cells[at('worth')]?.trim().toLowerCase();
    if (label !== 'y' && label !== 'n') continue;
    // The role as the code classifies it now, so an old sample scores the current rules.
    const s = seen[Number(cells[at('index')])];
    const shown = s.role.role !== 'shape';
    const r = byRepo.get(s.file.repo) ?? { n: 0, worth: 0, shown: 0, shownWorth: 0, lost: 0 };
    r.n++;
    if (label === 'y') {
      worth++;
      r.worth++;
      if (shown) {
        shownWorth++;
        r.shownWorth++;
      } else {
        lostWorth++;
        r.lost++;
      }
    } else {
      noise++;
      if (shown) shownNoise++;
    }
    if (shown) r.shown++;
    byRepo.set(s.file.repo, r);
  }
  const labelled = worth + noise;
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
  return [
    `## corpus labels\n\n${labelled} labelled arrays from ${labels}.`,
    markdownTable(
      ['', 'lenses', 'worth reading', 'precision', 'lost lenses of arrays worth reading'],
      [
        ['before ("all": a lens on every array)', String(labelled), String(worth), pct(worth, labelled), '0'],
        ['after ("likely", the default)', String(shownWorth + shownNoise), String(shownWorth), pct(shownWorth, shownWorth + shownNoise), `${lostWorth} of ${worth} (${pct(lostWorth, worth)})`],
      ],
    ),
    markdownTable(
      ['repository', 'sampled', 'worth', 'precision before', 'precision after', 'lost'],
      [...byRepo.entries()].sort((a, b) => b[1].n - a[1].n).map(([repo, r]) => [repo, String(r.n), String(r.worth), pct(r.worth, r.n), pct(r.shownWorth, r.shown), String(r.lost)]),
    ),
  ].join('\n\n');
}

registerSuite({
  name: 'corpus',
  run(args: string[]): string {
    const folder = args.find((a) => !a.startsWith('--') && fs.existsSync(a) && fs.statSync(a).isDirectory());
    if (folder === undefined) return '## corpus\n\nSkipped: give a folder of real text, `npm run bench -- corpus <folder>`.';
    const option = (name: string) => {
      const k = args.indexOf(`--${name}`);
      return k >= 0 ? args[k + 1] : undefined;
    };
    const sample = option('sample');
    if (sample !== undefined) return writeSample(folder, sample, Number(option('size') ?? 300), Number(option('seed') ?? 1), option('exclude'));
    const labels = option('labels');
    if (labels !== undefined) return labels.split(',').map((file) => scoreLabels(folder, file)).join('\n\n');
    return tables(folder);
  },
});
