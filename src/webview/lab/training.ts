// The training section, for the target class picked in step 1: the gradient of −ln p_y as a formula, a row of numbers
// and a small chart with its table, and the softmax Jacobian typeset for a few classes.
import { fillTemplate, spokenNumber } from '../../core/template';
import { jacobianLimit, type WalkthroughStrings, type WalkthroughView } from '../../panel/protocol';
import { chartLegend, targetMark } from '../chart';
import { element, section } from '../dom';
import { chartFigure } from '../figure';
import { math } from '../math';
import { gradientChart } from './gradientChart';

export function trainingSection(view: WalkthroughView, strings: WalkthroughStrings): HTMLElement {
  const words = strings.lab;
  const node = section('training', words.trainingHeading);
  const t = view.lab.training;
  if (!t) {
    node.append(element('p', 'hint', strings.crossEntropyHint));
    return node;
  }
  node.append(element('p', 'why', words.trainingWhy), math(t.gradient.tex, t.gradient.reading, true), math(t.vector.tex, t.vector.reading, true));
  if (t.chain) node.append(math(t.chain.tex, t.chain.reading, true));
  const rows = t.bars.map((bar) => [String(bar.index), spokenNumber(bar.label), bar.index === t.target ? strings.targetRow : '']);
  const table = { caption: words.gradientChartLabel, columns: [strings.index, words.gradient, strings.mark], rows };
  node.append(chartFigure(gradientChart(t), table, chartLegend([[targetMark, strings.targetRow]])));
  if (view.summary) node.append(element('p', 'hint', fillTemplate(words.labRowsShown, view.rows.length, view.length)));
  node.append(element('h3', undefined, words.jacobianHeading));
  if (t.jacobian) node.append(math(t.jacobian.entry.tex, t.jacobian.entry.reading, true), math(t.jacobian.matrix.tex, t.jacobian.matrix.reading, true));
  else node.append(element('p', 'hint', fillTemplate(words.jacobianTooLarge, view.length, jacobianLimit)));
  return node;
}
