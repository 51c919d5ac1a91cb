// What each found array is, decided once for every view: logits (scores and data, the default), printed
// probabilities or log-probabilities, or a shape (sizes, indices, axes, ranges, counters) that no one wants
// the softmax of. Cues are taken in the order a reader weighs them, each checked against the values.
import type { FoundArray } from './findArrays';
import { printPrecision, rowLogSumExpChecks, rowSumChecks } from './precision';
import { rowsOf, type Steps } from './softmax';
import { callCue, endsCondition, gradFnCue, indexConstructor, logWord, nameCue, producerCue, rangeWord } from './roleCues';
import { printedBy } from './printer';
import { bindingOf, gradFnAfter, lineAfter, mentionedOnLine, wordFollows, wordsBefore } from './surroundings';

export type Role = 'logits' | 'probabilities' | 'logProbabilities' | 'shape';

/** Why an array has its role, as a code with what a person needs to read it; worded by describeReason. */
export type RoleReason =
  | { readonly code: 'named'; readonly name: string }
  | { readonly code: 'passedTo'; readonly name: string }
  | { readonly code: 'subscript' }
  | { readonly code: 'printedWith'; readonly name: string }
  | { readonly code: 'printedAfter'; readonly name: string }
  | { readonly code: 'after'; readonly word: string }
  | { readonly code: 'logLine'; readonly word: string }
  | { readonly code: 'mentioned'; readonly word: string }
  | { readonly code: 'sumsToOne' }
  | { readonly code: 'nearlySumsToOne' }
  | { readonly code: 'logSumExpZero' }
  | { readonly code: 'noCue' };

export interface ArrayRole {
  readonly role: Role;
  readonly reason: RoleReason;
}

/** How far from 1 the rows of an array may sum and still be read as probabilities printed wrong. */
const nearlyOne = 0.01;

/** What the values allow, from one pass over them. */
interface Facts {
  /** Every value lies in [0, 1]. */
  unit: boolean;
  /** Every value is ≤ 0 (−∞ included) and every row has two finite entries. */
  nonPositive: boolean;
  /** Every finite value is a whole number (and there is one). */
  integers: boolean;
  /** Every value is a whole number ≥ 0. */
  counts: boolean;
  /** Every value is a whole number ≥ −1 (−1 is "the rest" in a reshape). */
  sizes: boolean;
  /** How many values lie clear of 0 and 1 (probabilities) or of 0 (log-probabilities): one-hot rows have none. */
  spread: number;
}

function factsOf(array: FoundArray): Facts {
  const { values } = array;
  let unit = true;
  let nonPositive = true;
  let integers = true;
  let finite = 0;
  let min = Infinity;
  let spread = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if ((v > 1e-3 && v < 0.999) || (v < -1e-3 && v > -Infinity)) spread++;
    if (!(v >= 0 && v <= 1)) unit = false;
    if (!(v <= 0)) nonPositive = false;
    if (Number.isFinite(v)) {
      finite++;
      if (v !== Math.trunc(v)) integers = false;
    } else if (v !== -Infinity) {
      integers = false;
    }
    if (v < min) min = v;
  }
  integers = integers && finite > 0;
  const whole = integers && finite === values.length;
  if (nonPositive) {
    const { rows, cols } = rowsOf(values.length, array.shape);
    for (let r = 0; r < rows && nonPositive; r++) {
      let rowFinite = 0;
      for (let i = r * cols; i < (r + 1) * cols; i++) if (Number.isFinite(values[i])) rowFinite++;
      if (rowFinite < 2) nonPositive = false;
    }
  }
  return { unit, nonPositive, integers, counts: whole && min >= 0, sizes: whole && min >= -1, spread };
}

const role = (r: Role, reason: RoleReason): ArrayRole => ({ role: r, reason });

/**
 * The role of one array of `text` (what findArrays found there), from its surroundings and values. Reads only
 * bounded windows around the array, so classifying every array of a document is linear in its size.
 */
export function classifyArray(text: string, array: FoundArray, languageId?: string): ArrayRole {
  // An elided print has no values to read: what the views say of it is that it is elided.
  if (array.elided !== undefined) return role('logits', { code: 'noCue' });
  const facts = factsOf(array);
  if (facts.unit || facts.nonPositive) {
    const grad = gradFnAfter(text, array.end);
    const said = grad === undefined ? undefined : gradFnCue(grad);
    if (grad !== undefined && said !== undefined && valuesFit(said, facts)) return role(said, { code: 'printedWith', name: grad });
  }
  const binding = bindingOf(text, array);
  if (binding.callee !== undefined) {
    const call = callCue(binding.callee, binding.argument);
    if (call?.role === 'logits') return role('logits', { code: 'passedTo', name: binding.callee });
    if (call !== undefined && (call.takes === 'range' || (call.takes === 'sizes' ? facts.sizes : facts.integers))) {
      return role('shape', { code: 'passedTo', name: binding.callee });
    }
  }
  if (binding.inSubscript && facts.integers) return role('shape', { code: 'subscript' });
  if (binding.wrapper !== undefined && indexConstructor(binding.wrapper) && facts.integers) {
    return role('shape', { code: 'passedTo', name: binding.wrapper });
  }
  const named = binding.name === undefined ? undefined : byName(binding.name, facts);
  if (named !== undefined) return named;
  const before = wordsBefore(text, binding.contextStart);
  const word = rangeWord(before.words, before.prefix);
  if (word !== undefined) {
    const interval = array.values.length === 2 && array.values[0] < array.values[1];
    const set = word === '\\in' || word === '∈' || (word === 'in' && endsCondition(lineAfter(text, array.end)));
    if (interval || set) return role('shape', { code: 'after', word });
  }
  if (facts.counts && array.values.length <= 4 && wordFollows(text, array.end)) {
    const log = logWord(lineAfter(text, array.end));
    if (log !== undefined) return role('shape', { code: 'logLine', word: log });
  }
  if (binding.name === undefined && binding.callee === undefined && (facts.unit || facts.nonPositive || facts.counts)) {
    const printed = printedBy(text, array);
    if (printed.call !== undefined) {
      const made = producerCue(printed.call);
      if (made !== undefined && valuesFit(made, facts)) return role(made, { code: 'printedAfter', name: printed.call });
      // The output of another call (np.std, torch.rand): its numbers are data, whatever they sum to.
      if (made === undefined) return role('logits', { code: 'printedAfter', name: printed.call });
    }
    const shown = printed.name === undefined ? undefined : byName(printed.name, facts);
    if (shown !== undefined) return shown;
  }
  if ((facts.unit || facts.nonPositive) && !facts.integers && facts.spread >= 2) {
    // Prose that says what the numbers are: "the tutorial prints `[0.70, 0.20, 0.20]` as its softmax".
    const said = mentionedOnLine(text, array);
    if (said !== undefined && valuesFit(said.role, facts)) return role(said.role, { code: 'mentioned', word: said.word });
  }
  return byValues(text, array, facts, languageId) ?? role('logits', { code: 'noCue' });
}

/** What the name an array is bound to (or printed under) says, when its values allow it. */
function byName(name: string, facts: Facts): ArrayRole | undefined {
  const named = nameCue(name);
  const reason: RoleReason = { code: 'named', name };
  if (named === 'logits' || named === 'data') return role('logits', reason);
  if (named === 'shape' && facts.integers) return role('shape', reason);
  if ((named === 'probabilities' || named === 'logProbabilities') && valuesFit(named, facts)) return role(named, reason);
  return undefined;
}

/** Probabilities lie in [0, 1]; log-probabilities are ≤ 0; a printed list of indices holds whole numbers ≥ 0. */
function valuesFit(r: Role, facts: Facts): boolean {
  if (r === 'probabilities') return facts.unit;
  if (r === 'logProbabilities') return facts.nonPositive;
  return r === 'shape' ? facts.counts : true;
}

/**
 * Numbers alone: rows of non-integers in [0, 1] that sum to 1 as far as their printing can tell (or nearly: a
 * print that is off), or rows ≤ 0 whose logsumexp is 0. Whole numbers alone never decide (0/1 masks sum to 1 too),
 * nor does a one-hot row with float noise (`[0, 1, 1.2e-16]`): two values must lie clear of 0 and 1.
 */
function byValues(text: string, array: FoundArray, facts: Facts, languageId?: string): ArrayRole | undefined {
  if (facts.integers || !(facts.unit || facts.nonPositive) || facts.spread < 2) return undefined;
  const { cols } = rowsOf(array.values.length, array.shape);
  if (cols < 2) return undefined;
  const precision = printPrecision(text, array, languageId);
  if (facts.unit) {
    const checks = rowSumChecks(array.values, array.shape, precision);
    if (checks.every((c) => c.sumsToOne === true)) return role('probabilities', { code: 'sumsToOne' });
    if (checks.every((c) => Math.abs(c.sum - 1) <= Math.max(nearlyOne, c.tolerance))) return role('probabilities', { code: 'nearlySumsToOne' });
    return undefined;
  }
  const checks = rowLogSumExpChecks(array.values, array.shape, precision);
  return checks.every((c) => c.sumsToOne === true) ? role('logProbabilities', { code: 'logSumExpZero' }) : undefined;
}

/** Arrays classified between two yields of classifySteps: a few milliseconds of work on a slow machine. */
const perStep = 512;

/**
 * How much text around an array its role depends on: classifyArray on a window holding this many characters
 * before the array's start and after its end says exactly what it says on the whole text.
 */
export const roleWindow = { before: 1024, after: 2112 } as const;

/** classifyArray for every array, in steps, so an editor can classify a huge document between other work. */
export function* classifySteps(text: string, arrays: readonly FoundArray[], languageId?: string): Steps<ArrayRole[]> {
  const roles: ArrayRole[] = [];
  for (let i = 0; i < arrays.length; i++) {
    if (i > 0 && i % perStep === 0) yield;
    roles.push(classifyArray(text, arrays[i], languageId));
  }
  return roles;
}

/** The role in English words, as the editor's views name it. */
export function describeRole(r: Role): string {
  switch (r) {
    case 'logits':
      return 'logits';
    case 'probabilities':
      return 'probabilities';
    case 'logProbabilities':
      return 'log-probabilities';
    case 'shape':
      return 'a shape';
  }
}

/** Why, in English words; the editor words the same codes in the display language. */
export function describeReason(reason: RoleReason): string {
  switch (reason.code) {
    case 'named':
      return `named ${reason.name}`;
    case 'passedTo':
      return `passed to ${reason.name}(…)`;
    case 'subscript':
      return 'indices inside a subscript';
    case 'printedWith':
      return `printed with grad_fn=<${reason.name}>`;
    case 'printedAfter':
      return `printed after ${reason.name}(…)`;
    case 'after':
      return `a range or set of values after “${reason.word}”`;
    case 'logLine':
      return `counters of a log line (“${reason.word}” follows)`;
    case 'mentioned':
      return `its line says “${reason.word}”`;
    case 'sumsToOne':
      return 'each row is ≥ 0 and sums to 1 at its printed precision';
    case 'nearlySumsToOne':
      return 'each row is ≥ 0 and nearly sums to 1';
    case 'logSumExpZero':
      return 'each row is ≤ 0 with logsumexp 0 at its printed precision';
    case 'noCue':
      return 'scores or data: nothing around it says otherwise';
  }
}
