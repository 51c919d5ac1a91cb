// What a language changes about finding arrays: its comment markers, whether braces are array
// initializers, whether `;` and new lines separate matrix rows, and a few literal spellings. Which language
// follows which rules is in the table of `src/core/languages.ts`.

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

/** Unknown languages and plain text: every common comment marker, braces and `;` rows allowed. */
export const GENERIC: Profile = { ...BASE, hash: true, slash: true, braces: true, semicolonRows: true, rVectors: true };

/** The rule sets languages share; `languages.ts` says which language follows which. */
export const profiles = {
  python: { ...BASE, hash: true },
  cLike: { ...BASE, slash: true, braces: true },
  jsLike: { ...BASE, slash: true },
  php: { ...BASE, slash: true, hash: true },
  matlab: { ...BASE, percent: true, semicolonRows: true, newlineRows: true, ellipsisContinues: true },
  octave: { ...BASE, hash: true, percent: true, semicolonRows: true, newlineRows: true, ellipsisContinues: true },
  julia: { ...BASE, hash: true, semicolonRows: true, newlineRows: true, juliaFloat: true },
  r: { ...BASE, hash: true, rVectors: true },
  tex: { ...BASE, percent: true, dollarMath: true },
  lua: { ...BASE, dash: true, braces: true },
  dash: { ...BASE, dash: true },
  wolfram: { ...BASE, braces: true },
  hash: { ...BASE, hash: true },
  generic: GENERIC,
  markdown: { ...GENERIC, hash: false, slash: false, fences: true, dollarMath: true },
} as const satisfies Record<string, Profile>;
