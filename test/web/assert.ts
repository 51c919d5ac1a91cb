// The part of Node's `assert` the VS Code suite uses, for the web-worker extension host (no Node built-ins there).

export class AssertionError extends Error {
  readonly actual: unknown;
  readonly expected: unknown;
  readonly operator: string;
  constructor(options: { message?: string | Error; actual?: unknown; expected?: unknown; operator: string; fallback: string }) {
    super(options.message instanceof Error ? options.message.message : (options.message ?? options.fallback));
    this.name = 'AssertionError';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  if (value === null || typeof value !== 'object') return String(value);
  try {
    const text = JSON.stringify(value, (_, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v));
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function fail(operator: string, actual: unknown, expected: unknown, message: string | Error | undefined, fallback: string): never {
  throw new AssertionError({ message, actual, expected, operator, fallback });
}

function deepEqual(a: unknown, b: unknown, seen: Map<object, object>): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    return a.size === other.size && [...a].every(([k, v]) => other.has(k) && deepEqual(v, other.get(k), seen));
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    return a.size === other.size && [...a].every((v) => other.has(v));
  }
  if (ArrayBuffer.isView(a)) {
    const x = a as unknown as ArrayLike<unknown>;
    const y = b as unknown as ArrayLike<unknown>;
    return x.length === y.length && Array.prototype.every.call(x, (v: unknown, i: number) => Object.is(v, y[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen));
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail('==', value, true, message, `The expression evaluated to a falsy value: ${show(value)}`);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail('strictEqual', actual, expected, message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`);
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail('notStrictEqual', actual, expected, message, `Expected "actual" to be strictly unequal to: ${show(expected)}`);
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepEqual(actual, expected, new Map())) fail('deepStrictEqual', actual, expected, message, `Expected values to be strictly deep-equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`);
}

export function notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (deepEqual(actual, expected, new Map())) fail('notDeepStrictEqual', actual, expected, message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`);
}

export function equal(actual: unknown, expected: unknown, message?: string | Error): void {
  // eslint-disable-next-line eqeqeq -- Node's loose assert.equal compares with ==
  if (!(actual == expected || (Number.isNaN(actual) && Number.isNaN(expected)))) fail('==', actual, expected, message, `${show(actual)} == ${show(expected)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  // eslint-disable-next-line eqeqeq -- Node's loose assert.notEqual compares with !=
  if (actual == expected) fail('!=', actual, expected, message, `${show(actual)} != ${show(expected)}`);
}

export function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || !pattern.test(text)) fail('match', text, pattern, message, `The input did not match the regular expression ${pattern}. Input:\n${show(text)}`);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || pattern.test(text)) fail('doesNotMatch', text, pattern, message, `The input was expected to not match the regular expression ${pattern}. Input:\n${show(text)}`);
}

type Expected = RegExp | (new (...args: never[]) => unknown) | ((error: unknown) => boolean) | Record<string, unknown>;

function checkError(error: unknown, expected: Expected | undefined, operator: string, message?: string | Error): void {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    if (!expected.test(String(error instanceof Error ? error.message : error)) && !expected.test(String(error))) fail(operator, error, expected, message, `The error did not match ${expected}: ${show(String(error))}`);
  } else if (typeof expected === 'function') {
    if (expected === Error || expected.prototype instanceof Error) {
      if (!(error instanceof (expected as new (...args: never[]) => unknown))) fail(operator, error, expected, message, `The error is not an instance of ${expected.name}: ${show(String(error))}`);
    } else if (!(expected as (e: unknown) => boolean)(error)) {
      fail(operator, error, expected, message, 'The validation function rejected the error');
    }
  } else {
    for (const [key, value] of Object.entries(expected)) {
      const actual = (error as Record<string, unknown>)[key];
      const same = value instanceof RegExp && typeof actual === 'string' ? value.test(actual) : deepEqual(actual, value, new Map());
      if (!same) fail(operator, error, expected, message, `The error's ${key} was ${show(actual)}, expected ${show(value)}`);
    }
  }
}

export function throws(fn: () => unknown, expected?: Expected | string, message?: string | Error): void {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    fn();
  } catch (error) {
    checkError(error, expected, 'throws', message);
    return;
  }
  fail('throws', undefined, expected, message, 'Missing expected exception.');
}

export function doesNotThrow(fn: () => unknown, message?: string | Error): void {
  try {
    fn();
  } catch (error) {
    fail('doesNotThrow', error, undefined, message, `Got unwanted exception: ${show(String(error))}`);
  }
}

export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), expected?: Expected | string, message?: string | Error): Promise<void> {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    checkError(error, expected, 'rejects', message);
    return;
  }
  fail('rejects', undefined, expected, message, 'Missing expected rejection.');
}

export async function doesNotReject(promise: Promise<unknown> | (() => Promise<unknown>), message?: string | Error): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    fail('doesNotReject', error, undefined, message, `Got unwanted rejection: ${show(String(error))}`);
  }
}

function failWith(message?: string | Error): never {
  return fail('fail', undefined, undefined, message, 'Failed');
}
export { failWith as fail };

/** `assert(value)` is `assert.ok(value)`, with every other check hanging off it, as in Node. */
export const assert = Object.assign((value: unknown, message?: string | Error) => ok(value, message), {
  AssertionError, ok, strictEqual, notStrictEqual, deepStrictEqual, notDeepStrictEqual, equal, notEqual, match, doesNotMatch,
  throws, doesNotThrow, rejects, doesNotReject, fail: failWith,
  strict: undefined as unknown,
});
assert.strict = assert;
