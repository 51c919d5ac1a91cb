// Searches that look at most a bounded stretch of the text, so reading around each of a document's arrays stays
// linear in the document however long its lines are (a minified JSON file is one line).

import { Ch } from './charCodes';

/** Where the line holding `at` starts, looking back at most `limit` characters (then `at − limit`). */
export function lineStartWithin(text: string, at: number, limit: number): number {
  const floor = Math.max(0, at - limit);
  for (let k = at - 1; k >= floor; k--) if (text.charCodeAt(k) === Ch.Newline) return k + 1;
  return floor;
}

/** Where the line holding `at` ends (its `\n`), looking ahead at most `limit` characters (then `at + limit`). */
export function lineEndWithin(text: string, at: number, limit: number): number {
  const stop = Math.min(text.length, at + limit);
  for (let k = at; k < stop; k++) if (text.charCodeAt(k) === Ch.Newline) return k;
  return stop;
}

/** The first place in [from, to) where `needle` starts, or −1. */
export function indexWithin(text: string, needle: string, from: number, to: number): number {
  const first = needle.charCodeAt(0);
  const stop = Math.min(to, text.length - needle.length + 1);
  for (let k = Math.max(0, from); k < stop; k++) if (text.charCodeAt(k) === first && text.startsWith(needle, k)) return k;
  return -1;
}

/** The last place at or before `from`, and not before `floor`, holding the character `code`, or −1. */
export function lastIndexWithin(text: string, code: number, from: number, floor: number): number {
  for (let k = Math.min(from, text.length - 1); k >= Math.max(0, floor); k--) if (text.charCodeAt(k) === code) return k;
  return -1;
}
