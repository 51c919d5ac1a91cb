import * as vscode from 'vscode';
import { arrayContaining, ArrayScan, composeEdits, type FoundArray, type ScanResult, type TextEdit } from '../core';
import { readSettings } from './settings';
import { nextTurn } from './turns';

/** Arrays found in one document version: the whole text (with where a rescan may resume), or one window of a large document. */
interface Entry {
  version: number;
  arrays: readonly FoundArray[];
  /** For the whole text: where a scan after an edit may resume, and the brackets open there. */
  resume?: Pick<ScanResult, 'checkpoints'>;
}

/** The edits made to a document since the version its entry was scanned at, taken together. */
interface Edited {
  since: number;
  version: number;
  edit: TextEdit;
}

interface WindowScan {
  arrays: FoundArray[];
  /** The array containing the offset the window was scanned for. */
  hit: FoundArray | undefined;
}

/** A scan in progress for one document version, shared by every request that waits for it. */
interface PendingScan {
  version: number;
  result: Promise<readonly FoundArray[] | undefined>;
}

/** Characters scanned between two yields to the event loop: a few milliseconds of work on a slow machine. */
const sliceChars = 128 * 1024;

/** Half the width of the first window scanned around the cursor in a document too large to scan whole. */
const halfWindow = 32 * 1024;

/**
 * The arrays of each open document, found once per document version and shared by the lens,
 * the hover, the command and the panel. Dropped when the document closes.
 * Documents above `softmaxLens.maxFileSize` are never scanned whole by `arrayAt`: it scans a window around the cursor.
 */
export class DocumentArrays implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** The last window scanned in each large document, so repeated hovers do not rescan it. */
  private readonly windows = new Map<string, Entry>();
  private readonly pending = new Map<string, PendingScan>();
  private readonly edited = new Map<string, Edited>();
  private readonly subscriptions = [
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      this.entries.delete(key);
      this.windows.delete(key);
      this.pending.delete(key);
      this.edited.delete(key);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => this.noteEdit(e)),
  ];

  /** Remembers where a document with a whole-text entry changed, so its next scan reads only that part again. */
  private noteEdit(e: vscode.TextDocumentChangeEvent) {
    const key = e.document.uri.toString();
    const entry = this.entries.get(key);
    if (entry?.resume === undefined || e.contentChanges.length === 0) return;
    const known = this.edited.get(key);
    // Every change since the entry's version passes through here, so the first one found starts from it.
    let edit = known !== undefined && known.since === entry.version ? known.edit : undefined;
    // VS Code applies the changes of one event in order; each range is in the text the previous ones left.
    for (const c of e.contentChanges) {
      const next = { start: c.rangeOffset, oldEnd: c.rangeOffset + c.rangeLength, newEnd: c.rangeOffset + c.text.length };
      edit = edit === undefined ? next : composeEdits(edit, next);
    }
    if (edit !== undefined) this.edited.set(key, { since: entry.version, version: e.document.version, edit });
  }

  /**
   * Every array of the document, in text order, scanned once per version in slices with the event loop free in
   * between, so typing in a multi-megabyte document never waits for a whole scan. Undefined when the document changed or
   * closed before the scan finished: the answer would be for text that is gone.
   */
  arraysSoon(document: vscode.TextDocument): Promise<readonly FoundArray[] | undefined> {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return Promise.resolve(cached.arrays);
    const running = this.pending.get(key);
    if (running && running.version === document.version) return running.result;
    const version = document.version;
    const result = this.scanInSlices(document, key, version);
    this.pending.set(key, { version, result });
    return result;
  }

  private async scanInSlices(document: vscode.TextDocument, key: string, version: number): Promise<readonly FoundArray[] | undefined> {
    // After an edit only the edited part is read again; the arrays before and after it are the ones already found.
    const entry = this.entries.get(key);
    const edited = this.edited.get(key);
    const previous =
      entry?.resume !== undefined && edited !== undefined && edited.since === entry.version && edited.version === version
        ? { result: { arrays: entry.arrays, ...entry.resume }, edit: edited.edit }
        : undefined;
    const scan = await scanInSlices(document.getText(), document.languageId, () =>
      !document.isClosed && document.version === version && this.pending.get(key)?.version === version,
    previous);
    if (this.pending.get(key)?.version === version) this.pending.delete(key);
    if (!scan || document.isClosed) return undefined;
    // Not the scan itself: it holds the whole text.
    this.entries.set(key, { version, arrays: scan.arrays, resume: { checkpoints: scan.checkpoints } });
    return scan.arrays;
  }

  /**
   * The innermost array whose literal contains the position (its brackets included), found without blocking:
   * the whole document scanned in slices, or above `softmaxLens.maxFileSize` a window around the position.
   * Undefined too when the document changed before the answer was ready.
   */
  async arrayAt(document: vscode.TextDocument, position: vscode.Position): Promise<FoundArray | undefined> {
    const offset = document.offsetAt(position);
    const cached = this.entries.get(document.uri.toString());
    if (cached && cached.version === document.version) return arrayContaining(cached.arrays, offset);
    if (this.isLarge(document)) return this.arrayInWindow(document, offset);
    const arrays = await this.arraysSoon(document);
    return arrays && arrayContaining(arrays, offset);
  }

  /** True when the document is longer than `softmaxLens.maxFileSize`: no lenses, and `arrayAt` scans a window. */
  isLarge(document: vscode.TextDocument): boolean {
    return textLength(document) > readSettings(document).maxFileSize;
  }

  /**
   * Scans a window around the offset instead of the whole text. When the cursor may sit inside an array that
   * runs past the window, the window reaches back to the unmatched `[` before the cursor and forward until it
   * closes: what is scanned is the array itself plus a bounded margin, never the rest of the document.
   */
  private async arrayInWindow(document: vscode.TextDocument, offset: number): Promise<FoundArray | undefined> {
    const key = document.uri.toString();
    const recent = this.windows.get(key);
    const known = recent && recent.version === document.version ? arrayContaining(recent.arrays, offset) : undefined;
    if (known) return known;
    const version = document.version;
    // The text moved on while this window was scanned in slices: its answer would be for text that is gone.
    const stillWanted = () => !document.isClosed && document.version === version;
    const length = textLength(document);
    let from = Math.max(0, offset - halfWindow);
    let to = Math.min(length, offset + halfWindow);
    let scan = await scanWindow(document, from, to, offset, stillWanted);
    if (!scan) return undefined;
    // The array (or the row of a matrix) may have begun before the window: look back for its opening bracket...
    const anchor = scan.hit && scan.hit.start > from ? scan.hit.start : offset;
    const opener = await unmatchedBracketBefore(document, anchor, stillWanted);
    // ...and may end after it: look ahead for where that bracket closes (the end of the text if it never does).
    const closer = opener === undefined ? undefined : await closingBracketAfter(document, opener, length, stillWanted);
    if (!stillWanted()) return undefined;
    if (opener !== undefined && (opener < from || (closer ?? length) > to)) {
      from = Math.min(from, opener);
      to = Math.max(to, closer ?? length);
      scan = await scanWindow(document, from, to, offset, stillWanted);
      if (!scan) return undefined;
    }
    // An array touching an edge of the window that is not a real boundary may be a fragment of a larger one.
    const startIsBoundary = from === 0 || from === opener;
    const endIsBoundary = to === length || closer !== undefined;
    const arrays = scan.arrays.filter((a) => (startIsBoundary || a.start > from) && (endIsBoundary || a.end < to));
    this.windows.set(key, { version, arrays });
    return scan.hit && arrays.includes(scan.hit) ? scan.hit : undefined;
  }

  dispose() {
    for (const s of this.subscriptions) s.dispose();
    this.entries.clear();
    this.windows.clear();
    this.pending.clear();
    this.edited.clear();
  }
}

function textLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/**
 * findArrays over the text, in slices with the event loop free in between (or, given the scan of the text
 * before an edit, only the edited part); undefined as soon as `stillWanted` says the answer is no longer
 * needed (the document changed or closed).
 */
async function scanInSlices(
  text: string,
  languageId: string,
  stillWanted: () => boolean,
  previous?: { result: ScanResult; edit: TextEdit },
): Promise<ArrayScan | undefined> {
  // Reading a long document's text is a task of its own, and so is setting up a rescan (it copies the old lists).
  await nextTurn();
  if (!stillWanted()) return undefined;
  const scan = new ArrayScan(text, languageId, previous);
  do {
    await nextTurn();
    if (!stillWanted()) return undefined;
  } while (!scan.scanMore(sliceChars));
  return scan;
}

async function scanWindow(document: vscode.TextDocument, from: number, to: number, offset: number, stillWanted: () => boolean): Promise<WindowScan | undefined> {
  const text = document.getText(new vscode.Range(document.positionAt(from), document.positionAt(to)));
  const scan = await scanInSlices(text, document.languageId, stillWanted);
  if (!scan) return undefined;
  const arrays = scan.arrays.map((a) => ({ ...a, start: a.start + from, end: a.end + from }));
  return { arrays, hit: arrayContaining(arrays, offset) };
}

/** Characters that never occur inside a numeric array literal: a backward search for its `[` stops there. */
const outsideArrays = new Set(['{', '}', '"', '=', ':', '<', '>']);
/** Characters read between two turns by the bracket searches. */
const chunk = 64 * 1024;

function textOf(document: vscode.TextDocument, start: number, end: number): string {
  return document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
}

/** The offset of the nearest `[` before the offset that is not closed before it, unless text no array holds comes first. */
async function unmatchedBracketBefore(document: vscode.TextDocument, offset: number, stillWanted: () => boolean): Promise<number | undefined> {
  let depth = 0;
  for (let end = offset; end > 0; end -= chunk) {
    if (end < offset) {
      await nextTurn();
      if (!stillWanted()) return undefined;
    }
    const start = Math.max(0, end - chunk);
    const text = textOf(document, start, end);
    for (let i = text.length - 1; i >= 0; i--) {
      const c = text[i];
      if (c === ']') depth++;
      else if (c === '[') {
        if (depth === 0) return start + i;
        depth--;
      } else if (outsideArrays.has(c)) return undefined;
    }
  }
  return undefined;
}

/** The offset just after the `]` that closes the `[` at `opener`, read a chunk per turn; undefined when it never closes. */
async function closingBracketAfter(document: vscode.TextDocument, opener: number, length: number, stillWanted: () => boolean): Promise<number | undefined> {
  let depth = 0;
  for (let start = opener; start < length; start += chunk) {
    if (start > opener) {
      await nextTurn();
      if (!stillWanted()) return undefined;
    }
    const text = textOf(document, start, Math.min(length, start + chunk));
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 91) depth++;
      else if (c === 93 && --depth === 0) return start + i + 1;
    }
  }
  return undefined;
}
