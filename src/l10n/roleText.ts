// The core names roles and their reasons by code (English in describeRole/describeReason); these are the same
// words in the display language, so nothing parses English to translate it.
import * as vscode from 'vscode';
import type { Role, RoleReason } from '../core';

/** The role as a person reads it: "probabilities", "a shape". */
export function roleLabel(role: Role): string {
  switch (role) {
    case 'logits':
      return vscode.l10n.t('logits');
    case 'probabilities':
      return vscode.l10n.t('probabilities');
    case 'logProbabilities':
      return vscode.l10n.t('log-probabilities');
    case 'shape':
      return vscode.l10n.t('a shape');
  }
}

/** Why the array has its role, in the display language. */
export function reasonText(reason: RoleReason): string {
  switch (reason.code) {
    case 'named':
      return vscode.l10n.t('named {0}', reason.name);
    case 'passedTo':
      return vscode.l10n.t('passed to {0}(…)', reason.name);
    case 'subscript':
      return vscode.l10n.t('indices inside a subscript');
    case 'printedWith':
      return vscode.l10n.t('printed with grad_fn=<{0}>', reason.name);
    case 'printedAfter':
      return vscode.l10n.t('printed after {0}(…)', reason.name);
    case 'after':
      return vscode.l10n.t('a range or set of values after “{0}”', reason.word);
    case 'logLine':
      return vscode.l10n.t('counters of a log line (“{0}” follows)', reason.word);
    case 'mentioned':
      return vscode.l10n.t('its line says “{0}”', reason.word);
    case 'sumsToOne':
      return vscode.l10n.t('each row is ≥ 0 and sums to 1 at its printed precision');
    case 'nearlySumsToOne':
      return vscode.l10n.t('each row is ≥ 0 and nearly sums to 1');
    case 'logSumExpZero':
      return vscode.l10n.t('each row is ≤ 0 with logsumexp 0 at its printed precision');
    case 'noCue':
      return vscode.l10n.t('scores or data: nothing around it says otherwise');
  }
}
