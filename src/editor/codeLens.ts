import * as vscode from 'vscode';
import { distributionOf, printPrecision, type ArrayRole, type FoundArray, type PrintPrecision } from '../core';
import { errorText } from '../l10n/coreErrors';
import { reasonText, roleLabel } from '../l10n/roleText';
import type { ArrayRoles } from './arrayRoles';
import { softmaxOfArraySoon } from './arraySoftmax';
import { Disposable } from './dispose';
import type { DocumentArrays } from './documentCache';
import { affectsSettings, readSettings } from './settings';
import { distributionTitle, lensTitle } from './summaries';
import { nextTurn } from './turns';

/**
 * More lenses than anyone scrolls past; beyond this a document (a dataset dump) gets a note instead, and the
 * hover and Compute Softmax still work on every array. VS Code copies every lens provided after each edit:
 * with 5 000 of them the web worker host blocked 33–95 ms per keystroke, with 1 000 about 23 ms (typing alone 11).
 */
export const maxLenses = 1000;

/** Arrays classified between two turns of the event loop while the lenses of a large document are listed. */
const rolesPerTurn = 512;

class ArrayLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    /** The document's language, so its language-specific settings apply when the lens resolves. */
    readonly languageId: string,
    readonly array: FoundArray,
    readonly role: ArrayRole,
    /** For printed probabilities and log-probabilities: how their numbers were printed. */
    readonly precision: PrintPrecision | undefined,
  ) {
    super(range);
  }
}

/**
 * A lens on the line where each array starts. Lenses are created cheaply; the softmax of an array is
 * computed only when VS Code resolves its lens, i.e. when it scrolls into view.
 */
export class SoftmaxCodeLensProvider extends Disposable implements vscode.CodeLensProvider<ArrayLens> {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Documents already noted as too large or too crowded, so the note is said once. */
  private readonly noted = new Set<string>();

  constructor(
    private readonly arrays: DocumentArrays,
    private readonly roles: ArrayRoles,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e)) {
          this.noted.clear();
          this.changed.fire();
        }
      }),
    );
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.noted.delete(doc.uri.toString())));
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<ArrayLens[]> {
    const settings = readSettings(document);
    if (!settings.codeLensEnabled) return [];
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
    const version = document.version;
    const text = document.getText();
    const lenses: ArrayLens[] = [];
    let k = 0;
    for (; k < found.length && lenses.length < maxLenses; k++) {
      if (k > 0 && k % rolesPerTurn === 0) {
        // Classifying is cheap per array but not for a hundred thousand: the host stays free in between.
        await nextTurn();
        if (token.isCancellationRequested || document.version !== version) return [];
      }
      const array = found[k];
      const role = this.roles.roleIn(document, text, array);
      // "likely": no lens on sizes, indices, axes and ranges, whose softmax means nothing.
      if (role.role === 'shape' && settings.codeLensArrays === 'likely') continue;
      const precision = role.role === 'probabilities' || role.role === 'logProbabilities' ? printPrecision(text, array, document.languageId) : undefined;
      const line = document.positionAt(array.start).line;
      lenses.push(new ArrayLens(new vscode.Range(line, 0, line, 0), document.uri, document.languageId, array, role, precision));
    }
    if (k < found.length) {
      this.noteOnce(
        document,
        vscode.l10n.t('Softmax Lens: CodeLenses on the first {0} of the {1} arrays in {2}.', maxLenses, found.length, fileName(document)),
      );
    }
    return lenses;
  }

  async resolveCodeLens(lens: ArrayLens, token: vscode.CancellationToken): Promise<ArrayLens | undefined> {
    if (token.isCancellationRequested) return undefined;
    const { role } = lens.role;
    const title = await arrayTitle(lens.array, lens.role, lens.precision, readSettings({ uri: lens.uri, languageId: lens.languageId }).temperature, () => !token.isCancellationRequested);
    if (title === undefined) return undefined;
    const tooltip =
      role === 'logits'
        ? vscode.l10n.t('Show the steps of this softmax')
        : vscode.l10n.t('Read as {0}: {1}. Click for the walkthrough.', roleLabel(role), reasonText(lens.role.reason));
    lens.command = { title, tooltip, command: 'softmaxLens.showWalkthrough', arguments: [{ uri: lens.uri.toString(), start: lens.array.start }] };
    return lens;
  }

  private noteOnce(document: vscode.TextDocument, message: string) {
    const key = document.uri.toString();
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.log.info(message);
    vscode.window.setStatusBarMessage(message, 8000);
  }
}

/**
 * The one-line summary of an array by its role: printed probabilities and log-probabilities get their own facts,
 * never their softmax; anything else its softmax. Undefined when `stillWanted` turns false on the way.
 */
export async function arrayTitle(
  array: FoundArray,
  { role }: ArrayRole,
  precision: PrintPrecision | undefined,
  temperature: number,
  stillWanted?: () => boolean,
): Promise<string | undefined> {
  if (role === 'probabilities' || role === 'logProbabilities') {
    return distributionTitle(distributionOf(array, role, precision, 4), array.shape, role);
  }
  try {
    // In steps for a large array: typing above a million logits resolves its lens again after each key.
    const result = await softmaxOfArraySoon(array, temperature, stillWanted);
    return result && lensTitle(result);
  } catch (error) {
    return vscode.l10n.t('softmax: {0}', errorText(error));
  }
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || document.uri.toString();
}
