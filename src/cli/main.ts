// `softmax-lens check <files, folders or globs…>`: the editor's claim findings for docs CI. Reads files, asks the
// core, prints `path:line:col: warning: message` per finding; exit 1 with findings, 0 without, 2 on a usage error
// or an unreadable file. `--fix` writes the quick fixes (the core's applyFixes); `--format json` prints JSON.
import * as fs from 'fs';
import * as path from 'path';
import { checkedEndings, languageOfPath } from '../core';
import { checkText, type FileReport } from './check';
import { expandArguments } from './files';

const usage = `Usage: softmax-lens check [--fix] [--format text|json] <files, folders or globs…>

Checks printed softmax outputs against the code that printed them, and printed probabilities against 1.
Exits 1 when there are findings, 0 when there are none, 2 on a usage error or an unreadable file.
  --fix           write the correct prints into the files (findings without a fix still count)
  --format json   one JSON object on stdout: {"findings": [...], "errors": [...]}`;

interface Options {
  fix: boolean;
  json: boolean;
  patterns: string[];
}

function parse(argv: readonly string[]): Options | string {
  if (argv[0] !== 'check') return argv.length === 0 ? 'Nothing to do: give the command "check" and the files to check.' : `Unknown command "${argv[0]}": the command is "check".`;
  const options: Options = { fix: false, json: false, patterns: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fix') options.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const value = a === '--format' ? argv[++i] : a.slice('--format='.length);
      if (value !== 'json' && value !== 'text') return `--format takes "text" or "json", not ${value === undefined ? 'nothing' : `"${value}"`}.`;
      options.json = value === 'json';
    } else if (a === '--') {
      options.patterns.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return `Unknown option "${a}".`;
    else options.patterns.push(a);
  }
  if (options.patterns.length === 0) return 'No files to check: give files, folders or globs after "check".';
  return options;
}

export function main(argv: readonly string[], cwd = process.cwd()): number {
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const options = parse(argv);
  if (typeof options === 'string') {
    process.stderr.write(`softmax-lens: ${options}\n\n${usage}\n`);
    return 2;
  }
  const errors: { path: string; message: string }[] = [];
  const { files, missing } = expandArguments(options.patterns, cwd, checkedEndings);
  for (const m of missing) errors.push({ path: m, message: 'no such file, and no file matches this pattern' });
  const reports: FileReport[] = [];
  for (const file of files) {
    const shown = path.relative(cwd, file) || file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      errors.push({ path: shown, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      continue;
    }
    const report = checkText(shown, text, languageOfPath(file));
    if (report.error !== undefined) {
      errors.push({ path: shown, message: report.error });
      continue;
    }
    if (options.fix && report.fixed !== undefined && report.fixed !== text) {
      try {
        fs.writeFileSync(file, report.fixed);
      } catch (e) {
        errors.push({ path: shown, message: `cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
        continue;
      }
    }
    reports.push(report);
  }
  const findings = reports.flatMap((r) => r.findings);
  // With --fix, a finding whose fix was written is reported as fixed and no longer fails the run.
  const remaining = findings.filter((f) => !(options.fix && f.fix !== undefined));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ findings: findings.map((f) => ({ ...f, fixed: options.fix && f.fix !== undefined })), errors }, null, 2)}\n`);
  } else {
    for (const f of findings) process.stdout.write(`${f.path}:${f.line}:${f.column}: ${options.fix && f.fix !== undefined ? 'fixed' : 'warning'}: ${f.message}\n`);
    for (const e of errors) process.stderr.write(`${e.path}: error: ${e.message}\n`);
  }
  if (errors.length > 0) return 2;
  return remaining.length > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
