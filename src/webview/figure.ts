// A chart with its text alternative: people see the graphic, screen readers read a table of the same numbers.

/** The numbers a chart draws; each row's first cell is its header (a class index, a level of p). */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

function cell(tag: 'th' | 'td', text: string, scope?: 'col' | 'row'): HTMLTableCellElement {
  const node = document.createElement(tag);
  if (scope) node.scope = scope;
  node.textContent = text;
  return node;
}

/** A table only screen readers see: the chart's text alternative. */
function hiddenTable(table: ChartTable): HTMLTableElement {
  const node = document.createElement('table');
  node.className = 'visually-hidden';
  node.createCaption().textContent = table.caption;
  node.createTHead().append(row(table.columns.map((column) => cell('th', column, 'col'))));
  const body = node.createTBody();
  for (const cells of table.rows) body.append(row(cells.map((text, k) => (k === 0 ? cell('th', text, 'row') : cell('td', text)))));
  return node;
}

function row(cells: HTMLTableCellElement[]): HTMLTableRowElement {
  const node = document.createElement('tr');
  node.append(...cells);
  return node;
}

/** The graphic (hidden from screen readers, which read the table instead), a visible legend if any, and the table. */
export function chartFigure(graphic: SVGSVGElement, table: ChartTable, legend?: HTMLElement): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'chart-figure';
  graphic.setAttribute('aria-hidden', 'true');
  figure.append(graphic);
  if (legend) figure.append(legend);
  figure.append(hiddenTable(table));
  return figure;
}
