export interface FoundArray {
  /** UTF-16 offsets: [start, end) spans the literal, brackets included. */
  start: number;
  end: number;
  /** [n] for a vector, [rows, cols] for a matrix. */
  shape: number[];
  /** Row-major. */
  values: number[];
}

// Placeholder until the scanner lands (issue 4).
export function findArrays(text: string, _languageId?: string): FoundArray[] {
  const found: FoundArray[] = [];
  const re = /\[([-+0-9.eE\s,]+)\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const values = m[1].split(/[\s,]+/).filter(Boolean).map(Number);
    if (values.length >= 2 && values.every((v) => !Number.isNaN(v))) {
      found.push({ start: m.index, end: m.index + m[0].length, shape: [values.length], values });
    }
  }
  return found;
}
