// One file's findings as the command line reports them: 1-based lines and columns in the file as saved (for a
// notebook, in its JSON), the message in English, and the fixed text when --fix asks for it.
import { applyFixes, describeFinding, findClaims, notebookText, partAt, readNotebook, type ClaimFinding, type NotebookPart } from '../core';

export interface CliFinding {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly code: ClaimFinding['code'];
  readonly message: string;
  readonly params: ClaimFinding['params'];
  /** The correct print that --fix writes; absent when the finding has no fix. */
  readonly fix?: string;
}

export interface FileReport {
  readonly findings: CliFinding[];
  /** The text with every fix applied. */
  readonly fixed?: string;
  /** Why the file could not be checked. */
  readonly error?: string;
}

/** 1-based line and column of a UTF-16 offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let from = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    from = k + 1;
  }
  return { line, column: offset - from + 1 };
}

function report(path: string, f: ClaimFinding, at: { line: number; column: number }): CliFinding {
  const fix = f.code === 'wrongSoftmax' ? f.fix?.text : undefined;
  return { path, ...at, code: f.code, message: describeFinding(f), params: f.params, ...(fix === undefined ? {} : { fix }) };
}

export function checkText(path: string, text: string, languageId: string): FileReport {
  if (languageId === 'jupyter') return checkNotebook(path, text);
  const findings = findClaims(text, languageId);
  return { findings: findings.map((f) => report(path, f, lineColumn(text, f.start))), fixed: applyFixes(text, findings) };
}

/**
 * A notebook is checked as the text its cells and saved outputs make (notebookText); each finding is placed on the
 * JSON string that holds its print's first line, and --fix rewrites that output's text and saves the JSON again.
 */
function checkNotebook(path: string, json: string): FileReport {
  const cells = readNotebook(json);
  if (cells === undefined) return { findings: [], error: 'is not a Jupyter notebook (no "cells" in its JSON)' };
  const { text, parts } = notebookText(cells);
  const findings = findClaims(text, 'markdown');
  let cursor = 0;
  const reported: CliFinding[] = [];
  const fixes = new Map<NotebookPart, ClaimFinding[]>();
  for (const f of findings) {
    const part = partAt(parts, f.start);
    const at = part === undefined ? { line: 1, column: 1 } : placeInJson(json, part, f.start - part.start, cursor);
    if (part !== undefined && at.offset !== undefined) cursor = at.offset;
    reported.push(report(path, f, { line: at.line, column: at.column }));
    if (part !== undefined && part.output >= 0 && f.end <= part.start + part.text.length) fixes.set(part, [...(fixes.get(part) ?? []), f]);
  }
  return { findings: reported, fixed: fixes.size === 0 ? json : fixedNotebook(json, fixes) };
}

/** Where in the JSON the line of `part` holding `offset` is written: the string of that line, found in order. */
function placeInJson(json: string, part: NotebookPart, offset: number, from: number): { line: number; column: number; offset?: number } {
  const lineStart = part.text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = part.text.indexOf('\n', offset);
  const line = part.text.slice(lineStart, lineEnd < 0 ? part.text.length : lineEnd + 1);
  const encoded = JSON.stringify(line).slice(0, -1);
  const at = json.indexOf(encoded, from);
  if (at < 0) return lineColumn(json, 0);
  const inside = JSON.stringify(part.text.slice(lineStart, offset)).length - 2;
  return { ...lineColumn(json, at + 1 + inside), offset: at + encoded.length };
}

/** The notebook's JSON with the fixed outputs, indented as it was. */
function fixedNotebook(json: string, fixes: Map<NotebookPart, ClaimFinding[]>): string {
  const notebook = JSON.parse(json) as { cells: { outputs?: Record<string, unknown>[] }[] };
  for (const [part, findings] of fixes) {
    const output = notebook.cells[part.cell]?.outputs?.[part.output];
    if (output === undefined) continue;
    const local = findings.map((f) =>
      f.code === 'wrongSoftmax' && f.fix !== undefined ? { ...f, fix: { ...f.fix, start: f.fix.start - part.start, end: f.fix.end - part.start } } : f,
    );
    const text = applyFixes(part.text, local);
    const holder = output.output_type === 'stream' ? output : (output.data as Record<string, unknown>);
    const key = output.output_type === 'stream' ? 'text' : 'text/plain';
    holder[key] = Array.isArray(holder[key]) ? text.split(/(?<=\n)/) : text;
  }
  const indent = /^\{\s*\n( +)"/.exec(json)?.[1].length ?? 1;
  return JSON.stringify(notebook, null, indent) + (json.endsWith('\n') ? '\n' : '');
}
