import * as vscode from 'vscode';
import { claimSteps, type ClaimFinding } from '../core';
import { Disposable } from './dispose';
import type { DocumentArrays } from './documentCache';
import { runInTurns } from './turns';

/** Quiet time after the last keystroke before a document's prints are checked again. */
const debounceMs = 300;

/** The command the quick fix runs: it replaces the print only if the text is still what was checked. */
export const applyClaimFixCommand = 'softmaxLens.applyClaimFix';

/** The findings of one document version, with their diagnostics (same order). */
interface Checked {
  version: number;
  findings: readonly ClaimFinding[];
  diagnostics: readonly vscode.Diagnostic[];
}

/** The finding in the display language. */
export function findingMessage(finding: ClaimFinding): string {
  if (finding.code === 'wrongSoftmax') {
    const { call, expected, printed } = finding.params;
    return vscode.l10n.t('{0} is {1}; this print shows {2}', call, expected, printed);
  }
  const { sum, tolerance, row } = finding.params;
  return row === undefined
    ? vscode.l10n.t('These probabilities sum to {0}, not 1: their rounding allows 1 ± {1}', sum, tolerance)
    : vscode.l10n.t('Row {0} of these probabilities sums to {1}, not 1: its rounding allows 1 ± {2}', row, sum, tolerance);
}

/**
 * Printed softmax outputs checked against their code (the core's claims), shown as warnings on the printed arrays
 * and kept current as the document changes: checked after a pause in typing, in steps between other work, from
 * the arrays the document cache has found. Cleared when the document closes.
 */
export class ClaimDiagnostics extends Disposable implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('softmaxLens.claims'));
  private readonly checked = new Map<string, Checked>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly arrays: DocumentArrays) {
    super();
    this._register({
      dispose: () => {
        for (const t of this.timers.values()) clearTimeout(t);
        this.timers.clear();
        this.checked.clear();
      },
    });
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, debounceMs);
      }),
    );
    // Changing a document's language closes and reopens it: what is still open under that name keeps its warnings.
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        const reopened = vscode.workspace.textDocuments.find((o) => o !== d && !o.isClosed && o.uri.toString() === d.uri.toString());
        if (reopened === undefined) this.forget(d.uri);
      }),
    );
    this._register(
      vscode.commands.registerCommand(applyClaimFixCommand, (uri: vscode.Uri, version: number, start: number, end: number, printed: string, text: string) =>
        this.applyFix(uri, version, start, end, printed, text),
      ),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number) {
    if (this.isDisposed) return;
    if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm') return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, delay),
    );
  }

  private async check(document: vscode.TextDocument) {
    const key = document.uri.toString();
    const version = document.version;
    if (document.isClosed || this.arrays.isLarge(document)) return;
    const found = await this.arrays.arraysSoon(document);
    const current = () => !document.isClosed && document.version === version;
    if (found === undefined || !current()) return;
    const text = document.getText();
    const findings = await runInTurns(claimSteps(text, found, document.languageId), current);
    if (findings === undefined || !current() || this.isDisposed) return;
    const diagnostics = findings.map((f) => this.diagnosticOf(document, f));
    this.checked.set(key, { version, findings, diagnostics });
    this.collection.set(document.uri, diagnostics);
  }

  private diagnosticOf(document: vscode.TextDocument, finding: ClaimFinding): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const d = new vscode.Diagnostic(range, findingMessage(finding), vscode.DiagnosticSeverity.Warning);
    d.source = 'Softmax Lens';
    d.code = finding.code;
    if (finding.code === 'wrongSoftmax') {
      const logits = new vscode.Range(document.positionAt(finding.logits.start), document.positionAt(finding.logits.end));
      d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, logits), vscode.l10n.t('the logits this print claims to be the softmax of'))];
    }
    return d;
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const checked = this.checked.get(document.uri.toString());
    if (checked === undefined || checked.version !== document.version) return [];
    const actions: vscode.CodeAction[] = [];
    checked.findings.forEach((f, k) => {
      const diagnostic = checked.diagnostics[k];
      if (f.code !== 'wrongSoftmax' || f.fix === undefined || diagnostic.range.intersection(range) === undefined) return;
      const action = new vscode.CodeAction(vscode.l10n.t('Write the correct print'), vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      const printed = document.getText(diagnostic.range);
      action.command = { command: applyClaimFixCommand, title: action.title, arguments: [document.uri, document.version, f.fix.start, f.fix.end, printed, f.fix.text] };
      actions.push(action);
    });
    return actions;
  }

  /** One undoable edit on exactly the printed array's text, refused when that text is no longer what was checked. */
  private async applyFix(uri: vscode.Uri, _version: number, start: number, end: number, printed: string, text: string): Promise<boolean> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const range = document && new vscode.Range(document.positionAt(start), document.positionAt(end));
    // Another edit since the check is fine as long as the printed array's text is still exactly what was checked.
    if (document === undefined || range === undefined || document.getText(range) !== printed) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The print changed since it was checked; nothing was replaced.'));
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, range, text);
    return vscode.workspace.applyEdit(edit);
  }

  private forget(uri: vscode.Uri) {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(key);
    this.checked.delete(key);
    this.collection.delete(uri);
  }
}
