import * as vscode from 'vscode';

/** Output kinds whose text is what the cell printed: streams and the plain-text form of a result. Never HTML. */
const printedMimes = ['application/vnd.code.notebook.stdout', 'application/vnd.code.notebook.stderr', 'text/plain'];

/** Bytes read from one output: a training log of megabytes is read from its start only, and the item says so. */
export const outputBytesRead = 256 * 1024;

/** The printed text of one output, decoded as UTF-8 and cut to outputBytesRead. */
export interface OutputText {
  output: number;
  item: number;
  text: string;
  /** The output's full size in bytes when only its start was read. */
  truncatedFrom?: number;
}

const decoder = new TextDecoder('utf-8');

/** The printed text of each output of a cell, in order; images, HTML and errors print nothing readable here. */
export function outputTexts(cell: vscode.NotebookCell): OutputText[] {
  const texts: OutputText[] = [];
  cell.outputs.forEach((output, o) => {
    const item = printedItem(output);
    if (item === undefined) return;
    const { data } = output.items[item];
    const cut = data.byteLength > outputBytesRead;
    texts.push({ output: o, item, text: decoder.decode(cut ? data.subarray(0, outputBytesRead) : data), truncatedFrom: cut ? data.byteLength : undefined });
  });
  return texts;
}

/** The index of the item holding the output's printed text, preferring a stream to a result's text/plain. */
function printedItem(output: vscode.NotebookCellOutput): number | undefined {
  for (const mime of printedMimes) {
    const i = output.items.findIndex((item) => item.mime === mime);
    if (i >= 0) return i;
  }
  return undefined;
}
