// The core's words for what it cannot take: each error has a code and parameters, worded once here in English.
// A view words the same code in the display language by passing its own translate function to describeError.
import { fillTemplate } from './template';

/** Words a template with `{0}`, `{1}`… placeholders and its values; the editor passes vscode.l10n.t. */
export type Translate = (template: string, ...values: (string | number)[]) => string;

/** The English templates, by code: the keys of every translation. */
export const errorTemplates = {
  temperature: 'Temperature must be a finite number greater than 0 (got {0}).',
  nanLogit: 'Logit {0} is NaN — softmax needs numbers.',
  nanLogitInRow: 'Logit {0} in row {1} is NaN — softmax needs numbers.',
  infiniteLogit: 'Logit {0} is +∞ — softmax is undefined with an infinite logit (−∞ is allowed: it masks that entry to 0).',
  infiniteLogitInRow: 'Logit {0} in row {1} is +∞ — softmax is undefined with an infinite logit (−∞ is allowed: it masks that entry to 0).',
  overflow: 'Logit {0} divided by the temperature {1} overflows — use a larger temperature.',
  overflowInRow: 'Logit {0} in row {1} divided by the temperature {2} overflows — use a larger temperature.',
  empty: 'Softmax needs at least one number, and got none.',
  onlyLogitMasked: 'The only logit is −∞, so every entry is masked and softmax is undefined.',
  allMasked: 'All {0} logits are −∞, so every entry is masked and softmax is undefined.',
  shapeWithoutAxes: 'Softmax needs a shape with at least one axis.',
  fractionalAxis: 'The shape [{0}] has an axis that is not a whole number.',
  shapeSize: 'The shape [{0}] needs {1} values, but there are {2}.',
  emptyRows: 'Softmax needs at least one number in each row, and got none.',
  target: 'The target class must be a whole number from 0 to {0} (got {1}).',
  targetInRow: 'The target class of row {0} must be a whole number from 0 to {1} (got {2}).',
  targetCount: 'There are {0} rows of logits but {1} target classes; give one per row.',
  topK: 'Top-k must be a whole number, 0 to turn it off (got {0}).',
  topP: 'Top-p must be a number from 0 to 1, 1 to turn it off (got {0}).',
  minP: 'Min-p must be a number from 0 to 1, 0 to turn it off (got {0}).',
  compareLengths: 'Two distributions can be compared only over the same classes; these have {0} and {1}.',
  attentionDimension: 'The dimension d must be a whole number from 1 up (got {0}).',
  noSuchRow: 'There is no row {0}; the rows are 0 to {1}.',
  elided: 'This print is elided; it shows {0} of the values.',
} as const;

export type ErrorCode = keyof typeof errorTemplates;

/** The English words: the template with its placeholders filled. */
export const english: Translate = fillTemplate;

/** A coded message in the words `translate` gives its template: English by default. */
export function describeCode(code: ErrorCode, params: readonly (string | number)[], translate: Translate = english): string {
  return translate(errorTemplates[code], ...params);
}
