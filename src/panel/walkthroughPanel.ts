import * as vscode from 'vscode';
import { formatNumber, type ArrayRole, type FoundArray } from '../core';
import type { ArrayRoles } from '../editor/arrayRoles';
import { Disposable } from '../editor/dispose';
import type { DocumentArrays } from '../editor/documentCache';
import type { OutputArrays, PrintedArray } from '../editor/outputArrays';
import { affectsSettings, printedScope, readSettings } from '../editor/settings';
import { decimalsFrom } from '../editor/settingsSchema';
import { computeSoon } from '../editor/turns';
import { errorText } from '../l10n/coreErrors';
import { reasonText, roleLabel } from '../l10n/roleText';
import { localResourceRoots, walkthroughHtml } from './html';
import type { LabRequest } from './labModel';
import {
  attentionDefaults,
  attentionSettingsFrom,
  candidateCap,
  parseWebviewMessage,
  samplingOff,
  samplingSettingsFrom,
  sameRef,
  type ArrayRef,
  type AttentionSettings,
  type SamplingSettings,
  type HostMessage,
  type PersistedState,
  type WalkthroughView,
  type WebviewMessage,
} from './protocol';
import { describeSource } from './source';
import { readingWords, walkthroughStrings } from './strings';
import { rowCount, rowLength, viewSteps } from './viewModel';

export const walkthroughViewType = 'softmaxLens.walkthrough';

/** The array the panel shows: a snapshot, so a pinned panel keeps it while the document changes. */
interface Shown {
  ref: ArrayRef;
  version: number;
  array: FoundArray;
  source: WalkthroughView['source'];
  reading: WalkthroughView['reading'];
  /** Whose settings apply: the document's, with its language, or the notebook's with the printing cell's language. */
  scope: { uri: vscode.Uri; languageId: string };
}

/** What the extension host can observe of the panel, for the integration tests. */
export interface WalkthroughSnapshot {
  open: boolean;
  ref?: ArrayRef;
  values?: number[];
  /** What the shown array reads as, as the panel says it. */
  reading?: WalkthroughView['reading'];
  /** Where the panel's header says the array is. */
  source?: WalkthroughView['source'];
  row: number;
  pinned: boolean;
  lingering: boolean;
  temperature: number;
  decimals: number;
  target?: number;
  sampling: SamplingSettings;
  compareWith?: number;
  attention: AttentionSettings;
  seq: number;
  /** The note the panel shows instead of the steps (no array, or input softmax cannot take). */
  note?: string;
  /** The probabilities the steps table shows, as written there. */
  probabilities?: string[];
  /** The last render the webview confirmed, with how many formulas KaTeX typeset in it. */
  rendered?: { seq: number; formulas: number; rows: number };
}

const followDelayMs = 150;

/** The one walkthrough panel: created beside the editor, reused, following the cursor unless pinned. */
export class WalkthroughPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** What lives as long as one webview panel; this object outlives it and takes the next (a reopen, a restore). */
  private panelSubscriptions: vscode.Disposable[] = [];
  private shown: Shown | undefined;
  private shownSince = 0;
  private seq = 0;
  private row = 0;
  private target: number | undefined;
  private pinned = false;
  private lingering = false;
  /** What the person set with the panel's own controls; until then (and after a settings change) the settings apply. */
  private chosen: { temperature?: number; decimals?: number } = {};
  private sampling: SamplingSettings = samplingOff;
  private attention: AttentionSettings = attentionDefaults;
  /** The start of the array compared with, in the shown array's document. */
  private compareWith: number | undefined;
  private rendered: WalkthroughSnapshot['rendered'];
  private note: string | undefined;
  private probabilities: string[] | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts follow requests, so an answer that arrives after a newer cursor move or edit is dropped. */
  private followRequest = 0;
  /** Cancels the window scan of a follow request a newer one replaces. */
  private followCancel: vscode.CancellationTokenSource | undefined;
  /** A restored state whose document was not open yet. */
  private awaited: PersistedState | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly arrays: DocumentArrays,
    private readonly roles: ArrayRoles,
    private readonly outputs: OutputArrays,
  ) {
    super();
    this._register(vscode.window.onDidChangeTextEditorSelection((e) => this.scheduleFollow(e.textEditor)));
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.scheduleFollow(editor)));
    this._register(outputs.onDidChangeSelection(() => this.scheduleFollowCell()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affectsSettings(e)) return;
        this.chosen = {};
        void this.render();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        const editor = vscode.window.activeTextEditor;
        if (editor && e.document === editor.document) this.scheduleFollow(editor);
      }),
    );
    this._register(
      vscode.workspace.onDidOpenTextDocument((document) => {
        const state = this.awaited;
        if (!state || this.shown || !this.panel || state.ref?.kind === 'output' || state.ref?.uri !== document.uri.toString()) return;
        void this.adopt(state).then(() => this.render());
      }),
    );
    // Registered last, so disposed first: no follow fires and no webview is left open once the listeners are gone.
    this._register({
      dispose: () => {
        clearTimeout(this.followTimer);
        this.followCancel?.dispose();
        this.panel?.dispose();
      },
    });
  }

  /** Opens (or reveals) the panel on an array given by reference, or on the array at the active cursor. */
  async show(ref?: ArrayRef): Promise<WalkthroughSnapshot> {
    // Read the cursor before the panel takes the stage, and create the panel before awaiting: two quick calls share one.
    const atCursor = ref ? undefined : this.atCursor(vscode.window.activeTextEditor).then((shown) => shown ?? this.atSelectedCell());
    this.followRequest++;
    this.followCancel?.cancel();
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        walkthroughViewType,
        walkthroughStrings().title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.webviewOptions(),
      );
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, true);
    }
    const shown = ref ? await this.resolve(ref, true) : await atCursor;
    if (shown) this.setShown(shown, false);
    else if (this.shown && !ref) this.lingering = true;
    void this.render();
    return this.snapshot();
  }

  /** Takes over a panel VS Code brings back after a reload, with the state the webview saved. */
  async restore(panel: vscode.WebviewPanel, state: PersistedState | undefined): Promise<void> {
    this.panel?.dispose();
    this.attach(panel);
    if (state) await this.adopt(state);
    void this.render();
  }

  /** Takes the array, pin and controls a webview saved, when the host has nothing of its own to show. */
  private async adopt(state: PersistedState) {
    this.chosen = { temperature: state.temperature, decimals: decimalsFrom(state.decimals) };
    this.pinned = state.pinned === true;
    this.sampling = samplingSettingsFrom(state.sampling);
    this.attention = attentionSettingsFrom(state.attention);
    const shown = state.ref ? await this.resolve(state.ref, false) : undefined;
    // Its document may open a moment later, as VS Code brings the editors back too.
    this.awaited = shown ? undefined : state;
    if (!shown) return;
    this.setShown(shown, false);
    this.row = state.row ?? 0;
    this.target = state.target;
    this.compareWith = typeof state.compareWith === 'number' ? state.compareWith : undefined;
  }

  setPinned(pinned: boolean): WalkthroughSnapshot {
    this.pinned = pinned;
    if (!pinned) this.scheduleFollow(vscode.window.activeTextEditor);
    void this.render();
    return this.snapshot();
  }

  snapshot(): WalkthroughSnapshot {
    return {
      open: this.panel !== undefined,
      ref: this.shown?.ref,
      values: this.shown?.array.values,
      reading: this.shown?.reading,
      source: this.shown?.source,
      row: this.row,
      pinned: this.pinned,
      lingering: this.lingering,
      temperature: this.temperature,
      decimals: this.decimals,
      target: this.target,
      sampling: this.sampling,
      compareWith: this.compareWith,
      attention: this.attention,
      seq: this.seq,
      note: this.note,
      probabilities: this.probabilities,
      rendered: this.rendered,
    };
  }

  /** The temperature the panel computes with: the person's choice in the panel, else the shown array's setting. */
  private get temperature(): number {
    return this.chosen.temperature ?? readSettings(this.shown?.scope).temperature;
  }

  private get decimals(): number {
    return this.chosen.decimals ?? readSettings(this.shown?.scope).decimals;
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: localResourceRoots(this.extensionUri) };
  }

  private attach(panel: vscode.WebviewPanel) {
    this.panel = panel;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    panel.webview.html = walkthroughHtml(panel.webview, this.extensionUri, walkthroughStrings().title);
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        // A webview's messages are whatever its page posts: only those that fit the protocol are acted on.
        const message = parseWebviewMessage(raw);
        if (message) this.receive(message);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.rendered = undefined;
        this.awaited = undefined;
        this.pinned = false;
        this.lingering = false;
        vscode.Disposable.from(...this.panelSubscriptions).dispose();
        this.panelSubscriptions = [];
      }),
    );
  }

  private receive(message: WebviewMessage) {
    switch (message.type) {
      case 'ready':
        if (!this.shown && message.state) void this.adopt(message.state).then(() => this.render());
        else void this.render();
        return;
      case 'rendered':
        if (message.seq === this.seq) this.rendered = { seq: message.seq, formulas: message.formulas, rows: message.rows };
        return;
      case 'setTemperature':
        this.chosen.temperature = message.temperature;
        break;
      case 'setDecimals':
        this.chosen.decimals = decimalsFrom(message.decimals);
        break;
      case 'setPinned':
        this.setPinned(message.pinned);
        return;
      case 'setRow':
        // A choice made on an array the panel has since left must not apply to the new one.
        if (message.seq < this.shownSince) return;
        this.row = message.row;
        break;
      case 'setTarget':
        if (message.seq < this.shownSince) return;
        this.target = message.target;
        break;
      case 'setSampling':
        this.sampling = samplingSettingsFrom(message.sampling);
        break;
      case 'setAttention':
        this.attention = attentionSettingsFrom(message.attention);
        break;
      case 'setCompare':
        if (message.seq < this.shownSince) return;
        this.compareWith = typeof message.start === 'number' ? message.start : undefined;
        break;
    }
    void this.render();
  }

  private scheduleFollow(editor: vscode.TextEditor | undefined) {
    if (!this.panel || this.pinned || !editor) return;
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => void this.follow(editor), followDelayMs);
  }

  private async follow(editor: vscode.TextEditor) {
    if (!this.panel || this.pinned || editor.document.isClosed) return;
    const request = ++this.followRequest;
    const version = editor.document.version;
    this.followCancel?.cancel();
    this.followCancel?.dispose();
    this.followCancel = new vscode.CancellationTokenSource();
    const array = await this.arrays.arrayAt(editor.document, editor.selection.active, this.followCancel.token);
    // In a notebook cell with no array at the cursor, the array its output prints.
    const printed = array ? undefined : await this.outputs.ofCellDocument(editor.document);
    // A cursor move, edit or command since then has asked (or will ask) again: only the newest answer may be shown.
    if (request !== this.followRequest || version !== editor.document.version) return;
    if (!this.panel || this.pinned || editor.document.isClosed) return;
    this.showFollowed(array ? this.shownOf(editor.document, array) : printed && this.shownOfPrinted(printed));
  }

  /** A notebook's selected cell changed: its editor's cursor decides when it has one, else what its outputs print. */
  private scheduleFollowCell() {
    if (!this.panel || this.pinned) return;
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => void this.followCell(), followDelayMs);
  }

  private async followCell() {
    const editor = vscode.window.activeTextEditor;
    const notebook = vscode.window.activeNotebookEditor;
    if (!notebook || notebook.selection.isEmpty) return;
    if (editor && editor.document === notebook.notebook.cellAt(notebook.selection.start).document) return this.follow(editor);
    if (!this.panel || this.pinned) return;
    const request = ++this.followRequest;
    const printed = await this.outputs.ofSelectedCell();
    if (request !== this.followRequest || !this.panel || this.pinned) return;
    this.showFollowed(printed && this.shownOfPrinted(printed));
  }

  /** Shows what the cursor (or the selected cell) is on now, or says the panel lingers on the last array. */
  private showFollowed(shown: Shown | undefined) {
    if (!shown) {
      if (this.shown && !this.lingering) {
        this.lingering = true;
        void this.render();
      }
      return;
    }
    const same = this.shown && sameArray(this.shown, shown) && this.shown.version === shown.version;
    if (same && !this.lingering) return;
    this.setShown(shown, true);
    void this.render();
  }

  private setShown(shown: Shown, keepChoices: boolean) {
    const sameRef = this.shown !== undefined && sameArray(this.shown, shown);
    if (!sameRef || !keepChoices) {
      this.shownSince = this.seq + 1;
      if (!sameRef) {
        this.row = 0;
        this.target = undefined;
        this.compareWith = undefined;
      }
    }
    this.shown = shown;
    this.lingering = false;
  }

  private async atCursor(editor: vscode.TextEditor | undefined): Promise<Shown | undefined> {
    if (!editor) return undefined;
    const array = await this.arrays.arrayAt(editor.document, editor.selection.active);
    return array && this.shownOf(editor.document, array);
  }

  private async atSelectedCell(): Promise<Shown | undefined> {
    const printed = await this.outputs.ofSelectedCell();
    return printed && this.shownOfPrinted(printed);
  }

  /**
   * The array a reference names, in a document or notebook already open: a reference from a command's argument or a
   * restored panel never loads a file into the host. `tell` says so in a message when the document is not open.
   */
  private async resolve(ref: ArrayRef, tell: boolean): Promise<Shown | undefined> {
    if (ref.kind === 'output') {
      const printed = await this.outputs.at(ref);
      return printed && this.shownOfPrinted(printed);
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === ref.uri);
    if (!document) {
      if (tell) {
        const name = ref.uri.split('/').pop() || ref.uri;
        void vscode.window.showWarningMessage(vscode.l10n.t('The walkthrough shows arrays of open documents, and {0} is not open. Open it, then try again.', name));
      }
      return undefined;
    }
    try {
      // Not arrays(): a document too large to scan whole is scanned only around the offset, others in slices.
      const array = await this.arrays.arrayAt(document, document.positionAt(ref.start));
      return array && this.shownOf(document, array);
    } catch {
      return undefined;
    }
  }

  private shownOf(document: vscode.TextDocument, array: FoundArray): Shown {
    return {
      ref: { uri: document.uri.toString(), start: array.start },
      version: document.version,
      array,
      source: describeSource(document, array),
      reading: readingOf(this.roles.roleOf(document, array)),
      scope: { uri: document.uri, languageId: document.languageId },
    };
  }

  private shownOfPrinted(printed: PrintedArray): Shown {
    const { ref, version, array, source, role } = printed;
    return { ref, version, array, source, reading: readingOf(role), scope: printedScope(printed) };
  }

  /** Posts the view of what is shown; a huge row is computed a step per turn, and a newer render makes this one stop. */
  private async render() {
    if (!this.panel) return;
    const strings = walkthroughStrings();
    const seq = ++this.seq;
    let message: HostMessage;
    if (!this.shown) {
      message = { type: 'empty', seq, strings, message: strings.emptyNote };
    } else {
      try {
        // An elided print has no rows to step through: viewSteps says so.
        const rows = this.shown.array.elided ? 1 : rowCount(this.shown.array);
        this.row = Math.min(Math.max(0, this.row), rows - 1);
        const request = {
          seq,
          ref: this.shown.ref,
          array: this.shown.array,
          source: this.shown.source,
          reading: this.shown.reading,
          row: this.row,
          temperature: this.temperature,
          decimals: this.decimals,
          pinned: this.pinned,
          lingering: this.lingering,
          target: this.target,
          words: readingWords(),
          lab: await this.labRequest(this.shown),
        };
        const size = this.shown.array.elided ? 0 : rowLength(this.shown.array);
        const view = await computeSoon(viewSteps(request), size, () => this.seq === seq && this.panel !== undefined);
        if (!view) return;
        message = { type: 'render', strings, view };
      } catch (error) {
        // The core names what is wrong with the input (NaN, +Infinity, all masked) in the person's words.
        message = { type: 'empty', seq, strings, message: errorText(error) };
      }
    }
    if (this.seq !== seq) return;
    this.note = message.type === 'empty' ? message.message : undefined;
    this.probabilities = message.type === 'render' ? message.view.rows.map((r) => r.probability) : undefined;
    void this.panel?.webview.postMessage(message);
  }

  /** The lab's settings, and the arrays of the shown array's document it may be compared with (from the cache). */
  private async labRequest(shown: Shown): Promise<LabRequest> {
    const request: LabRequest = { sampling: this.sampling, attention: this.attention, candidates: [], moreCandidates: false, describeError: errorText };
    // An array a notebook cell's output prints lives in no document: there is nothing beside it to compare with.
    const { ref } = shown;
    if (ref.kind === 'output') return request;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === ref.uri);
    // A document too large to scan whole is only ever scanned around the cursor: it offers nothing to compare with.
    if (!document || document.isClosed || this.arrays.isLarge(document)) return request;
    const arrays = (await this.arrays.arraysSoon(document)) ?? [];
    const same = arrays.filter((a) => a.start !== shown.array.start && sameShape(a.shape, shown.array.shape));
    request.candidates = same.slice(0, candidateCap).map((a) => ({ start: a.start, label: candidateLabel(document, a) }));
    request.moreCandidates = same.length > candidateCap;
    const chosen = same.find((a) => a.start === this.compareWith);
    if (chosen) request.compareWith = { start: chosen.start, array: chosen };
    return request;
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}

/** `teacher (line 12): [1.5, 0.3, −0.2, …]`: the name and line of an array to compare with, and its first numbers. */
function candidateLabel(document: vscode.TextDocument, array: FoundArray): string {
  const { name, line } = describeSource(document, array);
  const where = name ? vscode.l10n.t('{0} (line {1})', name, line) : vscode.l10n.t('line {0}', line);
  const first = array.values.slice(0, 3).map((x) => formatNumber(x, 4));
  return `${where}: [${first.join(', ')}${array.values.length > 3 ? ', …' : ''}]`;
}

/** What the array reads as, and for anything but logits that the steps take its softmax all the same. */
function readingOf({ role, reason }: ArrayRole): WalkthroughView['reading'] {
  const reading: WalkthroughView['reading'] = { label: roleLabel(role), reason: reasonText(reason) };
  if (role !== 'logits') {
    reading.note = vscode.l10n.t('These numbers read as {0}, not logits; the steps below take their softmax as if they were logits, as asked.', roleLabel(role));
  }
  return reading;
}

function sameArray(a: Shown, b: Shown): boolean {
  return sameRef(a.ref, b.ref);
}
