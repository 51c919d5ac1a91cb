// The walkthrough's content for one view. Document text (file name, line, variable name) goes in through textContent only.
import type { StepRow, WalkthroughStrings, WalkthroughView } from '../panel/protocol';
import { barChart, sortedChart } from './chart';
import { math } from './math';

export interface RenderContext {
  strings: WalkthroughStrings;
  logSoftmaxOpen: boolean;
  onTarget(index: number | undefined): void;
  onLogSoftmaxToggle(open: boolean): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function section(id: string, heading: string): HTMLElement {
  const node = element('section', 'step');
  node.id = id;
  node.setAttribute('aria-labelledby', `${id}-heading`);
  const title = element('h2', undefined, heading);
  title.id = `${id}-heading`;
  node.append(title);
  return node;
}

/** `{0}`-style placeholders in a localized string. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, k: string) => (values[Number(k)] === undefined ? whole : String(values[Number(k)])));
}

export function renderSource(view: WalkthroughView, strings: WalkthroughStrings): HTMLElement {
  const header = element('div', 'source');
  const where = element('span', 'where');
  const name = view.source.name ? `${view.source.name} · ` : '';
  const shape = view.shape.length > 1 ? ` · [${view.shape.join(' × ')}]` : ` · n = ${view.length}`;
  where.textContent = `${strings.source}: ${name}${view.source.fileName}:${view.source.line}${shape}`;
  const line = element('code', 'line', view.source.lineText);
  const reading = element('p', 'reading', `${strings.readAs}: ${view.reading.label} — ${view.reading.reason}`);
  header.append(where, line, reading);
  if (view.reading.note) header.append(element('p', 'reading-note', view.reading.note));
  return header;
}

/** Everything below the controls, rebuilt for each view. */
export function renderContent(view: WalkthroughView, context: RenderContext): HTMLElement[] {
  const { strings } = context;
  const sections: HTMLElement[] = [];

  const formula = section('formula', strings.formulaHeading);
  formula.append(math(view.tex.formula, true), element('p', 'why', strings.whyShift));
  if (view.temperature !== 1) formula.append(element('p', 'why', strings.whyTemperature));
  sections.push(formula);

  const step1 = section('step1', strings.step1Heading);
  if (view.summary) {
    const s = view.summary;
    step1.append(element('p', 'summary', fill(strings.summary, s.shown, s.total, s.massShown, s.smallest, s.masked)));
  }
  step1.append(stepTable(view, context), element('p', 'hint', strings.crossEntropyHint));
  sections.push(step1);

  const step2 = section('step2', strings.step2Heading);
  step2.append(math(view.tex.sum, false, 'div'));
  sections.push(step2);

  const step3 = section('step3', strings.step3Heading);
  step3.append(equations(view, (row) => row.normalizeTex));
  sections.push(step3);

  const chart = section('chart', strings.chartHeading);
  if (view.chart.kind === 'bars') {
    chart.append(barChart(view.chart, view.argmax, view.target, strings.chartLabel));
  } else {
    const axis = { top: view.rows[0]?.probability ?? '', bottom: view.summary?.smallest ?? '' };
    chart.append(sortedChart(view.chart, strings.sortedChartLabel, axis));
  }
  sections.push(chart);

  const stats = section('stats', strings.statsHeading);
  const argmaxRow = view.rows.find((row) => row.index === view.argmax);
  stats.append(
    element('p', 'argmax', `${strings.argmax} = ${view.argmax}${argmaxRow ? ` (p = ${argmaxRow.probability})` : ''}`),
    math(view.tex.entropy, true),
    math(view.tex.logSumExp, true),
  );
  sections.push(stats);

  const crossEntropy = section('cross-entropy', strings.crossEntropyHeading);
  crossEntropy.append(view.tex.crossEntropy ? math(view.tex.crossEntropy, true) : element('p', 'hint', strings.crossEntropyHint));
  sections.push(crossEntropy);

  sections.push(logSoftmaxSection(view, context));
  return sections;
}

/** One display equation per row shown, marked like its row in the table. */
function equations(view: WalkthroughView, tex: (row: StepRow) => string): HTMLUListElement {
  const list = element('ul', 'equations');
  for (const row of view.rows) {
    const item = element('li', rowClass(view, row.index));
    item.append(math(tex(row), true));
    list.append(item);
  }
  return list;
}

function rowClass(view: WalkthroughView, index: number): string {
  return [index === view.argmax ? 'argmax' : '', index === view.target ? 'target' : ''].filter(Boolean).join(' ');
}

/** Step 1's table; each row is also the button that picks that class as the cross-entropy target. */
function stepTable(view: WalkthroughView, context: RenderContext): HTMLTableElement {
  const table = element('table', 'steps');
  const head = element('thead');
  const headRow = element('tr');
  view.tex.headings.forEach((heading) => {
    const cell = element('th');
    cell.scope = 'col';
    cell.append(math(heading));
    headRow.append(cell);
  });
  head.append(headRow);
  const body = element('tbody');
  const scaled = view.temperature !== 1;
  for (const row of view.rows) {
    const tr = element('tr', rowClass(view, row.index));
    const indexCell = element('th');
    indexCell.scope = 'row';
    const pick = element('button', 'pick', String(row.index));
    pick.type = 'button';
    pick.dataset.focusKey = `target-${row.index}`;
    pick.setAttribute('aria-pressed', String(row.index === view.target));
    pick.title = context.strings.targetRow;
    pick.setAttribute('aria-label', `${context.strings.targetRow} ${row.index}`);
    indexCell.append(pick);
    tr.append(indexCell, element('td', 'number', row.x));
    if (scaled) tr.append(element('td', 'number', row.scaled));
    tr.append(element('td', 'number', row.shifted), element('td', 'number', row.exp));
    const choose = () => context.onTarget(row.index === view.target ? undefined : row.index);
    pick.addEventListener('click', (event) => {
      event.stopPropagation();
      choose();
    });
    tr.addEventListener('click', choose);
    body.append(tr);
  }
  table.append(head, body);
  return table;
}

/** Collapsed by default; its formulas are typeset only while it is open, so long arrays stay quick. */
function logSoftmaxSection(view: WalkthroughView, context: RenderContext): HTMLElement {
  const details = element('details', 'step');
  details.id = 'log-softmax';
  details.open = context.logSoftmaxOpen;
  const summary = element('summary', undefined, context.strings.logSoftmaxHeading);
  details.append(summary);
  const fillBody = () => {
    if (details.querySelector('.equations')) return;
    details.append(math(view.tex.logSoftmax, true), equations(view, (row) => row.logSoftmaxTex));
  };
  if (details.open) fillBody();
  details.addEventListener('toggle', () => {
    context.onLogSoftmaxToggle(details.open);
    if (details.open) fillBody();
  });
  return details;
}
