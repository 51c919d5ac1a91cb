// The walkthrough's content for one view. Document text (file name, line, variable name) goes in through textContent only.
import { fillTemplate } from '../core/template';
import type { StepRow, WalkthroughStrings, WalkthroughView } from '../panel/protocol';
import { barChart, barRows, chartLegend, markKey, sortedChart } from './chart';
import { element, section } from './dom';
import { chartFigure } from './figure';
import { attentionSection } from './lab/attention';
import { compareSection } from './lab/compare';
import type { LabControls } from './lab/controls';
import { samplingSection } from './lab/sampling';
import { trainingSection } from './lab/training';
import { math } from './math';

export interface RenderContext {
  strings: WalkthroughStrings;
  logSoftmaxOpen: boolean;
  onTarget(index: number | undefined): void;
  onLogSoftmaxToggle(open: boolean): void;
  /** The lab's controls, moved into their sections. */
  labControls: LabControls;
}

export function renderSource(view: WalkthroughView, strings: WalkthroughStrings): HTMLElement {
  const header = element('div', 'source');
  // The page's one top-level heading: what it shows.
  const where = element('h1', 'where');
  const name = view.source.name ? `${view.source.name} · ` : '';
  const shape = view.shape.length > 1 ? ` · [${view.shape.join(' × ')}]` : ` · n = ${view.length}`;
  where.textContent = `${strings.source}: ${name}${view.source.fileName}:${view.source.line}${shape}`;
  const line = element('code', 'line', view.source.lineText);
  const reading = element('p', 'reading', `${strings.readAs}: ${view.reading.label} — ${view.reading.reason}`);
  header.append(where, line, reading);
  if (view.reading.note) header.append(element('p', 'reading-note', view.reading.note));
  return header;
}

/** The header while no array is shown: the panel's name as its top-level heading. */
export function renderTitle(strings: WalkthroughStrings): HTMLElement {
  const header = element('div', 'source');
  header.append(element('h1', 'where', strings.title));
  return header;
}

/** Everything below the controls, rebuilt for each view. */
export function renderContent(view: WalkthroughView, context: RenderContext): HTMLElement[] {
  const { strings } = context;
  const { tex, readings } = view;
  const sections: HTMLElement[] = [];

  const formula = section('formula', strings.formulaHeading);
  formula.append(math(tex.formula, readings.formula, true), element('p', 'why', strings.whyShift));
  if (view.temperature !== 1) formula.append(element('p', 'why', strings.whyTemperature));
  sections.push(formula);

  const step1 = section('step1', strings.step1Heading);
  if (view.summary) {
    const s = view.summary;
    step1.append(element('p', 'summary', fillTemplate(strings.summary, s.shown, s.total, s.massShown, s.smallest, s.masked)));
  }
  step1.append(stepTable(view, context), element('p', 'hint', strings.crossEntropyHint));
  sections.push(step1);

  const step2 = section('step2', strings.step2Heading);
  step2.append(math(tex.sum, readings.sum, false, 'div'));
  sections.push(step2);

  const step3 = section('step3', strings.step3Heading);
  step3.append(equations(view, (row) => [row.normalizeTex, row.normalizeReading]));
  sections.push(step3);

  const chart = section('chart', strings.chartHeading);
  chart.append(chartOf(view, strings));
  sections.push(chart, samplingSection(view, strings, context.labControls));

  const stats = section('stats', strings.statsHeading);
  const argmaxRow = view.rows.find((row) => row.index === view.argmax);
  stats.append(
    element('p', 'argmax', `${strings.argmax} = ${view.argmax}${argmaxRow ? ` (p = ${argmaxRow.probability})` : ''}`),
    math(tex.entropy, readings.entropy, true),
    math(tex.logSumExp, readings.logSumExp, true),
  );
  sections.push(stats);

  const crossEntropy = section('cross-entropy', strings.crossEntropyHeading);
  crossEntropy.append(tex.crossEntropy ? math(tex.crossEntropy, readings.crossEntropy ?? '', true) : element('p', 'hint', strings.crossEntropyHint));
  sections.push(crossEntropy);

  sections.push(trainingSection(view, strings), compareSection(view, strings, context.labControls));
  const attention = attentionSection(view, strings, context.labControls);
  if (attention) sections.push(attention);

  sections.push(logSoftmaxSection(view, context));
  return sections;
}

/** The bar chart of a short array, the sorted distribution of a long one: each with the table of its numbers. */
function chartOf(view: WalkthroughView, strings: WalkthroughStrings): HTMLElement {
  if (view.chart.kind === 'bars') {
    const words = { argmax: strings.argmax, target: strings.targetRow, cut: strings.lab.cut };
    const rows = barRows(view.chart, view.argmax, view.target, words);
    const table = { caption: strings.chartLabel, columns: [strings.index, strings.probability, strings.mark], rows };
    const has = { target: view.target !== undefined, cut: view.chart.bars.some((bar) => bar.cut) };
    return chartFigure(barChart(view.chart, view.argmax, view.target), table, chartLegend(markKey(words, has)));
  }
  const axis = { top: view.rows[0]?.probability ?? '', bottom: view.summary?.smallest ?? '' };
  const rows = view.chart.levels.map((level) => [level.label, String(level.count)]);
  if (view.chart.kept !== undefined) rows.push([strings.lab.keptBySampling, String(view.chart.kept)]);
  return chartFigure(sortedChart(view.chart, axis), { caption: strings.sortedChartLabel, columns: [strings.probability, strings.entries], rows });
}

/** One display equation per row shown (its TeX and its reading), marked like its row in the table. */
function equations(view: WalkthroughView, formula: (row: StepRow) => [string, string]): HTMLUListElement {
  const list = element('ul', 'equations');
  for (const row of view.rows) {
    const item = element('li', rowClass(view, row.index));
    item.append(math(...formula(row), true));
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
  view.tex.headings.forEach((heading, k) => {
    const cell = element('th');
    cell.scope = 'col';
    cell.append(math(heading, view.readings.headings[k]));
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
    details.append(math(view.tex.logSoftmax, view.readings.logSoftmax, true), equations(view, (row) => [row.logSoftmaxTex, row.logSoftmaxReading]));
  };
  if (details.open) fillBody();
  details.addEventListener('toggle', () => {
    context.onLogSoftmaxToggle(details.open);
    if (details.open) fillBody();
  });
  return details;
}
