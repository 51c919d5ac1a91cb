import * as vscode from 'vscode';
import type { PrintedArray } from './outputArrays';
import { settingsFrom, settingsSection, type Settings } from './settingsSchema';

export { settingsSection, type Settings } from './settingsSchema';

/**
 * The `softmaxLens.*` settings for a scope: give the document (or its uri and language) so that folder settings and
 * language-specific ones (`"[python]": { "softmaxLens.decimals": 2 }`) apply.
 */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(settingsSection, scope);
  return settingsFrom((key) => config.get(key));
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(settingsSection);
}

/** Whose settings apply to an array a notebook cell's output prints: the notebook's, in the printing cell's language. */
export function printedScope(printed: PrintedArray): { uri: vscode.Uri; languageId: string } {
  return { uri: vscode.Uri.parse(printed.ref.notebook), languageId: printed.languageId };
}
