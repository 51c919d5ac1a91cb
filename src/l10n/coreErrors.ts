// The core stays free of vscode, so its SoftmaxInputError messages are English; this maps each known
// message back to its template and asks vscode.l10n for the display language's wording.
import * as vscode from 'vscode';
import { SoftmaxInputError } from '../core';

type Localize = (m: RegExpExecArray) => string;

/** `Logit 3` or `Logit 2 in row 1`, as the core's rowPlace writes it: groups (index, row?). */
const logit = String.raw`Logit (\d+)(?: in row (\d+))?`;

const templates: [RegExp, Localize][] = [
  [
    /^Temperature must be a finite number greater than 0 \(got (.*)\)\.$/,
    (m) => vscode.l10n.t('Temperature must be a finite number greater than 0 (got {0}).', m[1]),
  ],
  [
    new RegExp(`^${logit} is NaN — softmax needs numbers\\.$`),
    (m) =>
      m[2] === undefined
        ? vscode.l10n.t('Logit {0} is NaN — softmax needs numbers.', m[1])
        : vscode.l10n.t('Logit {0} in row {1} is NaN — softmax needs numbers.', m[1], m[2]),
  ],
  [
    new RegExp(`^${logit} is \\+∞ — softmax is undefined with an infinite logit \\(−∞ is allowed: it masks that entry to 0\\)\\.$`),
    (m) =>
      m[2] === undefined
        ? vscode.l10n.t('Logit {0} is +∞ — softmax is undefined with an infinite logit (−∞ is allowed: it masks that entry to 0).', m[1])
        : vscode.l10n.t(
            'Logit {0} in row {1} is +∞ — softmax is undefined with an infinite logit (−∞ is allowed: it masks that entry to 0).',
            m[1],
            m[2],
          ),
  ],
  [
    new RegExp(`^${logit} divided by the temperature (.*) overflows — use a larger temperature\\.$`),
    (m) =>
      m[2] === undefined
        ? vscode.l10n.t('Logit {0} divided by the temperature {1} overflows — use a larger temperature.', m[1], m[3])
        : vscode.l10n.t('Logit {0} in row {1} divided by the temperature {2} overflows — use a larger temperature.', m[1], m[2], m[3]),
  ],
  [/^This print is elided; it shows (\d+) of the values\.$/, (m) => vscode.l10n.t('This print is elided; it shows {0} of the values.', m[1])],
  [/^Softmax needs at least one number, and got none\.$/, () => vscode.l10n.t('Softmax needs at least one number, and got none.')],
  [
    /^The only logit is −∞, so every entry is masked and softmax is undefined\.$/,
    () => vscode.l10n.t('The only logit is −∞, so every entry is masked and softmax is undefined.'),
  ],
  [
    /^All (\d+) logits are −∞, so every entry is masked and softmax is undefined\.$/,
    (m) => vscode.l10n.t('All {0} logits are −∞, so every entry is masked and softmax is undefined.', m[1]),
  ],
  [/^Softmax needs a shape with at least one axis\.$/, () => vscode.l10n.t('Softmax needs a shape with at least one axis.')],
  [
    /^The shape \[(.*)\] has an axis that is not a whole number\.$/,
    (m) => vscode.l10n.t('The shape [{0}] has an axis that is not a whole number.', m[1]),
  ],
  [
    /^The shape \[(.*)\] needs (\d+) values, but there are (\d+)\.$/,
    (m) => vscode.l10n.t('The shape [{0}] needs {1} values, but there are {2}.', m[1], m[2], m[3]),
  ],
  [
    /^Softmax needs at least one number in each row, and got none\.$/,
    () => vscode.l10n.t('Softmax needs at least one number in each row, and got none.'),
  ],
  [
    /^The target class must be a whole number from 0 to (-?\d+) \(got (.*)\)\.$/,
    (m) => vscode.l10n.t('The target class must be a whole number from 0 to {0} (got {1}).', m[1], m[2]),
  ],
  [
    /^The target class of row (\d+) must be a whole number from 0 to (-?\d+) \(got (.*)\)\.$/,
    (m) => vscode.l10n.t('The target class of row {0} must be a whole number from 0 to {1} (got {2}).', m[1], m[2], m[3]),
  ],
  [
    /^There are (\d+) rows of logits but (\d+) target classes; give one per row\.$/,
    (m) => vscode.l10n.t('There are {0} rows of logits but {1} target classes; give one per row.', m[1], m[2]),
  ],
];

/** The core's message in the display language, or undefined when no template matches it. */
export function localizedCoreMessage(message: string): string | undefined {
  for (const [pattern, localize] of templates) {
    const m = pattern.exec(message);
    if (m) return localize(m);
  }
  return undefined;
}

/** What to show a person for an error: a SoftmaxInputError in the display language, anything else as it is. */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof SoftmaxInputError) return localizedCoreMessage(error.message) ?? error.message;
  return error.message;
}
