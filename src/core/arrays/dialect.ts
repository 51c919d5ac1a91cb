// The rules a text follows when its content says more than its language id: a notebook opened as JSON text
// (`Reopen Editor With… Text Editor`), a MATLAB `.m` file that VS Code, without the MathWorks extension, calls
// Objective-C. Decided from the first characters (and a notebook's last ones) only, so it costs a few kilobytes of
// reading and an edit elsewhere never changes it.

import { type Profile } from './profile';
import { profileFor } from '../languages';

/** How much of the start of the text decides, and how much of a notebook's end (where nbformat writes `"nbformat"`). */
const HEAD = 4096;
const TAIL = 1024;

/** Language ids a notebook's JSON text may come with. */
const NOTEBOOK_HOSTS = new Set(['json', 'jsonc', 'jupyter', 'jupyter-notebook', 'ipynb', 'plaintext']);
/** Language ids a MATLAB file may come with. */
const MATLAB_HOSTS = new Set(['objective-c']);

/** JSON string lists of cell sources and outputs, read as the text they print; `#` comments the cells' code. */
const notebookJson: Profile = { ...profileFor('json'), slash: false, hash: true, jsonStrings: true, dollarMath: true };

/** Where a notebook's JSON must open with `{ "cells":`. */
const NOTEBOOK_OPENING = 256;

function startsLikeNotebook(text: string): boolean {
  return /^\uFEFF?\s*\{\s*"cells"\s*:/.test(text.slice(0, NOTEBOOK_OPENING));
}

/** A top-level object with `"cells"` and `"nbformat"`: the JSON of an `.ipynb`. */
function isNotebookJson(text: string): boolean {
  if (!startsLikeNotebook(text)) return false;
  return text.slice(0, HEAD).includes('"nbformat"') || text.slice(-TAIL).includes('"nbformat"');
}

/** Lines only MATLAB writes, and lines only Objective-C writes. */
const MATLAB_LINE = /^\s*(?:%|function\b[^\n]*[=(]|end\s*$|(?:clc|clear|close all|disp\(|fprintf\(|plot\()|[^\n]*\.\.\.\s*$)/;
const OBJC_LINE = /^\s*(?:#\s*(?:import|include|define|pragma)|@(?:interface|implementation|end|property|protocol|class)\b|[-+]\s*\(|\/\/|\/\*|[{}]\s*$)/;

/** More lines of the head look like MATLAB than like Objective-C. */
function looksLikeMatlab(text: string): boolean {
  let score = 0;
  for (const line of text.slice(0, HEAD).split('\n')) {
    if (MATLAB_LINE.test(line)) score++;
    else if (OBJC_LINE.test(line)) score--;
  }
  return score > 0;
}

/** The rules for this text: its language's, unless its content shows it is a notebook's JSON or MATLAB. */
export function profileOfText(text: string, languageId: string | undefined): Profile {
  const id = languageId?.toLowerCase();
  if ((id === undefined || NOTEBOOK_HOSTS.has(id)) && isNotebookJson(text)) return notebookJson;
  if (id !== undefined && MATLAB_HOSTS.has(id) && looksLikeMatlab(text)) return profileFor('matlab');
  return profileFor(languageId);
}

/**
 * Whether an edit leaves the rules `profileOfText` chose as they were, so a scan may resume where the edit starts:
 * false when the edit reaches what decides (the head, and the tail of a text that starts like a notebook).
 */
export function editKeepsRules(text: string, languageId: string | undefined, edit: { start: number; oldEnd: number; newEnd: number }): boolean {
  const id = languageId?.toLowerCase();
  if (id !== undefined && MATLAB_HOSTS.has(id)) return edit.start >= HEAD;
  if (id !== undefined && !NOTEBOOK_HOSTS.has(id)) return true;
  if (edit.start < NOTEBOOK_OPENING) return false;
  // Past the opening, a text that does not start like a notebook never becomes one.
  if (!startsLikeNotebook(text)) return true;
  const oldLength = text.length - (edit.newEnd - edit.oldEnd);
  return edit.start >= HEAD && edit.oldEnd < oldLength - TAIL && edit.newEnd < text.length - TAIL;
}
