// What a reader sees around an array, read from bounded windows of the text (never the whole document): the
// name it is bound to, the call it is passed to, the words before it, what follows it on its line, a print's
// grad_fn and what its line says. What printed it is ./printer's.
import { Ch } from './charCodes';
import { boundedIndexOf } from './arrays/content';
import { isIdentChar } from './arrays/numbers';
import type { FoundArray } from './findArrays';
import { lastIndexWithin, lineEndWithin, lineStartWithin } from './windows';

/** How far back the name, call or words before an array are looked for. */
const backLimit = 240;
/** How far after an array its print's `grad_fn=<…>` and the rest of its line are looked at. */
const forwardLimit = 160;

/** What binds an array: the name it is given, the call it is passed to, or the subscript it indexes. */
export interface Binding {
  /** The variable, keyword argument or key the array is bound to: `logits = [`, `axis=[`, `"probs": [`, `w[] = {`, `x <- c(`. */
  name?: string;
  /** The call the array is an argument of, seen through tensor constructors: `torch.Size([` → `torch.Size`. */
  callee?: string;
  /** Which argument of `callee` it is, 0 for the first. */
  argument: number;
  /** The array is a list of indices inside a subscript: `df.iloc[0:4, [0, 1]]`. */
  inSubscript: boolean;
  /** The tensor constructor around the array, innermost: `torch.LongTensor` in `torch.LongTensor([0, 2])`. */
  wrapper?: string;
  /** Where the text that binds the array starts: the words before it are the array's own words before. */
  contextStart: number;
}

/** Calls that build a tensor from a list without changing what its numbers are: seen through to their own context. */
const CONSTRUCTORS = new Set([
  'array', 'asarray', 'tensor', 'as_tensor', 'Tensor', 'FloatTensor', 'DoubleTensor', 'LongTensor', 'IntTensor',
  'HalfTensor', 'BoolTensor', 'ByteTensor', 'constant', 'convert_to_tensor', 'Variable', 'Parameter', 'matrix',
  'mat', 'from', 'of', 'Array', 'list', 'tuple', 'vector', 'double', 'single', 'float32', 'float64', 'memmap',
  'masked_array', 'from_numpy', 'Float32Array', 'Float64Array', 'r_', 'c_',
]);

/** Words before a bracket that are not a name calling or indexing it: `in [`, `return (`, `if (`. */
const KEYWORDS = new Set(['in', 'not', 'and', 'or', 'is', 'return', 'yield', 'if', 'elif', 'else', 'for', 'while', 'assert', 'await', 'case', 'of', 'print', 'then', 'do']);

/** The name `array` is bound to in `text` (`logits = [`, `"probs": [`, `x <- c(`), as the roles read it. */
export function nameBoundTo(text: string, array: FoundArray): string | undefined {
  return bindingOf(text, array).name;
}

/** What binds `array` in `text`, read back from its start over at most a few hundred characters. */
export function bindingOf(text: string, array: FoundArray): Binding {
  const b: Binding = { argument: 0, inSubscript: false, contextStart: array.start };
  const floor = Math.max(0, array.start - backLimit);
  b.contextStart = readBefore(text, array.start, floor, b, text.charCodeAt(array.start));
  return b;
}

/**
 * In an unpacking that starts a statement, `style, content = [0, 5], [25]`, the first array goes to the first name:
 * that name, when the name at `from` is the last of such a list; undefined otherwise (`f(a, axis=[0, 1])`).
 */
function unpackedFirst(text: string, from: number, floor: number): string | undefined {
  let first: string | undefined;
  let at = from;
  for (let hops = 0; hops < 8; hops++) {
    const comma = skipSpacesBack(text, at, floor);
    if (text.charCodeAt(comma - 1) !== Ch.Comma) break;
    const end = skipSpacesBack(text, comma - 1, floor);
    const start = nameStart(text, end, floor);
    if (start === end) return undefined;
    at = start;
    first = text.slice(start, end);
  }
  if (first === undefined) return undefined;
  const before = text.charCodeAt(skipSpacesBack(text, at, floor) - 1);
  // The statement starts at a line start, a quote (a notebook's JSON source line) or a prompt's `>`.
  return before !== before || before === Ch.Newline || before === Ch.Quote || before === Ch.Gt ? first : undefined;
}

/**
 * Up to three words right before `at` on its line, lower-cased, nearest last, with code and math marks dropped;
 * and the text itself (for words of languages written without spaces, such as `位于`).
 */
export function wordsBefore(text: string, at: number): { words: string[]; prefix: string } {
  // Most arrays follow a bracket, a comma, an operator or a line start: no word at all, and nothing to read.
  let k = at;
  while (k > 0 && k > at - 8 && /[\s`$*"'(（：:]/u.test(text[k - 1])) k--;
  const c = text.charCodeAt(k - 1);
  if (k === 0 || !(isNameChar(c) || c === Ch.Backslash || c === Ch.ElementOf)) return { words: [], prefix: '' };
  const prefix = text.slice(lineStartWithin(text, at, 48), at).replace(/[\s`$*"'(（：:]+$/u, '');
  const words = prefix.split(/[\s`$*"'()]+/).slice(-3).map((w) => w.toLowerCase()).filter((w) => w !== '');
  return { words, prefix };
}

function isBlank(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === Ch.Newline || c === Ch.Cr || c === Ch.NoBreakSpace;
}

function skipBlanksBack(text: string, p: number, floor: number): number {
  while (p > floor && isBlank(text.charCodeAt(p - 1))) p--;
  return p;
}

/** Back over spaces and tabs only: a name that calls or binds a bracket is on the bracket's line. */
function skipSpacesBack(text: string, p: number, floor: number): number {
  while (p > floor && (text.charCodeAt(p - 1) === Ch.Space || text.charCodeAt(p - 1) === Ch.Tab)) p--;
  return p;
}

function isNameChar(c: number): boolean {
  return isIdentChar(c) || (c >= 0x80 && c !== Ch.NoBreakSpace && c !== Ch.IdeographicSpace && !isPunctuation(c));
}

function isPunctuation(c: number): boolean {
  // CJK and full-width punctuation, and ∈ and the like: not part of a name.
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff65) || (c >= 0x2000 && c <= 0x2bff);
}

/** The start of the dotted name (`torch.nn.functional.softmax`, `torch::randn`, `x$view`) ending at `p`. */
function nameStart(text: string, p: number, floor: number): number {
  let k = p;
  while (k > floor) {
    const c = text.charCodeAt(k - 1);
    if (isNameChar(c)) k--;
    else if (c === Ch.Dot && k - 1 > floor && isNameChar(text.charCodeAt(k - 2))) k--;
    else if (c === Ch.Colon && text.charCodeAt(k - 2) === Ch.Colon && isNameChar(text.charCodeAt(k - 3))) k -= 2;
    else break;
  }
  return k;
}

/**
 * The name right before `q` that calls or indexes a bracket there: '' for none, a keyword or a lone `$`. A method of
 * a call's result keeps its dot, `.permute` in `torch.randn(3, 4).permute([1, 0])`, so it reads as a method.
 */
function callerBefore(text: string, q: number, floor: number): { name: string; from: number } {
  let from = nameStart(text, q, floor);
  let name = text.slice(from, q);
  if (name === '' || KEYWORDS.has(name) || !/[A-Za-z0-9_\u0080-\uffff]/.test(name)) return { name: '', from: q };
  if (text.charCodeAt(from - 1) === Ch.Dot) {
    from--;
    name = `.${name}`;
  }
  return { name, from };
}

/**
 * Walks back from the literal's start through constructors, type prefixes and brackets to what binds the array;
 * returns where its context starts (the words before that position are the array's).
 */
function readBefore(text: string, start: number, floor: number, s: Binding, opener: number): number {
  let p = skipBlanksBack(text, start, floor);
  for (let hops = 0; hops < 8 && p > floor; hops++) {
    const c = text.charCodeAt(p - 1);
    if (c === Ch.Ampersand) {
      // Rust's `&[...]`.
      p = skipBlanksBack(text, p - 1, floor);
      continue;
    }
    // `$[0, 1]$` is math in prose (the only place a `$[` is reported), not a name's subscript.
    if (isNameChar(c) && c !== Ch.Dollar && p === start && (opener === Ch.LBracket || opener === Ch.LBrace)) {
      // A type written against the literal: Julia's `Float32[`, Go's `[]float64{`, Rust's `vec![` lands here after `!`.
      p = nameStart(text, p, floor);
      if (text.charCodeAt(p - 1) === Ch.RBracket && text.charCodeAt(p - 2) === Ch.LBracket) p -= 2;
      p = skipBlanksBack(text, p, floor);
      continue;
    }
    if (c === Ch.Bang && p === start) {
      p = skipBlanksBack(text, nameStart(text, p - 1, floor), floor);
      continue;
    }
    if (c === Ch.LParen) {
      const { name: callee, from } = callerBefore(text, skipSpacesBack(text, p - 1, floor), floor);
      // A group or tuple, `([1, 2], …)`, and a constructor, `np.array([…])`: the array's context is theirs.
      if (callee === '' || CONSTRUCTORS.has(lastSegment(callee))) {
        if (callee !== '') s.wrapper ??= callee;
        p = skipBlanksBack(text, from, floor);
        continue;
      }
      s.callee = callee;
      s.argument = 0;
      return from;
    }
    if (c === Ch.Comma) return enclosing(text, p - 1, floor, s, 1);
    if (c === Ch.LBracket) {
      const q = skipSpacesBack(text, p - 1, floor);
      const { name, from } = callerBefore(text, q, floor);
      if (name !== '' && !CONSTRUCTORS.has(lastSegment(name))) {
        s.inSubscript = true;
        return from;
      }
      p = skipBlanksBack(text, from, floor);
      continue;
    }
    const keyword = text.slice(nameStart(text, p, floor), p);
    if (keyword === 'new' || keyword === 'await') {
      // `new Float64Array([...])`: the keyword before a constructor binds nothing.
      p = skipBlanksBack(text, p - keyword.length, floor);
      continue;
    }
    readBinding(text, p, floor, s);
    return p;
  }
  return p;
}

/**
 * The array follows a comma or an open bracket inside a bracket opened before it: find that bracket, count the
 * arguments before the array, and read what binds the bracket.
 */
function enclosing(text: string, p: number, floor: number, s: Binding, commas: number): number {
  let depth = 0;
  let quote = 0;
  for (let k = p - 1; k >= floor; k--) {
    const c = text.charCodeAt(k);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === Ch.Quote || c === Ch.Apostrophe) quote = c;
    else if (c === Ch.RParen || c === Ch.RBracket || c === Ch.RBrace) depth++;
    else if (c === Ch.LParen || c === Ch.LBracket || c === Ch.LBrace) {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (c === Ch.LBrace) return k;
      const { name, from } = callerBefore(text, skipSpacesBack(text, k, floor), floor);
      if (c === Ch.LBracket) {
        if (name === '' || CONSTRUCTORS.has(lastSegment(name))) return readBefore(text, k, floor, s, c);
        s.inSubscript = true;
        return from;
      }
      if (name === '' || CONSTRUCTORS.has(lastSegment(name))) return readBefore(text, k, floor, s, c);
      s.callee = name;
      s.argument = commas;
      return from;
    } else if (c === Ch.Comma && depth === 0) commas++;
    else if (c === Ch.Equals && depth === 0 && isAssignment(text, k)) {
      // Unpacking, `sizes, channels = [3, 4, 5], [100, 100, 100]`: the name in the same place on the left.
      const names = text.slice(lineStartWithin(text, k, 120), k).split(',').map((n) => n.trim());
      const name = names[commas];
      if (name !== undefined && /^[A-Za-z_][\w.]*$/.test(name)) s.name = name;
      return k;
    } else if ((c === Ch.Newline && text.charCodeAt(k - 1) === Ch.Newline) || c === Ch.Semicolon) return p;
  }
  return p;
}

/** `=` at k binds (not `==`, `!=`, `<=`, `>=`, `=>`). */
function isAssignment(text: string, k: number): boolean {
  const before = text.charCodeAt(k - 1);
  const after = text.charCodeAt(k + 1);
  return after !== Ch.Equals && after !== Ch.Gt && before !== Ch.Equals && before !== Ch.Bang && before !== Ch.Lt && before !== Ch.Gt;
}

/** `name =`, `name :=`, `name <-`, `"name":`, `name:` and `type name[] =` before p. */
function readBinding(text: string, p: number, floor: number, s: Binding): void {
  const c = text.charCodeAt(p - 1);
  let q: number;
  if (c === Ch.Equals) {
    const b = text.charCodeAt(p - 2);
    // `!=`, `<=`, `>=` and arrows are not bindings; `+=`, `:=` and a test for equality (`x.shape == [2, 3]`) are.
    if (b === Ch.Bang || b === Ch.Lt || b === Ch.Gt) return;
    q = p - (b === Ch.Colon || b === Ch.Plus || b === Ch.Minus || b === Ch.Star || b === Ch.Equals ? 2 : 1);
  } else if (c === Ch.Minus && text.charCodeAt(p - 2) === Ch.Lt) {
    q = p - 2;
  } else if (c === Ch.Colon) {
    q = p - 1;
  } else {
    return;
  }
  q = skipSpacesBack(text, q, floor);
  const quote = text.charCodeAt(q - 1);
  if (quote === Ch.Quote || quote === Ch.Apostrophe) {
    const open = lastIndexWithin(text, quote, q - 2, Math.max(floor, q - 50));
    if (open >= 0) s.name = text.slice(open + 1, q - 1);
    return;
  }
  if (text.charCodeAt(q - 1) === Ch.RBracket) {
    // C's `float w[3] = {`, TypeScript's `x: number[] = [`.
    const open = lastIndexWithin(text, 91, q - 1, Math.max(floor, q - 12));
    if (open < 0) return;
    q = skipSpacesBack(text, open, floor);
    // Rust's `scores: [f64; 3] = [`: the name is before the type.
    if (text.charCodeAt(q - 1) === Ch.Colon && text.charCodeAt(q - 2) !== Ch.Colon) q = skipSpacesBack(text, q - 1, floor);
  }
  const from = nameStart(text, q, floor);
  if (from === q) return;
  const name = unpackedFirst(text, from, floor) ?? text.slice(from, q);
  // TypeScript's `x: number[] = [`: the name is before the annotation.
  const colon = skipBlanksBack(text, from, floor);
  if (c === Ch.Equals && text.charCodeAt(colon - 1) === Ch.Colon && text.charCodeAt(colon - 2) !== Ch.Colon) {
    const at = skipBlanksBack(text, colon - 1, floor);
    const typed = nameStart(text, at, floor);
    if (typed < at) {
      s.name = text.slice(typed, at);
      return;
    }
  }
  s.name = name;
}

/** The `SoftmaxBackward0` of a torch print's `grad_fn=<SoftmaxBackward0>` after the array, within the same print. */
export function gradFnAfter(text: string, end: number): string | undefined {
  const stop = Math.min(text.length, end + forwardLimit);
  let depth = 0;
  let last = 0;
  for (let k = end; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c === Ch.Newline || c === Ch.Cr) {
      // A long torch print carries on with its grad_fn on the next line, after a comma.
      if (depth === 0 && last !== Ch.Comma) return undefined;
      continue;
    }
    if (!isBlank(c)) last = c;
    if (c === Ch.LParen || c === Ch.LBracket) depth++;
    else if (c === Ch.RParen || c === Ch.RBracket) {
      // The print that holds the array ends here.
      if (depth === 0) return undefined;
      depth--;
    } else if (c === Ch.Lt && text.startsWith('grad_fn=<', k - 8)) {
      const close = boundedIndexOf(text, 62, k, 48);
      return close > k ? text.slice(k + 1, close) : undefined;
    }
  }
  return undefined;
}

/** Words in the prose around an array that say what it holds, log-probabilities first (they contain the others). */
const MENTIONS: [RegExp, 'probabilities' | 'logProbabilities'][] = [
  [/log[-_ ]?softmax|log[-_ ]?probabilit(?:y|ies)|对数概率/i, 'logProbabilities'],
  [/softmax(?!\s*\()|probabilit(?:y|ies)|概率/i, 'probabilities'],
];

/** What the array's own line says it holds, outside the array and outside calls (`softmax(` is a call, not a word). */
export function mentionedOnLine(text: string, array: FoundArray): { role: 'probabilities' | 'logProbabilities'; word: string } | undefined {
  const line = text.slice(lineStartWithin(text, array.start, 160), array.start) + ' ' + text.slice(array.end, lineEndWithin(text, array.end, 160));
  for (const [words, role] of MENTIONS) {
    const m = words.exec(line);
    if (m !== null) return { role, word: m[0] };
  }
  return undefined;
}

/** True when a word follows the array on its line (past spaces and a print's closing brackets). */
export function wordFollows(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && k < end + 8 && (text.charCodeAt(k) === Ch.RParen || text.charCodeAt(k) === Ch.Space || text.charCodeAt(k) === Ch.Tab)) k++;
  const c = text.charCodeAt(k);
  return (c >= Ch.UpperA && c <= Ch.UpperZ) || (c >= Ch.LowerA && c <= Ch.LowerZ);
}

/** The rest of the array's line after it, past the closing brackets of the print that holds it. */
export function lineAfter(text: string, end: number): string {
  const stop = Math.min(text.length, end + forwardLimit);
  let r = end;
  while (r < stop && (text.charCodeAt(r) === Ch.RParen || text.charCodeAt(r) === Ch.Space || text.charCodeAt(r) === Ch.Tab)) r++;
  return text.slice(r, lineEndWithin(text, r, stop - r)).replace(/\r$/, '');
}

/** `torch.nn.functional.softmax` → `softmax`; `torch::randn` → `randn`; `x$view` → `view`. */
export function lastSegment(name: string): string {
  const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'), name.lastIndexOf('$'));
  return name.slice(cut + 1);
}

/** What qualifies a call: `np` in `np.reshape`, `x` in `x.view`, '' for a bare `reshape`. */
export function qualifier(name: string): string {
  const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'), name.lastIndexOf('$'));
  if (cut < 0) return '';
  const head = name.slice(0, cut).replace(/:$/, '');
  // `.permute`: a method of a value that is not named (a call's result).
  return head === '' ? '.' : head.split(/[.:$]/)[0];
}
