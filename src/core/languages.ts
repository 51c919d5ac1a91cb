// One table of what each language changes: the rules arrays are found by in it, how a line of its own is
// commented out there (Insert Below), how an array is written in it (Copy), and the file endings that name it (the CLI).
import { GENERIC, profiles, type Profile } from './arrays/profile';
import type { ExportSyntax } from './format';

/** How a line of its own is kept out of the code: a line comment, a block comment, or not at all (a plain line). */
export type Commenting =
  | { readonly line: string }
  | { readonly block: readonly [open: string, close: string] }
  /** The language has no comments, so a line of its own would break the file; the name says so to the person. */
  | { readonly none: string }
  | undefined;

export interface LanguageFacts {
  readonly profile: Profile;
  readonly commenting: Commenting;
  readonly syntax: ExportSyntax;
}

const hash = { line: '#' };
const slashes = { line: '//' };
const percent = { line: '%' };
const dashes = { line: '--' };
const semicolons = { line: ';;' };
const markup = { block: ['<!--', '-->'] } as const;

/** Each row: VS Code language ids (and Markdown fence words), then the facts they share, then file endings. */
const TABLE: readonly [ids: readonly string[], facts: LanguageFacts, endings?: readonly string[]][] = [
  [['python'], { profile: profiles.python, commenting: hash, syntax: 'python' }, ['.py', '.pyi']],
  [['py', 'ipython', 'cython'], { profile: profiles.python, commenting: hash, syntax: 'python' }],
  [['jupyter'], { profile: profiles.python, commenting: hash, syntax: 'json' }, ['.ipynb']],
  [['markdown', 'md'], { profile: profiles.markdown, commenting: undefined, syntax: 'python' }, ['.md', '.markdown']],
  [['javascript', 'javascriptreact', 'js', 'jsx'], { profile: profiles.jsLike, commenting: slashes, syntax: 'javascript' }, ['.js']],
  [['typescript', 'typescriptreact', 'ts', 'tsx'], { profile: profiles.jsLike, commenting: slashes, syntax: 'javascript' }, ['.ts']],
  [['json'], { profile: profiles.jsLike, commenting: { none: 'JSON' }, syntax: 'json' }, ['.json']],
  [['jsonl'], { profile: profiles.jsLike, commenting: { none: 'JSON Lines' }, syntax: 'json' }],
  [['jsonc'], { profile: profiles.jsLike, commenting: slashes, syntax: 'json' }],
  [['json5'], { profile: profiles.jsLike, commenting: undefined, syntax: 'json' }],
  [['swift'], { profile: profiles.jsLike, commenting: slashes, syntax: 'json' }, ['.swift']],
  [['scala'], { profile: profiles.jsLike, commenting: slashes, syntax: 'json' }, ['.scala']],
  [['dart', 'groovy', 'zig'], { profile: profiles.jsLike, commenting: slashes, syntax: 'json' }],
  [['kotlin'], { profile: profiles.jsLike, commenting: slashes, syntax: 'kotlin' }, ['.kt']],
  [['rust', 'rs'], { profile: profiles.jsLike, commenting: slashes, syntax: 'rust' }, ['.rs']],
  [['php'], { profile: profiles.php, commenting: slashes, syntax: 'json' }],
  [['c'], { profile: profiles.cLike, commenting: slashes, syntax: 'c' }, ['.c', '.h']],
  [['cpp', 'c++', 'cuda-cpp', 'cuda'], { profile: profiles.cLike, commenting: slashes, syntax: 'c' }, ['.cpp', '.cc']],
  // A `.m` file VS Code calls Objective-C may be MATLAB (see dialect.ts), where braces make a cell array.
  [['objective-c', 'objective-cpp'], { profile: profiles.cLike, commenting: slashes, syntax: 'json' }],
  [['java'], { profile: profiles.cLike, commenting: slashes, syntax: 'java' }, ['.java']],
  [['csharp', 'cs', 'c#'], { profile: profiles.cLike, commenting: slashes, syntax: 'csharp' }],
  [['go', 'golang'], { profile: profiles.cLike, commenting: slashes, syntax: 'go' }, ['.go']],
  [['glsl', 'hlsl', 'wgsl'], { profile: profiles.cLike, commenting: slashes, syntax: 'json' }],
  [['metal', 'd'], { profile: profiles.cLike, commenting: undefined, syntax: 'json' }],
  [['matlab'], { profile: profiles.matlab, commenting: percent, syntax: 'matlab' }, ['.m']],
  [['octave'], { profile: profiles.octave, commenting: percent, syntax: 'matlab' }],
  [['scilab'], { profile: profiles.matlab, commenting: undefined, syntax: 'json' }],
  [['julia', 'jl'], { profile: profiles.julia, commenting: hash, syntax: 'julia' }, ['.jl']],
  [['r'], { profile: profiles.r, commenting: hash, syntax: 'r' }, ['.r']],
  // R Markdown is prose around R chunks: a `#` line there would be a heading.
  [['rmd'], { profile: profiles.r, commenting: undefined, syntax: 'json' }, ['.rmd']],
  [['latex', 'tex'], { profile: profiles.tex, commenting: percent, syntax: 'latex' }, ['.tex']],
  [['bibtex'], { profile: profiles.tex, commenting: percent, syntax: 'json' }],
  [['context'], { profile: profiles.tex, commenting: undefined, syntax: 'json' }],
  [['lua'], { profile: profiles.lua, commenting: dashes, syntax: 'json' }, ['.lua']],
  [['sql', 'haskell', 'elm'], { profile: profiles.dash, commenting: dashes, syntax: 'json' }],
  [['wolfram', 'mathematica'], { profile: profiles.wolfram, commenting: undefined, syntax: 'json' }],
  [['shellscript', 'bash', 'sh'], { profile: profiles.hash, commenting: hash, syntax: 'json' }, ['.sh']],
  [['yaml'], { profile: profiles.hash, commenting: hash, syntax: 'json' }, ['.yaml', '.yml']],
  [['toml'], { profile: profiles.hash, commenting: hash, syntax: 'json' }, ['.toml']],
  [['ruby', 'perl', 'makefile', 'dockerfile', 'powershell', 'elixir', 'nim', 'crystal', 'coffeescript'],
    { profile: profiles.hash, commenting: hash, syntax: 'json' }],
  [['cmake'], { profile: GENERIC, commenting: hash, syntax: 'json' }],
  [['fsharp', 'proto', 'vue', 'svelte'], { profile: GENERIC, commenting: slashes, syntax: 'json' }],
  [['erlang'], { profile: GENERIC, commenting: percent, syntax: 'json' }],
  [['ada'], { profile: GENERIC, commenting: dashes, syntax: 'json' }],
  [['clojure', 'lisp', 'scheme'], { profile: GENERIC, commenting: semicolons, syntax: 'json' }],
  [['css'], { profile: GENERIC, commenting: { block: ['/*', '*/'] }, syntax: 'json' }],
  [['html'], { profile: GENERIC, commenting: markup, syntax: 'json' }, ['.html', '.htm']],
  [['xml', 'xsl', 'svg'], { profile: GENERIC, commenting: markup, syntax: 'json' }],
  [['mdx'], { profile: GENERIC, commenting: undefined, syntax: 'json' }, ['.mdx']],
  [['quarto'], { profile: GENERIC, commenting: undefined, syntax: 'json' }, ['.qmd']],
  [['restructuredtext'], { profile: GENERIC, commenting: undefined, syntax: 'json' }, ['.rst']],
];

/** Plain text and languages the table does not name: every common comment marker, a plain line, JSON. */
const UNKNOWN: LanguageFacts = { profile: GENERIC, commenting: undefined, syntax: 'json' };

const BY_ID = new Map<string, LanguageFacts>();
const BY_ENDING = new Map<string, string>([['.txt', 'plaintext']]);
for (const [ids, facts, endings] of TABLE) {
  for (const id of ids) BY_ID.set(id, facts);
  for (const ending of endings ?? []) BY_ENDING.set(ending, ids[0]);
}

/** What a VS Code language id (or a Markdown fence's info word, any case) changes; unknown ids get plain text's. */
export function languageFacts(languageId: string | undefined): LanguageFacts {
  return (languageId !== undefined && BY_ID.get(languageId.toLowerCase())) || UNKNOWN;
}

/** The rules for finding arrays in a language. */
export function profileFor(languageId: string | undefined): Profile {
  return languageFacts(languageId).profile;
}

/** The syntax Copy writes an array in for a language: its own where it has one the README lists, else JSON. */
export function exportSyntaxFor(languageId: string): ExportSyntax {
  return languageFacts(languageId).syntax;
}

/** The language id of a file path by its ending (`docs/intro.md` → `markdown`); `plaintext` when unknown. */
export function languageOfPath(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return (dot > 0 && BY_ENDING.get(name.slice(dot))) || 'plaintext';
}

/** The endings a directory given to the CLI is searched for: where prints of arrays are written. */
export const checkedEndings: readonly string[] = ['.md', '.markdown', '.mdx', '.qmd', '.rmd', '.ipynb', '.py', '.rst', '.txt', '.tex'];
