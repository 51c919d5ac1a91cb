// The files the command line was given: paths, folders (searched for the endings prints are written in) and
// globs (`docs/**/*.md`, `*.ipynb`), expanded without a shell, in a stable order.
import * as fs from 'fs';
import * as path from 'path';

/** Folders never searched: dependencies, builds, version control. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.venv', 'venv', '__pycache__', '.ipynb_checkpoints', '.vscode-test']);

/** A glob as a regular expression over `/`-separated paths: `**` any folders, `*` and `?` within one name. */
function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function* walk(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED.has(e.name)) yield* walk(full);
    } else if (e.isFile()) yield full;
  }
}

/** Every file the arguments name, once each; `missing` holds the arguments that name nothing. */
export function expandArguments(args: readonly string[], cwd: string, endings: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    if (!/[*?]/.test(arg)) {
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(full);
      } catch {
        stat = undefined;
      }
      if (stat?.isDirectory()) {
        for (const f of walk(full)) if (endings.some((e) => f.toLowerCase().endsWith(e))) add(f);
      } else {
        // A file that does not exist is read anyway, so its error names it.
        add(full);
      }
      continue;
    }
    const normalized = arg.split(path.sep).join('/');
    const fixed = normalized.split('/');
    const firstGlob = fixed.findIndex((p) => /[*?]/.test(p));
    const base = path.resolve(cwd, fixed.slice(0, firstGlob).join('/') || '.');
    const re = globRegExp(fixed.slice(firstGlob).join('/'));
    let matched = false;
    for (const f of walk(base)) {
      if (re.test(path.relative(base, f).split(path.sep).join('/'))) {
        add(f);
        matched = true;
      }
    }
    if (!matched) missing.push(arg);
  }
  return { files, missing };
}
