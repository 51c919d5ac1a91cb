import * as vscode from 'vscode';
import type { FoundArray } from '../core';
import { errorText } from '../l10n/coreErrors';
import { softmaxOfArraySoon } from './arraySoftmax';
import type { DocumentArrays } from './documentCache';
import { affectsSettings, readSettings } from './settings';
import { lensTitle } from './summaries';

/**
 * More lenses than anyone scrolls past; beyond this a document (a dataset dump) gets a note instead, and the
 * hover and Compute Softmax still work on every array. VS Code copies every lens provided after each edit:
 * with 5 000 of them the web worker host blocked 33–95 ms per keystroke, with 1 000 about 23 ms (typing alone 11).
 */
export const maxLenses = 1000;

class ArrayLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    readonly array: FoundArray,
  ) {
    super(range);
  }
}

/**
 * A lens on the line where each array starts. Lenses are created cheaply; the softmax of an array is
 * computed only when VS Code resolves its lens, i.e. when it scrolls into view.
 */
export class SoftmaxCodeLensProvider implements vscode.CodeLensProvider<ArrayLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Documents already noted as too large or too crowded, so the note is said once. */
  private readonly noted = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [
    this.changed,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e)) {
        this.noted.clear();
        this.changed.fire();
      }
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => this.noted.delete(doc.uri.toString())),
  ];

  constructor(
    private readonly arrays: DocumentArrays,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<ArrayLens[]> {
    if (!readSettings(document).codeLensEnabled) return [];
    if (this.arrays.isLarge(document)) {
      this.noteOnce(
        document,
        vscode.l10n.t(
          'Softmax Lens: no CodeLenses in {0}, which is larger than softmaxLens.maxFileSize; hover and Compute Softmax still work.',
          fileName(document),
        ),
      );
      return [];
    }
    // Scanned in slices: typing in a large document must not wait for the whole scan.
    const found = await this.arrays.arraysSoon(document);
    if (!found || token.isCancellationRequested) return [];
    if (found.length > maxLenses) {
      this.noteOnce(
        document,
        vscode.l10n.t('Softmax Lens: CodeLenses on the first {0} of the {1} arrays in {2}.', maxLenses, found.length, fileName(document)),
      );
    }
    const lenses: ArrayLens[] = [];
    for (const array of found.slice(0, maxLenses)) {
      const line = document.positionAt(array.start).line;
      lenses.push(new ArrayLens(new vscode.Range(line, 0, line, 0), document.uri, array));
    }
    return lenses;
  }

  async resolveCodeLens(lens: ArrayLens, token: vscode.CancellationToken): Promise<ArrayLens | undefined> {
    if (token.isCancellationRequested) return undefined;
    let title: string;
    try {
      // In steps for a large array: typing above a million logits resolves its lens again after each key.
      const result = await softmaxOfArraySoon(lens.array, readSettings(lens.uri).temperature, () => !token.isCancellationRequested);
      if (!result) return undefined;
      title = lensTitle(result);
    } catch (error) {
      title = vscode.l10n.t('softmax: {0}', errorText(error));
    }
    lens.command = {
      title,
      tooltip: vscode.l10n.t('Show the steps of this softmax'),
      command: 'softmaxLens.showWalkthrough',
      arguments: [{ uri: lens.uri.toString(), start: lens.array.start }],
    };
    return lens;
  }

  private noteOnce(document: vscode.TextDocument, message: string) {
    const key = document.uri.toString();
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.log.info(message);
    vscode.window.setStatusBarMessage(message, 8000);
  }

  dispose() {
    for (const s of this.subscriptions) s.dispose();
  }
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || document.uri.toString();
}
