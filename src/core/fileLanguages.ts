// The VS Code language of a file from its name, for tools that read files without an editor to say (the CLI).

/** File endings and the language VS Code gives them; anything else is plain text. */
const BY_ENDING = new Map<string, string>([
  ['.md', 'markdown'], ['.markdown', 'markdown'], ['.mdx', 'mdx'], ['.qmd', 'quarto'], ['.rmd', 'rmd'],
  ['.py', 'python'], ['.pyi', 'python'], ['.ipynb', 'jupyter'], ['.rst', 'restructuredtext'], ['.txt', 'plaintext'],
  ['.tex', 'latex'], ['.jl', 'julia'], ['.r', 'r'], ['.m', 'matlab'], ['.js', 'javascript'], ['.ts', 'typescript'],
  ['.json', 'json'], ['.html', 'html'], ['.htm', 'html'], ['.c', 'c'], ['.h', 'c'], ['.cpp', 'cpp'], ['.cc', 'cpp'],
  ['.go', 'go'], ['.rs', 'rust'], ['.java', 'java'], ['.kt', 'kotlin'], ['.scala', 'scala'], ['.swift', 'swift'],
  ['.lua', 'lua'], ['.sh', 'shellscript'], ['.yaml', 'yaml'], ['.yml', 'yaml'], ['.toml', 'toml'],
]);

/** The language id of a file path by its ending (`docs/intro.md` → `markdown`); `plaintext` when unknown. */
export function languageOfPath(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return (dot > 0 && BY_ENDING.get(name.slice(dot))) || 'plaintext';
}

/** The endings a directory given to the CLI is searched for: where prints of arrays are written. */
export const checkedEndings: readonly string[] = ['.md', '.markdown', '.mdx', '.qmd', '.rmd', '.ipynb', '.py', '.rst', '.txt', '.tex'];
