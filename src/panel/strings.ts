import * as vscode from 'vscode';
import type { ReadingWords } from '../core';
import type { LabStrings, WalkthroughStrings } from './protocol';

/** The webview's words, localized here on the host so the webview holds no user-facing text of its own. */
export function walkthroughStrings(): WalkthroughStrings {
  return {
    title: vscode.l10n.t('Softmax walkthrough'),
    source: vscode.l10n.t('Array'),
    readAs: vscode.l10n.t('Read as'),
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
    probability: vscode.l10n.t('Probability'),
    mark: vscode.l10n.t('Mark'),
    entries: vscode.l10n.t('Entries'),
    reset: vscode.l10n.t('Reset'),
    lab: labStrings(),
  };
}

function labStrings(): LabStrings {
  return {
    samplingHeading: vscode.l10n.t('Sampling — top-k, top-p, min-p'),
    samplingWhy: vscode.l10n.t(
      'A language model draws its next token from these probabilities. The filters run in the order Hugging Face transformers applies them — temperature, top-k, top-p, min-p — each on what the one before left, renormalized.',
    ),
    samplingLegend: vscode.l10n.t('Sampling filters, after the temperature'),
    topK: vscode.l10n.t('Top-k'),
    topP: vscode.l10n.t('Top-p'),
    minP: vscode.l10n.t('Min-p'),
    topKOff: vscode.l10n.t('a whole number; 0 turns it off'),
    topPOff: vscode.l10n.t('from 0 to 1; 1 turns it off'),
    minPOff: vscode.l10n.t('from 0 to 1; 0 turns it off'),
    off: vscode.l10n.t('off'),
    keptOf: vscode.l10n.t('{0} of {1} kept'),
    topKWhy: vscode.l10n.t('Top-k keeps the k most probable entries; entries tied with the k-th stay too.'),
    topPWhy: vscode.l10n.t('Top-p keeps the fewest most probable entries that together hold at least P of the probability.'),
    minPWhy: vscode.l10n.t('Min-p keeps the entries at least min-p times as probable as the most probable one.'),
    samplingOffNote: vscode.l10n.t('Every filter is off: a sampler may draw any of the {0} entries. Set top-k, top-p or min-p above to see which remain.'),
    renormalizeHeading: vscode.l10n.t('The survivors, renormalized'),
    perplexityHeading: vscode.l10n.t('Entropy and perplexity, before and after'),
    cut: vscode.l10n.t('cut by sampling'),
    cutEntries: vscode.l10n.t('cut by sampling: {0}'),
    keptBySampling: vscode.l10n.t('kept by sampling'),
    compareHeading: vscode.l10n.t('Compare with another distribution'),
    compareWith: vscode.l10n.t('Compare with'),
    compareNothing: vscode.l10n.t('(nothing)'),
    compareNone: vscode.l10n.t('There is no other array of this shape in the document to compare with.'),
    compareMore: vscode.l10n.t('Only the first {0} arrays of this shape are listed.'),
    compareHint: vscode.l10n.t('Pick an array of the same shape: p is this one, q the one picked, both at the temperature above.'),
    onlyInP: vscode.l10n.t('q gives entry {0} probability 0 where p does not ({1} such entries in all), so KL(p‖q) and H(p, q) are infinite.'),
    onlyInQ: vscode.l10n.t('p gives entry {0} probability 0 where q does not ({1} such entries in all), so KL(q‖p) is infinite.'),
    termsCaption: vscode.l10n.t('What each entry adds to each sum'),
    trainingHeading: vscode.l10n.t('Training — the gradient of the loss'),
    trainingWhy: vscode.l10n.t(
      'A gradient step moves each logit against its gradient: the target’s logit up, every other one down in proportion to its probability.',
    ),
    gradientChartLabel: vscode.l10n.t('Bar chart of the gradient'),
    gradient: vscode.l10n.t('Gradient'),
    jacobianHeading: vscode.l10n.t('The softmax Jacobian'),
    jacobianTooLarge: vscode.l10n.t('The Jacobian has n × n entries; it is typeset for up to {1} classes, and this row has {0}.'),
    attentionLegend: vscode.l10n.t('Attention'),
    attentionMode: vscode.l10n.t('Attention mode'),
    attentionD: vscode.l10n.t('d (query and key size)'),
    attentionDHint: vscode.l10n.t('a whole number from 1'),
    causalMask: vscode.l10n.t('Causal mask'),
    attentionHeading: vscode.l10n.t('Attention weights'),
    attentionWhy: vscode.l10n.t(
      'Each row is one query: its scores over the keys are divided by √d, the keys after it are hidden when the causal mask is on, and softmax turns each row into weights that add up to 1.',
    ),
    heatmapCaption: vscode.l10n.t('Attention weights: each row a query, each column a key'),
    heatmapCorner: vscode.l10n.t('query / key'),
    heatmapTooLarge: vscode.l10n.t('The heatmap is drawn for matrices up to {0} × {0}; this one is {1} × {2}. The chosen row is worked below.'),
    attentionRowHeading: vscode.l10n.t('Row {0}, step by step (choose the row with Row above)'),
    selectedRow: vscode.l10n.t('the row worked below'),
    labRowsShown: vscode.l10n.t('The table shows the {0} entries of step 1; the sums run over all {1}.'),
  };
}

/** The words of the formulas' plain readings: {0} is an index such as j, {1}–{2} its range, the last a term such as exp(x_j − m). */
export function readingWords(): ReadingWords {
  return {
    sumOver: vscode.l10n.t('sum over {0} of {1}'),
    sumFromTo: vscode.l10n.t('sum over {0} from {1} to {2} of {3}'),
    nats: vscode.l10n.t('nats'),
    bits: vscode.l10n.t('bits'),
  };
}
