// What a language changes about finding arrays: its comment markers, whether braces are array
// initializers, whether `;` and new lines separate matrix rows, and a few literal spellings.

export interface Profile {
  /** `#` starts a line comment. */
  readonly hash: boolean;
  /** `//` and `/* *\/` are comments. */
  readonly slash: boolean;
  /** `%` starts a line comment (MATLAB, LaTeX). */
  readonly percent: boolean;
  /** `--` starts a line comment (Lua, SQL, Haskell). */
  readonly dash: boolean;
  /** `{1, 2}` is an array initializer (C family, Go, Lua); elsewhere braces are blocks, objects or sets. */
  readonly braces: boolean;
  /** `;` separates matrix rows inside `[...]` (MATLAB, Julia, generic text). */
  readonly semicolonRows: boolean;
  /** A new line after a number ends a matrix row inside `[...]` (MATLAB, Julia). */
  readonly newlineRows: boolean;
  /** `1f0` is Julia's Float32 exponent, not a C suffix. */
  readonly juliaFloat: boolean;
  /** `...` continues the line (MATLAB) instead of eliding elements (numpy print-outs). */
  readonly ellipsisContinues: boolean;
  /** `c(1, 2)` is R's vector constructor. */
  readonly rVectors: boolean;
  /** Fenced code blocks switch to the profile of their info string (Markdown). */
  readonly fences: boolean;
  /** `$` opens math (Markdown, LaTeX), so `$[0, 1]$` is an array, not a subscript of a name ending in `$`. */
  readonly dollarMath: boolean;
  /** The text is JSON whose string lists hold printed lines (a notebook's): `\n",` then `"` joins two lines. */
  readonly jsonStrings: boolean;
}

const BASE: Profile = {
  hash: false, slash: false, percent: false, dash: false, braces: false, semicolonRows: false,
  newlineRows: false, juliaFloat: false, ellipsisContinues: false, rVectors: false, fences: false, dollarMath: false,
  jsonStrings: false,
};

const python: Profile = { ...BASE, hash: true };
const cLike: Profile = { ...BASE, slash: true, braces: true };
const jsLike: Profile = { ...BASE, slash: true };
const matlab: Profile = { ...BASE, percent: true, semicolonRows: true, newlineRows: true, ellipsisContinues: true };
const octave: Profile = { ...matlab, hash: true };
const julia: Profile = { ...BASE, hash: true, semicolonRows: true, newlineRows: true, juliaFloat: true };
const r: Profile = { ...BASE, hash: true, rVectors: true };
const tex: Profile = { ...BASE, percent: true, dollarMath: true };
const dashLang: Profile = { ...BASE, dash: true, braces: true };
const hashLang: Profile = { ...BASE, hash: true };
/** Unknown languages and plain text: every common comment marker, braces and `;` rows allowed. */
export const GENERIC: Profile = { ...BASE, hash: true, slash: true, braces: true, semicolonRows: true, rVectors: true };
const markdown: Profile = { ...GENERIC, hash: false, slash: false, fences: true, dollarMath: true };

const BY_LANGUAGE = new Map<string, Profile>([
  ['python', python], ['py', python], ['jupyter', python], ['ipython', python], ['cython', python],
  ['javascript', jsLike], ['typescript', jsLike], ['javascriptreact', jsLike], ['typescriptreact', jsLike],
  ['js', jsLike], ['ts', jsLike], ['jsx', jsLike], ['tsx', jsLike], ['json', jsLike], ['jsonc', jsLike],
  ['jsonl', jsLike], ['json5', jsLike], ['swift', jsLike], ['kotlin', jsLike], ['scala', jsLike], ['dart', jsLike],
  ['php', { ...jsLike, hash: true }], ['rust', jsLike], ['rs', jsLike], ['zig', jsLike], ['groovy', jsLike],
  ['c', cLike], ['cpp', cLike], ['c++', cLike], ['cuda-cpp', cLike], ['cuda', cLike], ['objective-c', cLike],
  ['objective-cpp', cLike], ['java', cLike], ['csharp', cLike], ['cs', cLike], ['c#', cLike], ['go', cLike],
  ['golang', cLike], ['glsl', cLike], ['hlsl', cLike], ['wgsl', cLike], ['metal', cLike], ['d', cLike],
  ['matlab', matlab], ['octave', octave], ['scilab', matlab], ['julia', julia], ['jl', julia],
  ['r', r], ['rmd', r], ['latex', tex], ['tex', tex], ['bibtex', tex], ['context', tex],
  ['lua', dashLang], ['sql', { ...BASE, dash: true }], ['haskell', { ...BASE, dash: true }],
  ['elm', { ...BASE, dash: true }], ['wolfram', { ...BASE, braces: true }], ['mathematica', { ...BASE, braces: true }],
  ['shellscript', hashLang], ['bash', hashLang], ['sh', hashLang], ['ruby', hashLang], ['perl', hashLang],
  ['yaml', hashLang], ['toml', hashLang], ['makefile', hashLang], ['dockerfile', hashLang],
  ['powershell', hashLang], ['elixir', hashLang], ['nim', hashLang], ['crystal', hashLang],
  ['coffeescript', hashLang], ['markdown', markdown], ['md', markdown],
]);

/** The rules for a VS Code language id (or a Markdown fence's info word); unknown ids get the generic rules. */
export function profileFor(languageId: string | undefined): Profile {
  return (languageId !== undefined && BY_LANGUAGE.get(languageId.toLowerCase())) || GENERIC;
}
