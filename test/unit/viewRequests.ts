// A walkthrough view request for logits with nothing special around them: the tests of the view change only what they check.
import { englishReadingWords } from '../../src/core/reading';
import type { ViewRequest } from '../../src/panel/viewModel';

export function viewRequest(values: number[], shape = [values.length], extra: Partial<ViewRequest> = {}): ViewRequest {
  return {
    seq: 1,
    ref: { uri: 'untitled:test', start: 0 },
    array: { start: 0, end: 1, shape, values },
    source: { fileName: 'test', line: 1, lineText: '' },
    reading: { label: 'logits', reason: 'scores or data: nothing around it says otherwise' },
    row: 0,
    temperature: 1,
    decimals: 4,
    pinned: false,
    lingering: false,
    words: englishReadingWords,
    ...extra,
  };
}
