import type * as vscode from 'vscode';
import type { ArrayRole, FoundArray, PrintPrecision } from '../core';
import type { OutputArrayRef, WalkthroughView } from '../panel/protocol';

/** An array a notebook cell's saved output prints: it lives in no TextDocument, so it carries its own place. */
export interface PrintedArray {
  ref: OutputArrayRef;
  /** The notebook's version when the output was read: a newer one may print something else. */
  version: number;
  /** Offsets in the output item's decoded text. */
  array: FoundArray;
  role: ArrayRole;
  precision: PrintPrecision | undefined;
  /** The language of the cell that printed it, for results written back as code. */
  languageId: string;
  source: WalkthroughView['source'];
}

/** The arrays notebook outputs print, as the command and the walkthrough ask for them (src/notebook provides them). */
export interface OutputArrays {
  /** The array the outputs of the active notebook's selected cell print first (the one its status bar item names). */
  ofSelectedCell(): Promise<PrintedArray | undefined>;
  /** The same for the cell whose source is this document. */
  ofCellDocument(document: vscode.TextDocument): Promise<PrintedArray | undefined>;
  /** The array a reference points at, in a notebook already open. */
  at(ref: OutputArrayRef): Promise<PrintedArray | undefined>;
  /** Fires when the selected cell of a notebook editor changes. */
  readonly onDidChangeSelection: vscode.Event<void>;
}
