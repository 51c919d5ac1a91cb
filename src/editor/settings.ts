import * as vscode from 'vscode';

/** The `softmaxLens.*` settings, read through one typed accessor so every view agrees on defaults. */
export interface Settings {
  /** Decimals of the probabilities in notifications, copies and inserted results. */
  decimals: number;
  /** Divides the logits before softmax in the lens, the hover and the command. */
  temperature: number;
  codeLensEnabled: boolean;
  /** Which arrays get a lens: `likely` (logits, probabilities, log-probabilities; not shapes) or `all`. */
  codeLensArrays: 'likely' | 'all';
  hoverEnabled: boolean;
  /** Documents longer than this many characters get no lenses; hover and command still work. */
  maxFileSize: number;
}

export const settingsSection = 'softmaxLens';

const defaultMaxFileSizeMB = 5;

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(settingsSection, scope);
  const decimals = config.get<number>('decimals', 4);
  const temperature = config.get<number>('temperature', 1);
  const maxFileSizeMB = config.get<number>('maxFileSize', defaultMaxFileSizeMB);
  return {
    decimals: Number.isInteger(decimals) ? Math.min(Math.max(decimals, 0), 15) : 4,
    // An invalid temperature is passed on: the core's SoftmaxInputError tells the person what is wrong with it.
    temperature: typeof temperature === 'number' ? temperature : 1,
    codeLensEnabled: config.get<boolean>('codeLens.enabled', true),
    codeLensArrays: config.get<string>('codeLens.arrays', 'likely') === 'all' ? 'all' : 'likely',
    hoverEnabled: config.get<boolean>('hover.enabled', true),
    maxFileSize: Math.round((Number.isFinite(maxFileSizeMB) && maxFileSizeMB >= 0 ? maxFileSizeMB : defaultMaxFileSizeMB) * 1024 * 1024),
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(settingsSection);
}
