// The comparison section: the list of the document's arrays of the same shape, KL both ways, cross-entropy and total
// variation typeset, what each entry adds to each sum, and where a divergence is infinite, said in words.
import { fillTemplate } from '../../core/template';
import { candidateCap, type WalkthroughStrings, type WalkthroughView } from '../../panel/protocol';
import { element, section } from '../dom';
import { math } from '../math';
import type { LabControls } from './controls';

export function compareSection(view: WalkthroughView, strings: WalkthroughStrings, controls: LabControls): HTMLElement {
  const words = strings.lab;
  const c = view.lab.compare;
  const node = section('compare', words.compareHeading);
  node.append(element('p', 'why', words.compareHint), controls.compare);
  if (c.candidates.length === 0) node.append(element('p', 'hint', words.compareNone));
  if (c.more) node.append(element('p', 'hint', fillTemplate(words.compareMore, candidateCap)));
  if (c.error) node.append(element('p', 'note', c.error));
  if (!c.result) return node;
  const r = c.result;
  for (const formula of r.formulas) node.append(math(formula.tex, formula.reading, true));
  if (r.onlyInP.count > 0) node.append(element('p', 'note', fillTemplate(words.onlyInP, r.onlyInP.first, r.onlyInP.count)));
  if (r.onlyInQ.count > 0) node.append(element('p', 'note', fillTemplate(words.onlyInQ, r.onlyInQ.first, r.onlyInQ.count)));
  const table = element('table', 'steps terms');
  table.createCaption().textContent = words.termsCaption;
  const head = element('tr');
  for (const heading of r.headings) {
    const cell = element('th');
    cell.scope = 'col';
    cell.append(math(heading.tex, heading.reading));
    head.append(cell);
  }
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const row of r.rows) {
    const tr = element('tr');
    const index = element('th', undefined, String(row.index));
    index.scope = 'row';
    tr.append(index, ...row.cells.map((text) => element('td', 'number', text)));
    body.append(tr);
  }
  node.append(table);
  if (view.summary) node.append(element('p', 'hint', fillTemplate(words.labRowsShown, view.rows.length, view.length)));
  return node;
}
