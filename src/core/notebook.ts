// A Jupyter notebook saved as JSON, read as text: its cells' sources and the text of their saved outputs, and
// the same notebook as one Markdown-like text (code fenced, each output after its cell) that the readers of
// printed arrays understand as they understand a tutorial. Pure: text in, cells and text out.

/** One cell: its kind, its source, and the text of its saved outputs (stream text and `text/plain` results). */
export interface NotebookCell {
  readonly kind: 'code' | 'markdown' | 'raw';
  readonly source: string;
  readonly outputs: readonly string[];
}

/** Where one part of readNotebookText's text came from: a cell's source, or output `output` of it. */
export interface NotebookPart {
  readonly cell: number;
  /** The output's index in the cell's outputs, or -1 for the cell's source. */
  readonly output: number;
  /** Where the part's text starts in the combined text; it runs for the length of that text. */
  readonly start: number;
  readonly text: string;
}

/** Notebook JSON keeps a text either as one string or as a list of lines (each with its `\n`). */
function joined(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('');
  return undefined;
}

/** The text an output shows: a stream's `text`, or an execute_result's or display_data's `data["text/plain"]`. */
export function outputText(output: unknown): string | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  const o = output as { output_type?: unknown; text?: unknown; data?: Record<string, unknown> };
  if (o.output_type === 'stream') return joined(o.text);
  if ((o.output_type === 'execute_result' || o.output_type === 'display_data') && typeof o.data === 'object' && o.data !== null) return joined(o.data['text/plain']);
  return undefined;
}

/** The cells of a notebook's JSON text (nbformat 4), or undefined when the text is not such a notebook. */
export function readNotebook(json: string): NotebookCell[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const cells = (parsed as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(cells)) return undefined;
  return cells.map((c: { cell_type?: unknown; source?: unknown; outputs?: unknown }) => ({
    kind: c?.cell_type === 'code' ? 'code' : c?.cell_type === 'markdown' ? 'markdown' : 'raw',
    source: joined(c?.source) ?? '',
    outputs: Array.isArray(c?.outputs) ? c.outputs.map((o) => outputText(o) ?? '') : [],
  }));
}

/**
 * The notebook as one text: Markdown cells as they are, each code cell in a ```` ```python ```` fence and each of
 * its outputs after it in a fence labelled `Output:`, as a tutorial prints them; with where each part came from.
 */
export function notebookText(cells: readonly NotebookCell[], language = 'python'): { text: string; parts: NotebookPart[] } {
  let text = '';
  const parts: NotebookPart[] = [];
  const add = (cell: number, output: number, body: string, before: string, after: string) => {
    text += before;
    parts.push({ cell, output, start: text.length, text: body });
    text += body + after;
  };
  cells.forEach((c, i) => {
    if (c.kind !== 'code') {
      add(i, -1, c.source, '', '\n\n');
      return;
    }
    add(i, -1, c.source, `\`\`\`${language}\n`, '\n```\n');
    c.outputs.forEach((o, k) => {
      if (o !== '') add(i, k, o, 'Output:\n```\n', '\n```\n');
    });
    text += '\n';
  });
  return { text, parts };
}

/** The part of notebookText's text holding `offset`, or undefined between parts. */
export function partAt(parts: readonly NotebookPart[], offset: number): NotebookPart | undefined {
  let lo = 0;
  let hi = parts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = parts[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset > p.start + p.text.length) lo = mid + 1;
    else return p;
  }
  return undefined;
}
