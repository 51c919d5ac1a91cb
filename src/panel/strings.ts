import * as vscode from 'vscode';
import type { WalkthroughStrings } from './protocol';

/** The webview's words, localized here on the host so the webview holds no user-facing text of its own. */
export function walkthroughStrings(): WalkthroughStrings {
  return {
    title: vscode.l10n.t('Softmax walkthrough'),
    source: vscode.l10n.t('Array'),
    formulaHeading: vscode.l10n.t('The formula'),
    whyShift: vscode.l10n.t(
      'Subtracting m = max(x) keeps every exponent at or below 0, so nothing overflows, and the result is unchanged: the factor e^(−m) cancels between numerator and denominator.',
    ),
    whyTemperature: vscode.l10n.t('The logits are divided by the temperature T first: T < 1 sharpens the distribution, T > 1 flattens it.'),
    step1Heading: vscode.l10n.t('Step 1 — shift and exponentiate'),
    step2Heading: vscode.l10n.t('Step 2 — sum'),
    step3Heading: vscode.l10n.t('Step 3 — normalize'),
    chartHeading: vscode.l10n.t('Probabilities'),
    statsHeading: vscode.l10n.t('Entropy and logsumexp'),
    logSoftmaxHeading: vscode.l10n.t('Log-softmax'),
    crossEntropyHeading: vscode.l10n.t('Cross-entropy'),
    crossEntropyHint: vscode.l10n.t('Click a row of the step 1 table (or focus it and press Enter) to pick the target class.'),
    temperature: vscode.l10n.t('Temperature'),
    decimals: vscode.l10n.t('Decimals'),
    row: vscode.l10n.t('Row'),
    pin: vscode.l10n.t('Pin to this array'),
    unpin: vscode.l10n.t('Follow the cursor'),
    pinnedNote: vscode.l10n.t('Pinned: the panel stays on this array while the cursor moves.'),
    lingeringNote: vscode.l10n.t('The cursor is not on an array; showing the last one.'),
    emptyNote: vscode.l10n.t('Put the cursor on a numeric array, such as [2.0, 1.0, 0.1], to see its softmax step by step.'),
    summary: vscode.l10n.t(
      'Showing the {0} largest of {1} probabilities; together they hold {2}. Smallest probability of an entry not masked: {3}. Masked (−∞) entries: {4}.',
    ),
    argmax: vscode.l10n.t('argmax'),
    chartLabel: vscode.l10n.t('Bar chart of the probabilities'),
    sortedChartLabel: vscode.l10n.t('Chart of the probabilities sorted from largest to smallest'),
    targetRow: vscode.l10n.t('target class'),
    index: vscode.l10n.t('Index'),
    reset: vscode.l10n.t('Reset'),
  };
}
