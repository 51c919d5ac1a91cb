import * as vscode from 'vscode';
import { arrayContaining, ArrayScan, arrayWindowSteps, composeEdits, type FoundArray, type ScanResult, type TextEdit, type TextSource } from '../core';
import { Disposable } from './dispose';
import { readSettings } from './settings';
import { nextTurn, runInTurns } from './turns';
import { WindowScans, type ArrayLookUp } from './windowScans';

export type { ArrayLookUp } from './windowScans';

/** The arrays of one document version's whole text, with where a scan after an edit may resume. */
interface Entry {
  version: number;
  arrays: readonly FoundArray[];
  /** Where a scan after an edit may resume, and the brackets open there. */
  resume?: Pick<ScanResult, 'checkpoints'>;
}

/** The edits made to a document since the version its entry was scanned at, taken together. */
interface Edited {
  since: number;
  version: number;
  edit: TextEdit;
}

/** A scan in progress for one document version, shared by every request that waits for it. */
interface PendingScan {
  version: number;
  result: Promise<readonly FoundArray[] | undefined>;
}

/** Characters scanned between two yields to the event loop at most: a few milliseconds of work on a slow machine. */
const sliceChars = 128 * 1024;
/** A turn's scan stops early after this long (code not yet optimised runs several times slower), checked every `pieceChars`. */
const sliceMs = 8;
const pieceChars = 16 * 1024;

/** Half the width of the first window scanned around the cursor in a document too large to scan whole. */
const halfWindow = 32 * 1024;
/** Characters a window scan reads per turn. */
const windowChunk = 64 * 1024;

/**
 * The arrays of each open document, found once per document version and shared by the lens,
 * the hover, the command and the panel. Dropped when the document closes.
 * Documents above `softmaxLens.maxFileSize` are never scanned whole by `arrayAt`: it scans a window around the cursor.
 */
export class DocumentArrays extends Disposable {
  private readonly entries = new Map<string, Entry>();
  /** The windows scanned in each large document, so repeated and concurrent requests share them. */
  private readonly windows = new Map<string, WindowScans>();
  private readonly pending = new Map<string, PendingScan>();
  private readonly edited = new Map<string, Edited>();

  constructor() {
    super();
    this._register({ dispose: () => this.forgetAll() });
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri.toString())));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.noteEdit(e)));
  }

  private forget(key: string) {
    this.entries.delete(key);
    this.windows.delete(key);
    this.pending.delete(key);
    this.edited.delete(key);
  }

  private forgetAll() {
    this.entries.clear();
    this.windows.clear();
    this.pending.clear();
    this.edited.clear();
  }

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
   * Undefined too when the document changed, or the request was cancelled, before the answer was ready.
   */
  async arrayAt(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<FoundArray | undefined> {
    return (await this.lookUp(document, position, token)).array;
  }

  /** arrayAt, saying also when a large document's window could not grow to hold the array at the position. */
  async lookUp(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<ArrayLookUp> {
    const offset = document.offsetAt(position);
    const cached = this.entries.get(document.uri.toString());
    if (cached && cached.version === document.version) return { array: arrayContaining(cached.arrays, offset), tooLong: false };
    if (this.isLarge(document)) return (await this.arrayInWindow(document, offset, token)) ?? { array: undefined, tooLong: false };
    const arrays = await this.arraysSoon(document);
    return { array: arrays && !token?.isCancellationRequested ? arrayContaining(arrays, offset) : undefined, tooLong: false };
  }

  /** True when the document is longer than `softmaxLens.maxFileSize`: no lenses, and `arrayAt` scans a window. */
  isLarge(document: vscode.TextDocument): boolean {
    return textLength(document) > readSettings(document).maxFileSize;
  }

  /**
   * The most characters a window in a large document grows to: four times `softmaxLens.maxFileSize` (a document that
   * size would be scanned whole, in slices), and never less than a few first windows.
   */
  windowCap(document: vscode.TextDocument): number {
    return Math.max(4 * readSettings(document).maxFileSize, 4 * halfWindow);
  }

  /**
   * Scans a window around the offset instead of the whole text (see arrayWindowSteps), growing to at most
   * `windowCap` characters. Window scans of one document version run one at a time and what each
   * settles is kept, so concurrent and repeated requests share the work; a request whose token is cancelled
   * stops waiting, and a scan nobody waits for any more stops.
   */
  private async arrayInWindow(document: vscode.TextDocument, offset: number, token: vscode.CancellationToken | undefined): Promise<ArrayLookUp | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    let windows = this.windows.get(key);
    if (windows === undefined || windows.version !== version) {
      windows = new WindowScans(version);
      this.windows.set(key, windows);
    }
    const stillWanted = () => !document.isClosed && document.version === version && !token?.isCancellationRequested;
    const limits = { half: halfWindow, cap: this.windowCap(document), chunk: windowChunk };
    const scan = () => runInTurns(arrayWindowSteps(textSource(document), offset, document.languageId, limits), stillWanted);
    const answer = windows.lookUp(offset, scan, stillWanted);
    return token === undefined ? answer : Promise.race([answer, cancelled(token)]);
  }
}

function textLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/** Resolves (with undefined) once the token is cancelled. */
function cancelled(token: vscode.CancellationToken): Promise<undefined> {
  return new Promise((resolve) => {
    if (token.isCancellationRequested) return resolve(undefined);
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      resolve(undefined);
    });
  });
}

/**
 * The document as the core's window scan reads it. Every piece begins and ends on an offset `offsetAt(positionAt(x))`
 * gives back, never between the \r and \n of a CRLF line break: there positionAt would move the piece by one.
 */
function textSource(document: vscode.TextDocument): TextSource {
  return {
    length: textLength(document),
    edge: (offset) => document.offsetAt(document.positionAt(offset)),
    text: (start, end) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))),
  };
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
  } while (!scanOneTurn(scan));
  return scan;
}

/** Scans on for one turn: up to `sliceChars`, or less once the turn has taken `sliceMs`; true once the text is done. */
function scanOneTurn(scan: ArrayScan): boolean {
  const started = performance.now();
  for (let read = 0; read < sliceChars; read += pieceChars) {
    if (scan.scanMore(pieceChars)) return true;
    if (performance.now() - started >= sliceMs) return false;
  }
  return false;
}
