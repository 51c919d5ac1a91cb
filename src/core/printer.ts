// What printed an output: the code just above a printed array (in a notebook saved as JSON, the cell's source
// after its outputs), followed through the names it shows back to the call that made the value.
import { Ch } from './charCodes';
import type { FoundArray } from './findArrays';
import { indexWithin, lineStartWithin } from './windows';

/** Lines of code looked at above a printed array, at most, and characters. */
const maxLines = 8;
const maxChars = 600;
/** How far a notebook's outputs are followed to the source of their cell. */
const notebookReach = 2000;

export interface Printed {
  /** The call whose value the array is: `softmax` for `print(softmax(x))`, or for `p = softmax(x)` … `p`. */
  readonly call?: string;
  /** The name the value was shown under: `probs` for `print(probs)`, `bpe_idx` for `print(r['bpe_idx'])`. */
  readonly name?: string;
}

/** Calls that show a value without changing it: the value shown is their first argument. */
const SHOWING = new Set(['print', 'println', 'printf', 'display', 'disp', 'repr', 'str', 'format', 'show', 'pprint', 'puts', 'writeln', 'echo', 'log']);
/** Calls that rearrange their first argument's numbers without changing what they are: `np.transpose(np.nonzero(x))`. */
const REARRANGING = new Set(['transpose', 'ravel', 'flatten', 'squeeze', 'reshape', 'list', 'tuple', 'array', 'asarray', 'tensor', 'stack', 'concatenate', 'hstack', 'vstack', 'column_stack']);
/** Methods that convert a value without changing its numbers: `probs.tolist()` shows `probs`. */
const CONVERSIONS = new Set(['tolist', 'numpy', 'cpu', 'detach', 'clone', 'to_vec1', 'to_vec2', 'to_vec3', 'to_vec', 'asnumpy', 'eval', 'get']);

/** A line of code as its value: what it assigns to, and the call or name it evaluates to. */
interface Line {
  assigned?: string;
  call?: string;
  name?: string;
}

/**
 * What printed `array`, or {} when nothing visible did. Reads the array's own line before it (`print(p)  # [...]`,
 * `softmax(x) = [...]`) and up to a few lines above it, stopping at a line that is another printed output.
 */
export function printedBy(text: string, array: FoundArray): Printed {
  const lineStart = lineStartWithin(text, array.start, 200);
  const own = ownLine(text.slice(lineStart, array.start));
  if (own !== undefined) return own.call !== undefined || own.name !== undefined ? own : {};
  const source = /^\s*"/.test(text.slice(lineStart, array.start)) ? notebookSource(text, array.end) : undefined;
  const lines = source ?? linesAbove(text, lineStart);
  let wanted: string | undefined;
  for (const raw of lines) {
    // Most arrays in a print-out follow another printed line: tell that before reading the line as code.
    if (source === undefined && startsOutput(raw)) break;
    const code = normalize(raw);
    if (code === '') continue;
    if (source === undefined && isOutput(code)) break;
    const line = parse(code);
    if (line === undefined) {
      // A prompt's line is code even when it reads as nothing known here: what it printed is unknown.
      if (/^\s*(?:>>>|In \[)/.test(raw)) break;
      continue;
    }
    if (wanted !== undefined) {
      if (line.assigned !== wanted) continue;
      if (line.call !== undefined) return { call: line.call, name: wanted };
      if (line.name === undefined) return { name: wanted };
      wanted = line.name;
      continue;
    }
    // An assignment prints nothing; the value printed is the expression a line evaluates to.
    if (line.assigned !== undefined) continue;
    if (line.call !== undefined) return { call: line.call };
    wanted = line.name;
  }
  return wanted === undefined ? {} : { name: wanted };
}

/**
 * The array's own line before it: a label that says what is printed (`y = softmax(x)  #`, `sin(theta) =`,
 * `print(p)  # `) gives its value; undefined when the line holds nothing before the array but a prompt, a comment
 * marker, a print's wrapper or other printed arrays, so the lines above decide.
 */
function ownLine(prefix: string): Printed | undefined {
  if (prefix.trim() === '') return undefined;
  // In prose, the code is what follows the last backtick: "the tutorial prints `softmax(x) = [...]`".
  const tick = prefix.lastIndexOf('`');
  const text = tick >= 0 && prefix.slice(tick + 1).trim() !== '' ? prefix.slice(tick + 1) : prefix.replace(/`\s*$/, '');
  const code = normalize(text.replace(/(?:\b(?:tensor|array|matrix|memmap)\(|[([])+\s*$/, ''))
    .replace(/(?:==?|:|#|\/\/|->|→|%)\s*$/, '')
    .trim();
  if (code === '') return undefined;
  const line = parse(code);
  if (line === undefined) return {};
  // `y = softmax(x)  # [...]`: the comment shows the value assigned; a tuple of prints, `(array([0, 1]), array(`, says nothing.
  const name = line.name ?? line.assigned;
  return line.call === undefined && name === undefined ? undefined : { call: line.call, name };
}

/** Up to maxLines lines above the array's line, nearest first, within maxChars. */
function* linesAbove(text: string, lineStart: number): Generator<string> {
  const floor = Math.max(0, lineStart - maxChars);
  let to = lineStart - 1;
  for (let count = 0; to > floor && count < maxLines; count++) {
    const from = lineStartWithin(text, to, to - floor);
    yield text.slice(from, to);
    to = from - 1;
  }
}

/** A printed line begins with a bracket or a digit (after blanks and a JSON string's quote): no code does. */
function startsOutput(line: string): boolean {
  let k = 0;
  while (k < line.length && (line.charCodeAt(k) === Ch.Space || line.charCodeAt(k) === Ch.Tab || line.charCodeAt(k) === Ch.Quote)) k++;
  const c = line.charCodeAt(k);
  if (c === Ch.LBracket) return true;
  return c >= Ch.Zero && c <= Ch.Nine;
}

/**
 * In a notebook saved as JSON, a cell's outputs come before its source: for an array inside `"outputs": [`, the
 * lines of the `"source": [` that follows, last first. Undefined when the array is not in a notebook's outputs.
 */
function notebookSource(text: string, end: number): string[] | undefined {
  const stop = Math.min(text.length, end + notebookReach);
  const source = indexWithin(text, '"source": [', end, stop);
  if (source < 0 || indexWithin(text, '"outputs": [', end, source) >= 0) return undefined;
  const close = indexWithin(text, '\n   ]', source, stop);
  const body = text.slice(source + 11, close < 0 ? stop : close);
  const lines = body
    .split('\n')
    .map((l) => l.trim().replace(/^"/, '').replace(/(?:\\n)?",?$/, '').replace(/\\"/g, '"'))
    .filter((l) => l !== '');
  return lines.reverse().slice(0, maxLines);
}

/** A line without its prompt (`>>>`, `...`, `In [3]:`, `julia>`), comment marker, quotes and trailing `;`. */
function normalize(line: string): string {
  let code = line.trim();
  for (let k = 0; k < 3; k++) code = code.replace(/^(?:["']|>>>|\.\.\.|In \[\d*\]:|julia>|>|#|\/\/|%|--)\s*/, '');
  // The end of a notebook's JSON string, `\n",`, and a statement's `;`.
  let end = code.length;
  for (let k = 0; k < 4 && end > 0; k++) {
    const c = code.charCodeAt(end - 1);
    if (c === Ch.Comma || c === Ch.Semicolon || c === Ch.Quote || c === Ch.Apostrophe || c === Ch.Space) end--;
    else if (c === Ch.LowerN && code.charCodeAt(end - 2) === Ch.Backslash) end -= 2;
    else break;
  }
  return code.slice(0, end).trim();
}

/** A printed output rather than code: it starts with a bracket, a number, or a print's wrapper around one. */
function isOutput(code: string): boolean {
  return /^(?:[[(]\s*[-+]?\.?\d|[[(]\s*\[|[-+]?\d|(?:tensor|array|matrix|Array\{[^}]*\}|Float\d+)\(?\s*\[)/.test(code);
}

/** `name = expr`, `expr`: undefined when the line does not read as code (prose, a fence, a heading). */
function parse(code: string): Line | undefined {
  const assignment = /^(?:(?:let|const|var|val|auto)\s+)?([A-Za-z_][\w.]*)\s*(?::[^=]*)?=(?!=)\s*(.*)$/.exec(code);
  if (assignment) {
    const value = valueOf(assignment[2]);
    return { assigned: assignment[1], ...value };
  }
  if (!/^(?:\(|[A-Za-z_][\w.]*(?:::<[^>]*>)?(?:\s*[([]|!\(|$))/.test(code)) return undefined;
  return valueOf(code);
}

/** What an expression evaluates to: the last call of its method chain (through shows and conversions), or a name. */
function valueOf(expression: string): { call?: string; name?: string } {
  let e = expression.trim();
  for (let hops = 0; hops < 4; hops++) {
    if (e.startsWith('(')) {
      // `(a > 3).nonzero()`: a method of a parenthesized value, or the value itself.
      const close = matching(e, 0);
      if (close < 0) return {};
      const chain = lastLink(e.slice(close + 1));
      if (chain !== undefined) return chain;
      e = e.slice(1, close).trim();
      continue;
    }
    const head = /^([A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)*)(?:::<[^>]*>)?(!?)/.exec(e);
    if (head === null) return {};
    const name = head[1];
    const after = e.slice(head[0].length).trimStart();
    if (after === '' || /^[?;,)]/.test(after)) return { name };
    if (after[0] === '[') {
      // `r['bpe_idx']` shows a value kept under a key; `probs[0]` a part of probs.
      const key = /^\[\s*["']([\w.]+)["']\s*\]/.exec(after);
      return { name: key ? key[1] : name };
    }
    if (after[0] !== '(') return {};
    const close = matching(after, 0);
    const last = name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':')) + 1);
    if (SHOWING.has(last) || (head[2] === '!' && MACROS.has(last))) {
      // On the array's own line the show may still be open: `assert_eq!(t.dims(), &[2, 3])`.
      e = firstArgument(after.slice(1, close < 0 ? after.length : close));
      continue;
    }
    if (close < 0) return {};
    const chained = lastLink(after.slice(close + 1));
    if (chained !== undefined) return chained;
    if (CONVERSIONS.has(last) && name.includes('.')) return valueOf(name.slice(0, name.lastIndexOf('.')));
    if (REARRANGING.has(last) && close > 1) {
      e = firstArgument(after.slice(1, close));
      continue;
    }
    return { call: name };
  }
  return {};
}

/** A method chain returns what its last call returns (`softmax(x).sum()` is a sum); conversions keep the value. */
function lastLink(rest: string): { call: string } | undefined {
  let found: { call: string } | undefined;
  for (let links = 0; links < 8; links++) {
    const link = /^\s*\??\s*\.\s*([A-Za-z_$][\w$]*)(?:::<[^>]*>)?\s*\(/.exec(rest);
    if (link === null) break;
    const close = matching(rest, link[0].length - 1);
    if (close < 0) break;
    if (!CONVERSIONS.has(link[1])) found = { call: link[1] };
    rest = rest.slice(close + 1);
  }
  return found;
}

/** Macros that show or compare their first argument: `assert_eq!(t.dims(), &[2, 3])`. */
const MACROS = new Set(['assert_eq', 'assert_ne', 'println', 'print', 'dbg']);

/** The index of the bracket closing the one at `open`, or -1. */
function matching(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === Ch.LParen || c === Ch.LBracket || c === Ch.LBrace) depth++;
    else if ((c === Ch.RParen || c === Ch.RBracket || c === Ch.RBrace) && --depth === 0) return k;
  }
  return -1;
}

/** The first argument of an argument list (up to a comma outside brackets). */
function firstArgument(args: string): string {
  let depth = 0;
  for (let k = 0; k < args.length; k++) {
    const c = args.charCodeAt(k);
    if (c === Ch.LParen || c === Ch.LBracket || c === Ch.LBrace) depth++;
    else if (c === Ch.RParen || c === Ch.RBracket || c === Ch.RBrace) depth--;
    else if (c === Ch.Comma && depth === 0) return args.slice(0, k);
  }
  return args;
}
