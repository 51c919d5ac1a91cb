// The gradient of the loss as a small chart: a bar per class from a zero line, left for the target (negative), right
// for the others, each labelled with its value; the target marked ◆ as in the probability chart.
import type { TrainingView } from '../../panel/protocol';
import { targetMark } from '../chart';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 400;
const barHeight = 18;
const markWidth = 16;
const labelWidth = 56;
const valueWidth = 80;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** Every gradient entry lies in [−1, 1]: half the plot's width is one unit, so bars compare across views. */
export function gradientChart(training: TrainingView): SVGSVGElement {
  const height = training.bars.length * barHeight;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'chart gradient' });
  const half = (width - labelWidth - valueWidth) / 2;
  const zero = labelWidth + half;
  training.bars.forEach((bar, k) => {
    const y = k * barHeight;
    const target = bar.index === training.target;
    const group = svg('g', { class: target ? 'bar target' : 'bar' });
    const mark = svg('text', { x: markWidth / 2, y: y + barHeight * 0.7, 'text-anchor': 'middle', class: 'mark' });
    mark.textContent = target ? targetMark : '';
    const name = svg('text', { x: labelWidth - 6, y: y + barHeight * 0.7, 'text-anchor': 'end', class: 'label' });
    name.textContent = String(bar.index);
    const length = Math.max(Math.abs(bar.value) * half, bar.value !== 0 ? 1 : 0);
    const rect = svg('rect', { x: bar.value < 0 ? zero - length : zero, y: y + 2, height: barHeight - 4, width: length, rx: 2 });
    const value = svg('text', { x: width - valueWidth + 8, y: y + barHeight * 0.7, class: 'value' });
    value.textContent = bar.label;
    group.append(mark, name, rect, value);
    root.append(group);
  });
  root.append(svg('path', { d: `M${zero},0 L${zero},${height}`, class: 'axis' }));
  return root;
}
