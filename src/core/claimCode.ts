// The code a printed array claims to be the softmax of: the statement that showed it, followed through simple
// assignments back to a softmax call on an array written in the document. Anything beyond a simple reading
// gives no claim: a missed claim costs nothing, a false one tells a person their correct print is wrong.
import { Ch } from './charCodes';
import type { FoundArray } from './findArrays';

/** What a printed array says it is: softmax of `logits` (the literal written in the code), as the code computed it. */
export interface SoftmaxClaim {
  /** The array literal the logits were written as. */
  readonly logits: FoundArray;
  /** The temperature the logits were divided by (1 when none was written). */
  readonly temperature: number;
  /** The axis softmax ran along: -1 for the last (rows of a matrix), 0 for the columns of a matrix. */
  readonly axis: 0 | -1;
  /** The framework computes in float32 (torch, jax, TF, or a float32 dtype written): its prints show float32 results. */
  readonly float32: boolean;
  /** How the call reads, for a message: `softmax([2.0, 1.0, 0.1] / 0.5, dim=0)`. */
  readonly call: string;
}

/** How far above a print its code is looked for, and names are followed: characters. */
const reach = 16000;
/** How many lines above a print may separate it from the statement that showed it. */
const showReach = 40;
/** How many other outputs may stand between a print and the block of code whose prints made them all. */
const maxOutputs = 8;

interface CodeLine {
  /** Offset of the line's first character in the text. */
  start: number;
  /** The line as written. */
  raw: string;
  /** The code on it: without prompt, trailing comment and `;`; '' for a blank or comment line. */
  code: string;
  /** Columns of indentation of the code (after any prompt). */
  indent: number;
  /** It starts with a `>>>` or `In [n]:` prompt. */
  prompt: boolean;
}

/** Lines going up from the one ending before `end`, nearest first, never past `floor`. */
function* linesUp(text: string, end: number, floor: number): Generator<CodeLine> {
  let to = end;
  while (to > floor) {
    const nl = text.lastIndexOf('\n', to - 1);
    const start = nl < floor ? floor : nl + 1;
    yield readLine(text, start, to);
    to = start - 1;
    if (nl < floor) return;
  }
}

function readLine(text: string, start: number, end: number): CodeLine {
  const raw = text.slice(start, end).replace(/\r$/, '');
  const prompted = /^\s*(?:>>>|\.\.\.|In \[\d*\]:)\s?/.exec(raw);
  const body = prompted ? raw.slice(prompted[0].length) : raw;
  const indent = /^\s*/.exec(body)![0].length;
  return { start, raw, code: stripComment(body.trim()), indent, prompt: prompted !== null && !/^\s*\.\.\./.test(raw) };
}

/** Code without a trailing `# comment` (outside quotes) and `;`; '' for a line that is all comment. */
function stripComment(line: string): string {
  let quote = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (quote !== 0) {
      if (c === Ch.Backslash) k++;
      else if (c === quote) quote = 0;
    } else if (c === Ch.Quote || c === Ch.Apostrophe) quote = c;
    else if (c === Ch.Hash || (c === Ch.Slash && line.charCodeAt(k + 1) === Ch.Slash)) return line.slice(0, k).trim().replace(/;$/, '');
  }
  return line.replace(/;$/, '').trim();
}

/** A line a print-out is separated from its code by: a fence, a label such as `Output:` or `输出：`. */
function isSeparator(line: string): boolean {
  const t = line.trim();
  if (/^(?:```|~~~)[\w+-]*$/.test(t)) return true;
  return /^(?:[#*>]+\s*)?(?:\*\*|__)?(?:output|outputs|out|result|results|prints?|printed|输出|结果|运行结果|打印结果)(?:\s*\[\d*\])?(?:\*\*|__)?\s*(?::|：|::)?\s*(?:\*\*|__)?$/i.test(t);
}

/** A line of prose that introduces an output (`This prints:`, `运行结果如下：`), not a line of code such as `else:`. */
function isLeadIn(line: string): boolean {
  return /^[A-Za-z\u4e00-\u9fff][^`=()[\]]*[:：]$/.test(line) && !/^(?:else|try|finally|except\b.*|elif\b.*|class\b.*|with\b.*|for\b.*|while\b.*|if\b.*|def\b.*)[:：]$/.test(line);
}

/** A line that is printed output rather than code: it starts with a bracket or a number, or a print's wrapper. */
function isOutputLine(line: string): boolean {
  return /^\s*(?:[[(]|[-+]?\.?\d|(?:tensor|array|Array|tf\.Tensor|matrix)\()/.test(line);
}

/** A line of code (not prose): an assignment, a call, a name, a `def`, an import, a control statement. */
function isCode(code: string): boolean {
  return /^(?:[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*(?:[-+*/@]?=(?!=)|\(|$)|def |class |import |from \S+ import |for |if |while |with |return\b|@)/.test(code);
}

/**
 * The statement that showed the printed array and where it stands, or undefined when no code visibly printed it.
 * `p` is the printed array; `arrays` every array of the text (to tell other print-outs from it).
 */
export function showingStatement(text: string, p: FoundArray, arrays: readonly FoundArray[], index: number): { expression: string; at: number; indent: number } | undefined {
  const lineStart = text.lastIndexOf('\n', p.start - 1) + 1;
  const prefix = text.slice(lineStart, p.start);
  const own = ownLine(prefix);
  if (own === null) return undefined;
  if (own !== undefined) return { expression: own, at: lineStart, indent: /^\s*/.exec(prefix)![0].length };
  const floor = Math.max(0, lineStart - reach);
  // Walk up: blank lines and separators are passed; another print-out above means several prints share this code.
  let separated = false;
  let outputsAbove = 0;
  let count = 0;
  const comment = /^\s*(?:#|\/\/|%)/.test(prefix);
  for (const line of linesUp(text, lineStart - 1, floor)) {
    if (++count > showReach) return undefined;
    const t = line.raw.trim();
    if (t === '') continue;
    if (isSeparator(t)) {
      separated = true;
      continue;
    }
    if (insideArray(arrays, index, line.start)) continue;
    if (!line.prompt && (isOutputLine(line.raw) || (comment && /^\s*(?:#|\/\/|%)\s*(?:[[(]|tensor|array|Array)/.test(line.raw)))) {
      // No block of code shows this many values one print each, simply.
      if (++outputsAbove > maxOutputs) return undefined;
      continue;
    }
    if (separated && isLeadIn(line.raw)) {
      // "This prints:" between the code's fence and the output's.
      continue;
    }
    if (line.code === '') {
      // A comment line between a print and its output comment, or prose: nothing visibly printed this.
      return undefined;
    }
    if (!separated) {
      // Directly after its code (a doctest, a REPL, an output comment): the statement just above showed it.
      if (outputsAbove > 0) return undefined;
      const shown = shownExpression(line.code, comment || line.prompt);
      return shown === undefined ? undefined : { expression: shown, at: line.start, indent: line.indent };
    }
    // After a fence or an `Output:` label: the block above must show exactly as many values as were printed.
    return blockShow(text, line, floor, outputsAbove);
  }
  return undefined;
}

/** True when `offset` lies inside an array other than the one at `index` that starts before it (a matrix's rows). */
function insideArray(arrays: readonly FoundArray[], index: number, offset: number): boolean {
  for (let k = index - 1; k >= 0 && k >= index - 4; k--) if (arrays[k].start < offset && offset < arrays[k].end) return true;
  return false;
}

/**
 * The print's own line before it: undefined when it holds only a prompt, a comment marker, a label or a print's
 * wrapper (the lines above decide); the expression when code shows it there (`print(softmax(x))  # [...]`,
 * `y = softmax(x)  # [...]`); null when the array is written in code (`logits = np.array([...])`).
 */
function ownLine(prefix: string): string | undefined | null {
  // Inline in prose ("the tutorial prints `[...]`"): what it claims is the prose's business, not the code's.
  if (prefix.includes('`')) return null;
  let t = prefix.replace(/(?:\b(?:tensor|array|Array|matrix|tf\.Tensor)\(|[([])+\s*$/, '').trim();
  t = t.replace(/^(?:>>>|In \[\d*\]:|Out\[\d*\]:)\s*/, '');
  if (t === '' || /^(?:#|\/\/|%|>)+\s*$/.test(t) || /^['"]+$/.test(t)) return undefined;
  const marked = /^(.*?)\s*(?:#|\/\/|-->|->|→|=>)\s*(?:(?:output|out|result|prints?|输出|结果)\s*[:：]?\s*)?$/i.exec(t);
  if (marked && marked[1] !== '' && isCode(marked[1])) return shownExpression(marked[1], true) ?? null;
  // Prose and comments write the claim itself: `softmax(logits) = [...]`.
  const equation = /^((?:[A-Za-z_][\w.]*\.)?softmax\s*\(.*\))\s*(?:=|≈|->|→)$/.exec(t);
  if (equation) return equation[1];
  // A label printed before the value (`Softmax: [...]`, `probs = [...]` in an output): the code above decides.
  if (/[:：=]$/.test(t) && !/^[A-Za-z_][\w.]*\s*=$/.test(t)) return undefined;
  if (/^[A-Za-z_][\w.]*\s*=$/.test(t) || isCode(t)) return null;
  return undefined;
}

/**
 * The value a statement shows: the argument of `print(...)`/`display(...)`, or the expression itself where a
 * prompt or an output comment shows the value of a bare expression (or of an assignment, `p = softmax(x)  # [...]`).
 */
function shownExpression(code: string, bare: boolean): string | undefined {
  const show = /^(?:print|display|pprint|pprint\.pprint|repr|str|tf\.print|jax\.debug\.print)\s*\((.*)\)$/.exec(code);
  if (show) {
    const args = splitArguments(show[1]);
    if (args === undefined) return undefined;
    // `print("softmax:", p)` shows p; a format string or two values is beyond a simple reading.
    const values = args.filter((a) => !/^(?:[rbuf]?["'].*["']|sep\s*=.*|end\s*=.*|flush\s*=.*)$/.test(a.trim()));
    if (values.length !== 1 || args.some((a) => /^f["']/.test(a.trim()))) return undefined;
    return values[0].trim();
  }
  if (!bare) return undefined;
  const assigned = /^([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)\s*(.+)$/.exec(code);
  if (assigned) return assigned[2].trim();
  return isCode(code) ? code : undefined;
}

/** The show statements of the code block ending at `last`; the one matching the print's place among the outputs. */
function blockShow(text: string, last: CodeLine, floor: number, outputsAbove: number): { expression: string; at: number; indent: number } | undefined {
  const shows: { expression: string | undefined; at: number; indent: number }[] = [];
  for (const line of linesUp(text, last.start + last.raw.length, floor)) {
    const t = line.raw.trim();
    if (/^(?:```|~~~)/.test(t)) break;
    if (line.code === '') continue;
    // A call that prints inside a loop or a function prints an unknown number of times.
    if (/^(?:print|display|pprint)\s*\(/.test(line.code)) {
      if (line.indent > 0 && !line.prompt) return undefined;
      shows.push({ expression: shownExpression(line.code, false), at: line.start, indent: line.indent });
    }
    if (!isCode(line.code) && !/^[\])}]/.test(line.code) && !/^\s/.test(line.raw)) break;
  }
  // A notebook cell and a REPL also show the value of the block's last bare expression.
  if (shows.length === 0) {
    const shown = shownExpression(last.code, false) ?? (isBareValue(last.code) ? last.code : undefined);
    return shown === undefined ? undefined : { expression: shown, at: last.start, indent: last.indent };
  }
  const show = shows[shows.length - 1 - outputsAbove];
  if (show === undefined || show.expression === undefined || shows.length !== outputsAbove + 1) return undefined;
  return { expression: show.expression, at: show.at, indent: show.indent };
}

/** A bare expression whose value a notebook cell shows: a name or a call, not an assignment or a statement. */
function isBareValue(code: string): boolean {
  return /^[A-Za-z_][\w.]*(?:\(.*\))?(?:\.[A-Za-z_]\w*\(.*\))*$/.test(code) && !/^(?:print|import|from|def|class|return)\b/.test(code);
}

/** Arguments at the top level of an argument list; undefined when the brackets do not balance. */
export function splitArguments(args: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let quote = 0;
  let from = 0;
  for (let k = 0; k < args.length; k++) {
    const c = args.charCodeAt(k);
    if (quote !== 0) {
      if (c === Ch.Backslash) k++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === Ch.Quote || c === Ch.Apostrophe) quote = c;
    else if (c === Ch.LParen || c === Ch.LBracket || c === Ch.LBrace) depth++;
    else if (c === Ch.RParen || c === Ch.RBracket || c === Ch.RBrace) {
      if (--depth < 0) return undefined;
    } else if (c === Ch.Comma && depth === 0) {
      out.push(args.slice(from, k));
      from = k + 1;
    }
  }
  if (depth !== 0 || quote !== 0) return undefined;
  const last = args.slice(from);
  if (last.trim() !== '' || out.length > 0) out.push(last);
  return out.map((a) => a.trim());
}

/** Modules whose `softmax` is the function form: the array is the first argument. */
const MODULES = /^(?:torch|F|nn\.functional|torch\.nn\.functional|functional|scipy\.special|special|sp\.special|sc\.special|tf\.nn|tf\.math|tf\.keras\.activations|keras\.activations|jax\.nn|nn|jnn|mx\.nd|np|jnp|ops)$/;
/** Frameworks that compute in float32 unless told otherwise. */
const FLOAT32_MODULES = /^(?:torch|F|nn\.functional|torch\.nn\.functional|functional|tf\.nn|tf\.math|tf\.keras\.activations|keras\.activations|jax\.nn|nn|jnn)$/;
/** Wrappers an array literal is written in: `np.array([...])`, `torch.tensor([...])`, `tf.constant([...])`. */
const WRAPPER = /^(?:(np|numpy|jnp|torch|tf|jax\.numpy|mx\.nd|cp)\.)?(array|asarray|tensor|Tensor|FloatTensor|DoubleTensor|constant|convert_to_tensor)\s*\(/;

/** Reading a call as softmax of an argument, with a temperature and an axis. */
interface CallRead {
  argument: string;
  axis: 0 | -1 | undefined;
  float32: boolean;
  /** A bare `softmax(…)`: the document's own function or an import, whose parameters decide what it computes. */
  own?: boolean;
}

/** `np.exp(x) / np.exp(x).sum()` and `np.exp(x) / np.sum(np.exp(x))`: softmax of x over the whole array. */
function readExpRatio(expression: string): CallRead | undefined {
  const m = /^(?:np|numpy|torch|jnp)\.exp\((.+)\)\s*\/\s*(?:(?:np|numpy|torch|jnp)\.sum\((?:np|numpy|torch|jnp)\.exp\((.+)\)\)|(?:np|numpy|torch|jnp)\.exp\((.+)\)\.sum\(\))$/.exec(expression.trim());
  if (m === null) return undefined;
  const a = m[1].trim();
  const b = (m[2] ?? m[3]).trim();
  if (a !== b || !balanced(a)) return undefined;
  return { argument: a, axis: undefined, float32: /^torch/.test(expression.trim()) };
}

/** Where a document defines its own `softmax`, and whether it takes one argument (besides an axis). */
export interface OwnSoftmax {
  readonly at: number;
  readonly takesOne: boolean;
}

/**
 * Every `def softmax(…)` and `softmax = lambda …:` of the text, in order, found in one pass. A document's own softmax
 * computes softmax of its one argument as far as a reader can tell; one that takes more (`def softmax(x, T=2.0)`)
 * may compute something else when called with one.
 */
export function ownSoftmaxes(text: string): OwnSoftmax[] {
  const out: OwnSoftmax[] = [];
  const re = /^[ \t]*(?:>>>[ \t]*)?(?:def[ \t]+softmax[ \t]*\(([^)\n]*)\)|softmax[ \t]*=[ \t]*lambda\b([^:\n]*):)/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const params = splitArguments(m[1] ?? m[2] ?? '');
    // An axis parameter changes nothing for a vector, and a matrix's claim needs its axis written at the call.
    const takesOne = params !== undefined && params.filter((p) => p !== '' && p !== 'self' && !/^(?:axis|dim)\s*(?::[^=]*)?=/.test(p)).length <= 1;
    out.push({ at: m.index, takesOne });
  }
  return out;
}

/** True unless the last definition of `softmax` before `at` (within reach) takes more than one argument. */
function ownSoftmaxTakesOne(own: readonly OwnSoftmax[], at: number, floor: number): boolean {
  let last: OwnSoftmax | undefined;
  for (const d of own) {
    if (d.at >= at) break;
    last = d;
  }
  return last === undefined || last.at < floor || last.takesOne;
}

/**
 * The softmax claim a printed array makes, or undefined when its code cannot be read simply. `show` is what
 * showingStatement found; `arrays` every array of the text, to find the logits' literal; `own` its ownSoftmaxes.
 */
export function claimOf(text: string, show: { expression: string; at: number; indent: number }, arrays: readonly FoundArray[], own: readonly OwnSoftmax[] = ownSoftmaxes(text)): SoftmaxClaim | undefined {
  const floor = Math.max(0, show.at - reach);
  const followed = followName(text, unwrapShown(show.expression), show.at, show.indent, floor);
  if (followed === undefined) return undefined;
  const call = readSoftmaxCall(followed.expression) ?? readExpRatio(followed.expression);
  if (call === undefined || (call.own && !ownSoftmaxTakesOne(own, followed.at, floor))) return undefined;
  // The argument: `logits`, `logits / T`, `(z / 0.5)`, or a literal written in the call.
  let argument = stripParens(call.argument);
  let temperature = 1;
  const divided = /^(.+?)\s*\/\s*([A-Za-z_]\w*|\d+(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+)$/.exec(argument);
  if (divided) {
    const t = /^[A-Za-z_]/.test(divided[2]) ? numberNamed(text, divided[2], followed.at, show.indent, floor) : Number(divided[2]);
    if (t === undefined || !(t > 0) || !Number.isFinite(t)) return undefined;
    temperature = t;
    argument = stripParens(divided[1]);
  }
  let literalAt: number;
  let literalText: string;
  let float32 = call.float32;
  if (/^[A-Za-z_]\w*$/.test(argument)) {
    const named = followName(text, argument, followed.at, show.indent, floor);
    if (named === undefined) return undefined;
    literalAt = named.valueAt;
    literalText = named.expression;
  } else {
    literalAt = text.indexOf(argument, followed.at);
    if (literalAt < 0) return undefined;
    literalText = argument;
  }
  const literal = literalIn(literalText, literalAt, arrays);
  if (literal === undefined) return undefined;
  float32 = float32 || literal.float32;
  const { logits } = literal;
  if (logits.shape.length > 2 || (logits.shape.length === 2 && call.axis === undefined)) return undefined;
  const axis = logits.shape.length === 1 ? -1 : (call.axis ?? -1);
  const written = text.slice(logits.start, logits.end).replace(/\s+/g, ' ');
  const shown = written.length > 80 ? `${written.slice(0, 77)}…` : written;
  const t = temperature === 1 ? '' : ` / ${temperature}`;
  const dim = logits.shape.length === 2 ? `, axis=${axis === 0 ? 0 : 1}` : '';
  return { logits, temperature, axis, float32, call: `softmax(${shown}${t}${dim})` };
}

/** The value a show prints: `p.numpy()`, `p.tolist()`, `np.array(p)` show p's numbers. */
function unwrapShown(expression: string): string {
  let e = expression.trim();
  for (let k = 0; k < 4; k++) {
    const method = /^(.+?)\.(?:numpy|tolist|detach|cpu|eval|data)(?:\(\))?$/.exec(e);
    if (method) {
      e = method[1];
      continue;
    }
    const wrap = /^(?:np\.array|np\.asarray|list|tuple)\(\s*([A-Za-z_][\w.]*(?:\(.*\))?)\s*\)$/.exec(e);
    if (wrap && splitArguments(wrap[1])?.length === 1) {
      e = wrap[1].trim();
      continue;
    }
    break;
  }
  return stripParens(e);
}

function stripParens(e: string): string {
  let t = e.trim();
  while (t.startsWith('(') && t.endsWith(')') && splitArguments(t.slice(1, -1))?.length === 1 && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (--depth < 0) return false;
    }
  }
  return depth === 0;
}

/**
 * An expression followed through the name it is: for a name, the value of its last simple assignment above `at`
 * (at the show's indentation or less); undefined when the name is changed in a way beyond a simple reading
 * (`p[0] = …`, `p += …`, `for p in …`, `p, q = …`, an in-place method) before any simple assignment.
 */
function followName(text: string, expression: string, at: number, indent: number, floor: number): { expression: string; at: number; valueAt: number } | undefined {
  let e = expression;
  let from = at;
  let valueAt = -1;
  for (let hops = 0; hops < 4 && /^[A-Za-z_]\w*$/.test(e); hops++) {
    const found = assignmentOf(text, e, from, indent, floor);
    if (found === undefined) return undefined;
    e = unwrapShown(found.value);
    from = found.at;
    valueAt = found.valueAt;
  }
  return { expression: e, at: from, valueAt };
}

function assignmentOf(text: string, name: string, at: number, indent: number, floor: number): { value: string; at: number; valueAt: number } | undefined {
  for (const line of linesUp(text, at - 1, floor)) {
    if (line.code === '' || !line.code.includes(name) || !touches(line.code, name)) continue;
    const m = SIMPLE.exec(line.code);
    if (m === null || m[1] !== name || line.indent > indent) return undefined;
    const valueAt = line.start + line.raw.indexOf(m[2]);
    return { value: m[2], at: line.start, valueAt };
  }
  return undefined;
}

/** `name = value` (with a type annotation, `name: float = value`). */
const SIMPLE = /^([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)\s*(.+)$/;
/** The targets of an assignment or augmented assignment: `a, b = …`, `p[0] = …`, `p += …`. */
const TARGETS = /^([\w.*\s,[\]'"]+?)\s*(?::[^=]*)?(?:[-+*/@%]|\*\*|\/\/)?=(?!=)/;
const FOR = /^(?:async\s+)?for\s+(.+?)\s+in\b/;
const IN_PLACE = /\b([A-Za-z_]\w*)\.(?:\w+_|append|extend|fill|sort|resize|put|itemset)\(/g;
const BINDS = /^(?:async\s+)?def\s+(\w+)|\bas\s+(\w+)/g;

/** The names a comma-separated target list binds: `a, *b, c[0]` → a, b, c. */
function targetNames(targets: string): string[] {
  return targets.split(',').map((t) => /^\s*\*?\s*([A-Za-z_]\w*)/.exec(t)?.[1] ?? '');
}

/** The line binds or changes `name` in any way: assignment, augmented or subscript assignment, loop, in-place method, def, import, `as`. */
function touches(code: string, name: string): boolean {
  const targets = TARGETS.exec(code);
  if (targets && targetNames(targets[1]).includes(name)) return true;
  const loop = FOR.exec(code);
  if (loop && targetNames(loop[1].replace(/[()]/g, '')).includes(name)) return true;
  if (/^(?:import|from)\b/.test(code) && new Set(code.split(/[^\w]+/)).has(name)) return true;
  for (const re of [IN_PLACE, BINDS]) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m !== null; m = re.exec(code)) if (m[1] === name || m[2] === name) return true;
  }
  return false;
}

/** A number a name was last simply set to: `T = 0.5`. */
function numberNamed(text: string, name: string, at: number, indent: number, floor: number): number | undefined {
  const found = assignmentOf(text, name, at, indent, floor);
  if (found === undefined || !/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(found.value.trim())) return undefined;
  return Number(found.value);
}

/** `softmax(x)`, `F.softmax(x, dim=1)`, `scipy.special.softmax(x, axis=0)`, `x.softmax(-1)`, a document's own `softmax`. */
function readSoftmaxCall(expression: string): CallRead | undefined {
  const e = expression.trim();
  const head = /^(?:([A-Za-z_][\w.]*)\.)?softmax\s*\(/.exec(e);
  if (head === null || !e.endsWith(')')) return undefined;
  const inner = e.slice(head[0].length, -1);
  const args = splitArguments(inner);
  if (args === undefined || !balanced(inner)) return undefined;
  const receiver = head[1];
  const method = receiver !== undefined && !MODULES.test(receiver);
  let positional = args.filter((a) => !/^\w+\s*=/.test(a));
  const keywords = args.filter((a) => /^\w+\s*=/.test(a));
  let argument: string;
  if (method) {
    argument = receiver;
  } else {
    if (positional.length === 0) return undefined;
    argument = positional[0];
    positional = positional.slice(1);
  }
  let axis: 0 | -1 | undefined;
  let axisWritten: string | undefined = positional.length === 1 && receiver !== undefined ? positional[0] : undefined;
  if (positional.length > (axisWritten === undefined ? 0 : 1)) return undefined;
  for (const k of keywords) {
    const kw = /^(\w+)\s*=\s*(.+)$/.exec(k)!;
    if (kw[1] === 'dim' || kw[1] === 'axis') axisWritten = kw[2].trim();
    else if (kw[1] !== 'dtype' && kw[1] !== 'name') return undefined;
    else if (kw[1] === 'dtype') return undefined;
  }
  if (axisWritten !== undefined) {
    if (/^-1$/.test(axisWritten)) axis = -1;
    else if (/^[01]$/.test(axisWritten)) axis = axisWritten === '0' ? 0 : -1;
    else return undefined;
    // dim=1 is the last axis of a matrix; of a vector it does not exist, and dim=0 of a vector is its only axis.
    if (axisWritten === '1') axis = -1;
  } else if (receiver !== undefined && /^(?:tf\.nn|tf\.math|jax\.nn|jnn|tf\.keras\.activations|keras\.activations)$/.test(receiver)) {
    axis = -1;
  }
  const float32 = method ? true : receiver !== undefined && FLOAT32_MODULES.test(receiver);
  return { argument, axis: axisWritten === '0' ? 0 : axis, float32, own: receiver === undefined };
}

/** The array literal an expression is (`np.array([...])`, `torch.tensor([...], dtype=…)`, `[...]`) among `arrays`. */
function literalIn(expression: string, at: number, arrays: readonly FoundArray[]): { logits: FoundArray; float32: boolean } | undefined {
  let e = expression.trim();
  let float32 = false;
  const wrap = WRAPPER.exec(e);
  let offset = 0;
  if (wrap) {
    if (!e.endsWith(')')) return undefined;
    const args = splitArguments(e.slice(wrap[0].length, -1));
    if (args === undefined || args.length === 0) return undefined;
    for (const a of args.slice(1)) {
      if (!/^dtype\s*=/.test(a)) return undefined;
      // Half precision prints are rounded far coarser than any claim here could allow for.
      if (/float16|bfloat16|half/.test(a)) return undefined;
      if (/float32|'f4'|"f4"/.test(a)) float32 = true;
      else if (!/float64|double/.test(a)) return undefined;
    }
    if (wrap[1] === 'torch' || wrap[1] === 'tf' || wrap[1] === 'jnp' || wrap[1] === 'jax.numpy') float32 = float32 || !/float64|double/.test(e);
    if (wrap[2] === 'DoubleTensor') float32 = false;
    offset = e.indexOf(args[0], wrap[0].length);
    e = args[0];
  }
  const start = at + offset;
  // Arrays are in text order: the one starting at `start`, by bisection.
  let lo = 0;
  let hi = arrays.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (arrays[mid].start < start) lo = mid + 1;
    else hi = mid - 1;
  }
  const a = arrays[lo];
  return a !== undefined && a.start === start && a.end - a.start === e.length ? { logits: a, float32 } : undefined;
}
