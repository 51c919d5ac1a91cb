import * as vscode from 'vscode';
import { ArrayScan, type FoundArray } from '../core';
import { readSettings } from './settings';

/** Arrays found in one document version: the whole text, or one window of a large document. */
interface Entry {
  version: number;
  arrays: readonly FoundArray[];
}

interface WindowScan {
  text: string;
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
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((doc) => {
    this.entries.delete(doc.uri.toString());
    this.windows.delete(doc.uri.toString());
    this.pending.delete(doc.uri.toString());
  });

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
    const arrays = await findArraysInSlices(document.getText(), document.languageId, () =>
      !document.isClosed && document.version === version && this.pending.get(key)?.version === version,
    );
    if (this.pending.get(key)?.version === version) this.pending.delete(key);
    if (!arrays || document.isClosed) return undefined;
    this.entries.set(key, { version, arrays });
    return arrays;
  }

  /**
   * The innermost array whose literal contains the position (its brackets included), found without blocking:
   * the whole document scanned in slices, or above `softmaxLens.maxFileSize` a window around the position.
   * Undefined too when the document changed before the answer was ready.
   */
  async arrayAt(document: vscode.TextDocument, position: vscode.Position): Promise<FoundArray | undefined> {
    const offset = document.offsetAt(position);
    const cached = this.entries.get(document.uri.toString());
    if (cached && cached.version === document.version) return containing(cached.arrays, offset);
    if (this.isLarge(document)) return this.arrayInWindow(document, offset);
    const arrays = await this.arraysSoon(document);
    return arrays && containing(arrays, offset);
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
    const known = recent && recent.version === document.version ? containing(recent.arrays, offset) : undefined;
    if (known) return known;
    const length = textLength(document);
    let from = Math.max(0, offset - halfWindow);
    let to = Math.min(length, offset + halfWindow);
    const version = document.version;
    let scan = await scanWindow(document, from, to, offset);
    // The array (or the row of a matrix) may have begun before the window: look back for its opening bracket.
    const anchor = scan.hit && scan.hit.start > from ? scan.hit.start : offset;
    const opener = await unmatchedBracketBefore(document, anchor);
    if (opener !== undefined && opener < from) {
      from = opener;
      scan = await scanWindow(document, from, to, offset);
    }
    // ...and may end after it: widen until that bracket closes.
    let closed = opener !== undefined && closes(scan.text, opener - from);
    while (opener !== undefined && to < length && !closed) {
      to = Math.min(length, from + 2 * (to - from));
      scan = await scanWindow(document, from, to, offset);
      closed = closes(scan.text, opener - from);
    }
    // An array touching an edge of the window that is not a real boundary may be a fragment of a larger one.
    const startIsBoundary = from === 0 || from === opener;
    const endIsBoundary = to === length || closed;
    // The text moved on while this window was scanned in slices: its answer would be for text that is gone.
    if (document.isClosed || document.version !== version) return undefined;
    const arrays = scan.arrays.filter((a) => (startIsBoundary || a.start > from) && (endIsBoundary || a.end < to));
    this.windows.set(key, { version: document.version, arrays });
    return scan.hit && arrays.includes(scan.hit) ? scan.hit : undefined;
  }

  dispose() {
    this.subscription.dispose();
    this.entries.clear();
    this.windows.clear();
    this.pending.clear();
  }
}

function textLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/** Arrays come in text order and do not overlap, so the last one starting at or before offset is the candidate. */
function containing(arrays: readonly FoundArray[], offset: number): FoundArray | undefined {
  let lo = 0;
  let hi = arrays.length - 1;
  let candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (arrays[mid].start <= offset) {
      candidate = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const found = candidate >= 0 ? arrays[candidate] : undefined;
  return found && offset <= found.end ? found : undefined;
}

/** Lets the event loop run: other requests and keystrokes go first between two slices of a scan. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * findArrays over the text, in slices with the event loop free in between; undefined as soon as
 * `stillWanted` says the answer is no longer needed (the document changed or closed).
 */
async function findArraysInSlices(text: string, languageId: string, stillWanted = () => true): Promise<FoundArray[] | undefined> {
  const scan = new ArrayScan(text, languageId);
  for (let offset = sliceChars; !scan.scanTo(offset); offset += sliceChars) {
    await nextTurn();
    if (!stillWanted()) return undefined;
  }
  return scan.arrays;
}

async function scanWindow(document: vscode.TextDocument, from: number, to: number, offset: number): Promise<WindowScan> {
  const text = document.getText(new vscode.Range(document.positionAt(from), document.positionAt(to)));
  const found = (await findArraysInSlices(text, document.languageId)) ?? [];
  const arrays = found.map((a) => ({ ...a, start: a.start + from, end: a.end + from }));
  return { text, arrays, hit: containing(arrays, offset) };
}

/** Whether the bracket at `index` of the text is closed within the text. */
function closes(text: string, index: number): boolean {
  let depth = 0;
  for (let i = Math.max(0, index); i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return true;
  }
  return false;
}

/** Characters that never occur inside a numeric array literal: a backward search for its `[` stops there. */
const outsideArrays = new Set(['{', '}', '"', '=', ':', '<', '>']);
const chunk = 64 * 1024;

/** The offset of the nearest `[` before the offset that is not closed before it, unless text no array holds comes first. */
async function unmatchedBracketBefore(document: vscode.TextDocument, offset: number): Promise<number | undefined> {
  let depth = 0;
  for (let end = offset; end > 0; end -= chunk) {
    if (end < offset) await nextTurn();
    const start = Math.max(0, end - chunk);
    const text = document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
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
