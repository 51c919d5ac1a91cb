// Attention mode for a matrix of scores: its controls, softmax(S / √d + M) typeset, the weights as a heatmap that is a
// table (the numbers in every cell, colour only behind them), and the chosen row worked step by step.
import { fillTemplate } from '../../core/template';
import { heatmapLimit, type AttentionView, type WalkthroughStrings, type WalkthroughView } from '../../panel/protocol';
import { element, markWithWords, section } from '../dom';
import { math } from '../math';
import type { LabControls } from './controls';

/** Marks the row worked below, in the heatmap, by a shape as well as an outline. */
export const selectedRowMark = '▶';

function heatmap(a: AttentionView, words: WalkthroughStrings['lab']): HTMLTableElement {
  const map = a.heatmap!;
  const table = element('table', 'heatmap');
  table.createCaption().textContent = words.heatmapCaption;
  const head = element('tr');
  const corner = element('th', undefined, words.heatmapCorner);
  corner.scope = 'col';
  head.append(corner);
  for (let j = 0; j < map.cols; j++) {
    const cell = element('th', undefined, String(j));
    cell.scope = 'col';
    head.append(cell);
  }
  table.createTHead().append(head);
  const body = table.createTBody();
  for (let i = 0; i < map.rows; i++) {
    const selected = i === a.row;
    const tr = element('tr', selected ? 'selected' : undefined);
    const header = element('th');
    header.scope = 'row';
    if (selected) header.append(...markWithWords(`${selectedRowMark} `, `${words.selectedRow}: `));
    header.append(String(i));
    tr.append(header);
    for (let j = 0; j < map.cols; j++) {
      const cell = element('td', 'number', map.cells[i * map.cols + j]);
      // Through the CSSOM, which the policy allows: the stylesheet turns the weight into a shade of the theme's colour.
      cell.style.setProperty('--weight', String(map.weights[i * map.cols + j]));
      tr.append(cell);
    }
    body.append(tr);
  }
  return table;
}

/** Only for a matrix; undefined for a vector. */
export function attentionSection(view: WalkthroughView, strings: WalkthroughStrings, controls: LabControls): HTMLElement | undefined {
  if (view.rowCount <= 1) return undefined;
  const words = strings.lab;
  const node = section('attention', words.attentionHeading);
  node.append(element('p', 'why', words.attentionWhy), controls.attention.root);
  const a = view.lab.attention;
  if (!a) return node;
  for (const formula of a.formulas) node.append(math(formula.tex, formula.reading, true));
  if (a.error) node.append(element('p', 'note', a.error));
  if (a.heatmap) node.append(heatmap(a, words));
  else if (!a.error) node.append(element('p', 'hint', fillTemplate(words.heatmapTooLarge, heatmapLimit, a.shape[0], a.shape[1])));
  if (a.rowFormulas.length > 0) {
    node.append(element('h3', undefined, fillTemplate(words.attentionRowHeading, a.row)));
    for (const formula of a.rowFormulas) node.append(math(formula.tex, formula.reading, true));
  }
  return node;
}
