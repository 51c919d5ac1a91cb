import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { classifyArray, printPrecision, roleWindow, type ArrayRole, type FoundArray, type PrintPrecision } from '../core';

/** What an array is taken for should classifying it ever fail: logits, the views as they were before roles. */
const fallback: ArrayRole = { role: 'logits', reason: { code: 'noCue' } };

/** classifyArray, which is written not to throw; should it ever, the array keeps its softmax lens. */
function classify(text: string, array: FoundArray, languageId: string): ArrayRole {
  try {
    return classifyArray(text, array, languageId);
  } catch {
    return fallback;
  }
}

/** The roles found in one document version, per array object of that version's scan. */
interface Entry {
  version: number;
  roles: Map<FoundArray, ArrayRole>;
}

/**
 * What each array of a document is (the core's classifyArray), remembered per document version so the lens, the
 * hover, the command and the walkthrough agree and none classifies twice. Dropped when the document closes.
 */
export class ArrayRoles extends Disposable {
  private readonly entries = new Map<string, Entry>();

  constructor() {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString())));
    this._register({ dispose: () => this.entries.clear() });
  }

  /** The role of one array of the document as it is now, read from a window of text around it. */
  roleOf(document: vscode.TextDocument, array: FoundArray): ArrayRole {
    const roles = this.rolesFor(document);
    let role = roles.get(array);
    if (role === undefined) {
      const from = Math.max(0, array.start - roleWindow.before);
      const text = document.getText(new vscode.Range(document.positionAt(from), document.positionAt(array.end + roleWindow.after)));
      role = classify(text, { ...array, start: array.start - from, end: array.end - from }, document.languageId);
      roles.set(array, role);
    }
    return role;
  }

  /** The role of an array of `text`, the document's whole text at its current version (the lens has it at hand). */
  roleIn(document: vscode.TextDocument, text: string, array: FoundArray): ArrayRole {
    const roles = this.rolesFor(document);
    let role = roles.get(array);
    if (role === undefined) {
      role = classify(text, array, document.languageId);
      roles.set(array, role);
    }
    return role;
  }

  private rolesFor(document: vscode.TextDocument): Map<FoundArray, ArrayRole> {
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    if (entry === undefined || entry.version !== document.version) {
      entry = { version: document.version, roles: new Map() };
      this.entries.set(key, entry);
    }
    return entry.roles;
  }
}

/** How the array's numbers were printed, read from its own literal in the document (undefined when unknown). */
export function precisionOf(document: vscode.TextDocument, array: FoundArray): PrintPrecision | undefined {
  const literal = document.getText(new vscode.Range(document.positionAt(array.start), document.positionAt(array.end)));
  return printPrecision(literal, { ...array, start: 0, end: literal.length }, document.languageId);
}
