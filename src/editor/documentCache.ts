import * as vscode from 'vscode';
import { findArrays, type FoundArray } from '../core';

interface Entry {
  version: number;
  arrays: readonly FoundArray[];
}

/**
 * The arrays of each open document, found once per document version and shared by the lens,
 * the hover, the command and the panel. Dropped when the document closes.
 */
export class DocumentArrays implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((doc) => {
    this.entries.delete(doc.uri.toString());
  });

  arrays(document: vscode.TextDocument): readonly FoundArray[] {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.arrays;
    const arrays = findArrays(document.getText(), document.languageId);
    this.entries.set(key, { version: document.version, arrays });
    return arrays;
  }

  /** The innermost array whose literal contains the position (its brackets included). */
  arrayAt(document: vscode.TextDocument, position: vscode.Position): FoundArray | undefined {
    const offset = document.offsetAt(position);
    const arrays = this.arrays(document);
    // Arrays come in text order and do not overlap, so the last one starting at or before offset is the candidate.
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

  dispose() {
    this.subscription.dispose();
    this.entries.clear();
  }
}
