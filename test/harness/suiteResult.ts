// The one machine-readable line every layer prints at its end, so runAll can sum the counts.
// Pure: it is bundled into the extension-host suites too (Node and web worker).

export interface SuiteCounts {
  passed: number;
  failed: number;
}

const TAG = 'SOFTMAX_LENS_RESULT';

export function resultLine(counts: SuiteCounts): string {
  return `${TAG} ${JSON.stringify({ passed: counts.passed, failed: counts.failed })}`;
}

/** The counts from a result line, or undefined when `line` is ordinary output. */
export function parseResultLine(line: string): SuiteCounts | undefined {
  const at = line.indexOf(TAG);
  if (at < 0) return undefined;
  try {
    const parsed = JSON.parse(line.slice(at + TAG.length).trim()) as Partial<SuiteCounts>;
    if (typeof parsed.passed === 'number' && typeof parsed.failed === 'number') return { passed: parsed.passed, failed: parsed.failed };
  } catch {
    // Not ours after all.
  }
  return undefined;
}

/** Mocha's runner stats as counts: a failed hook counts as a failure, as mocha itself does. */
export function countsOf(stats: { passes: number; failures: number } | undefined): SuiteCounts {
  return { passed: stats?.passes ?? 0, failed: stats?.failures ?? 0 };
}
