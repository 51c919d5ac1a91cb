// The walkthrough webview: renders what the host sends, reports the person's choices back, keeps its state for a reload.
import { isHostMessage, parsePersistedState, type PersistedState, type WalkthroughStrings, type WalkthroughView, type WebviewMessage } from '../panel/protocol';
import { Controls } from './controls';
import { LabControls } from './lab/controls';
import { renderContent, renderSource, renderTitle } from './render';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('walkthrough') as HTMLElement;
const header = document.createElement('header');
const note = document.createElement('p');
note.className = 'note';
note.setAttribute('role', 'status');
const content = document.createElement('div');
content.className = 'content';

/** The newest render seen; anything older is for an array the panel has already left. */
let latestSeq = 0;
let logSoftmaxOpen = false;

const post = (message: WebviewMessage) => vscode.postMessage(message);

/** One temperature change in flight at a time: while the host renders a long array, only the latest value waits. */
let awaitingRender = false;
let queuedTemperature: number | undefined;
function sendTemperature(temperature: number) {
  if (awaitingRender) {
    queuedTemperature = temperature;
    return;
  }
  awaitingRender = true;
  post({ type: 'setTemperature', seq: latestSeq, temperature });
}
function renderArrived() {
  awaitingRender = false;
  if (queuedTemperature === undefined) return;
  const next = queuedTemperature;
  queuedTemperature = undefined;
  sendTemperature(next);
}

const controls = new Controls({
  temperature: sendTemperature,
  decimals: (decimals) => post({ type: 'setDecimals', seq: latestSeq, decimals }),
  row: (row) => post({ type: 'setRow', seq: latestSeq, row }),
  pinned: (pinned) => post({ type: 'setPinned', seq: latestSeq, pinned }),
});
controls.hide();
const labControls = new LabControls({
  sampling: (sampling) => post({ type: 'setSampling', seq: latestSeq, sampling }),
  compare: (start) => post({ type: 'setCompare', seq: latestSeq, start }),
  attention: (attention) => post({ type: 'setAttention', seq: latestSeq, attention }),
});
root.append(header, controls.root, note, content);

function render(view: WalkthroughView, strings: WalkthroughStrings) {
  const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
  document.title = strings.title;
  header.replaceChildren(renderSource(view, strings));
  controls.update(view, strings);
  labControls.update(view, strings);
  note.textContent = view.lingering ? strings.lingeringNote : view.pinned ? strings.pinnedNote : '';
  note.hidden = note.textContent === '';
  const sections = renderContent(view, {
    strings,
    logSoftmaxOpen,
    onTarget: (target) => post({ type: 'setTarget', seq: view.seq, target }),
    onLogSoftmaxToggle: (open) => (logSoftmaxOpen = open),
    labControls,
  });
  content.replaceChildren(...sections);
  if (focusKey) content.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  vscode.setState({
    ref: view.ref,
    row: view.row,
    pinned: view.pinned,
    temperature: view.temperature,
    decimals: view.decimals,
    target: view.target,
    sampling: view.lab.sampling.settings,
    compareWith: view.lab.compare.chosen,
    attention: view.lab.attentionSettings,
  });
  post({ type: 'rendered', seq: view.seq, formulas: content.querySelectorAll('.katex').length, rows: view.rows.length });
}

function renderEmpty(seq: number, strings: WalkthroughStrings, message: string) {
  document.title = strings.title;
  header.replaceChildren(renderTitle(strings));
  controls.hide();
  note.hidden = false;
  note.textContent = message;
  content.replaceChildren();
  post({ type: 'rendered', seq, formulas: 0, rows: 0 });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  const seq = message.type === 'render' ? message.view.seq : message.seq;
  if (seq < latestSeq) return;
  latestSeq = seq;
  if (message.type === 'render') render(message.view, message.strings);
  else renderEmpty(message.seq, message.strings, message.message);
  renderArrived();
});

post({ type: 'ready', state: parsePersistedState(vscode.getState()) });
