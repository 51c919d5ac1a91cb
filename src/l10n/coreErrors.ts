// The core words its errors in English by code (src/core/messages.ts); this words the same codes in the display
// language, so nothing parses English to translate it.
import * as vscode from 'vscode';
import { describeError, SoftmaxInputError } from '../core';

/** vscode.l10n.t as the core's Translate: the English template is the key of its translation. */
const displayLanguage = (template: string, ...values: (string | number)[]): string => vscode.l10n.t(template, ...values);

/** What to show a person for an error: a SoftmaxInputError in the display language, anything else as it is. */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof SoftmaxInputError) return describeError(error, displayLanguage);
  return error.message;
}
