import { spokenNumber } from '../core/template';
import type { Chart } from '../panel/protocol';

const svgNs = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

const width = 400;
const barHeight = 18;
const markWidth = 16;
const labelWidth = 56;
const valueWidth = 90;

/** Argmax, target and the entries sampling cut are marked by a shape, not by colour alone. */
export const argmaxMark = '★';
export const targetMark = '◆';
export const cutMark = '✕';

type Bar = Extract<Chart, { kind: 'bars' }>['bars'][number];

function marksOf(bar: Bar, argmax: number, target: number | undefined): string {
  return (bar.index === argmax ? argmaxMark : '') + (bar.index === target ? targetMark : '') + (bar.cut ? cutMark : '');
}

/** The words for the marks, as the chart's table and legend say them. */
export interface MarkWords {
  argmax: string;
  target: string;
  cut: string;
}

/**
 * Horizontal bars, one per class; the argmax and the target get their own marks and classes (colours come from the
 * theme), and a bar sampling cut is drawn as an outline with ✕.
 */
export function barChart(chart: Extract<Chart, { kind: 'bars' }>, argmax: number, target: number | undefined): SVGSVGElement {
  const height = chart.bars.length * barHeight;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'chart bars' });
  const span = width - labelWidth - valueWidth;
  chart.bars.forEach((bar, k) => {
    const y = k * barHeight;
    const kind = bar.index === argmax ? ' argmax' : bar.index === target ? ' target' : '';
    const group = svg('g', { class: `bar${kind}${bar.cut ? ' cut' : ''}` });
    const mark = svg('text', { x: markWidth / 2, y: y + barHeight * 0.7, 'text-anchor': 'middle', class: 'mark' });
    mark.textContent = marksOf(bar, argmax, target);
    const name = svg('text', { x: labelWidth - 6, y: y + barHeight * 0.7, 'text-anchor': 'end', class: 'label' });
    name.textContent = String(bar.index);
    const rect = svg('rect', { x: labelWidth, y: y + 2, height: barHeight - 4, width: Math.max(bar.p * span, bar.p > 0 ? 1 : 0), rx: 2 });
    const value = svg('text', { x: labelWidth + Math.max(bar.p * span, 1) + 4, y: y + barHeight * 0.7, class: 'value' });
    value.textContent = bar.label;
    group.append(mark, name, rect, value);
    root.append(group);
  });
  return root;
}

/** The bar chart's numbers as table rows: index, probability, and the words for its marks. */
export function barRows(chart: Extract<Chart, { kind: 'bars' }>, argmax: number, target: number | undefined, words: MarkWords): string[][] {
  return chart.bars.map((bar) => {
    const marks = [bar.index === argmax ? words.argmax : '', bar.index === target ? words.target : '', bar.cut ? words.cut : ''].filter(Boolean);
    return [String(bar.index), spokenNumber(bar.label), marks.join(', ')];
  });
}

/** The marks a probability chart uses, with their words: argmax always, target and cut when there are any. */
export function markKey(words: MarkWords, has: { target: boolean; cut: boolean }): [string, string][] {
  const entries: [string, string][] = [[argmaxMark, words.argmax]];
  if (has.target) entries.push([targetMark, words.target]);
  if (has.cut) entries.push([cutMark, words.cut]);
  return entries;
}

/** What the marks mean, under the chart: `★ argmax  ◆ target class  ✕ cut`. A key to the picture, so hidden with it from screen readers. */
export function chartLegend(entries: [string, string][]): HTMLElement {
  const legend = document.createElement('p');
  legend.className = 'legend';
  legend.setAttribute('aria-hidden', 'true');
  for (const [mark, word] of entries) {
    const entry = document.createElement('span');
    const glyph = document.createElement('span');
    glyph.className = 'mark';
    glyph.textContent = mark;
    entry.append(glyph, ` ${word}`);
    legend.append(entry);
  }
  return legend;
}

/** The sorted distribution as an area over rank, probability on a log scale. */
export function sortedChart(chart: Extract<Chart, { kind: 'sorted' }>, axis: { top: string; bottom: string }): SVGSVGElement {
  const height = 160;
  const left = 70;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'chart sorted' });
  const points = chart.points;
  if (points.length === 0) return root;
  // Natural log of p on the vertical axis: the long tail of a big array stays visible, even below the smallest double.
  const top = points[0].logP;
  const range = top - points[points.length - 1].logP || 1;
  const x = (rank: number) => left + ((width - left - 4) * rank) / Math.max(1, chart.n - 1);
  const y = (logP: number) => 4 + ((height - 8) * (top - logP)) / range;
  const path = points.map((point, k) => `${k === 0 ? 'M' : 'L'}${x(point.rank).toFixed(1)},${y(point.logP).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  root.append(
    svg('path', { d: `${path} L${x(last.rank).toFixed(1)},${height - 4} L${left},${height - 4} Z`, class: 'area' }),
    svg('path', { d: path, class: 'line' }),
  );
  if (chart.kept !== undefined && chart.kept < chart.n) {
    // Sampling keeps the most probable entries: everything right of this line is cut.
    const at = x(chart.kept - 0.5).toFixed(1);
    root.append(svg('path', { d: `M${at},4 L${at},${height - 4}`, class: 'cutoff' }));
    const mark = svg('text', { x: Number(at) + 4, y: 14, class: 'label' });
    mark.textContent = `${cutMark} →`;
    root.append(mark);
  }
  const topLabel = svg('text', { x: left - 6, y: 14, 'text-anchor': 'end', class: 'label' });
  topLabel.textContent = axis.top;
  const bottomLabel = svg('text', { x: left - 6, y: height - 6, 'text-anchor': 'end', class: 'label' });
  bottomLabel.textContent = axis.bottom;
  root.append(topLabel, bottomLabel);
  return root;
}
