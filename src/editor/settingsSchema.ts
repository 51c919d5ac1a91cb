// Pure, so the webview (through the protocol) and plain-Node tests read the same defaults and ranges as the host.

/** VS Code applies a `"[python]": { … }` block only to settings of this scope. */
const languageOverridable = 'language-overridable';

/**
 * Every `softmaxLens.*` setting: its type, default and range, written once. package.json's
 * `contributes.configuration` says the same to VS Code's Settings editor, and a test holds the two together.
 */
export const settingsSchema = {
  decimals: { type: 'integer', default: 4, minimum: 0, maximum: 15, scope: languageOverridable },
  temperature: { type: 'number', default: 1, exclusiveMinimum: 0, scope: languageOverridable },
  'codeLens.enabled': { type: 'boolean', default: true, scope: languageOverridable },
  'codeLens.arrays': { type: 'string', default: 'likely', enum: ['likely', 'all'], scope: languageOverridable },
  'hover.enabled': { type: 'boolean', default: true, scope: languageOverridable },
  maxFileSize: { type: 'number', default: 5, minimum: 0 },
} as const;

export type SettingKey = keyof typeof settingsSchema;

export const settingsSection = 'softmaxLens';

/** The decimals a person may ask for, in the setting and in the walkthrough's own control. */
export const decimalsRange = { min: settingsSchema.decimals.minimum, max: settingsSchema.decimals.maximum } as const;

/** The `softmaxLens.*` settings as every view uses them. */
export interface Settings {
  /** Decimals of the probabilities in notifications, copies, inserted results, the hover and the walkthrough. */
  decimals: number;
  /** Divides the logits before softmax in the lens, the hover, the command and the walkthrough. */
  temperature: number;
  codeLensEnabled: boolean;
  /** Which arrays get a lens: `likely` (logits, probabilities, log-probabilities; not shapes) or `all`. */
  codeLensArrays: 'likely' | 'all';
  hoverEnabled: boolean;
  /** Documents longer than this many characters get no lenses; hover and command still work. */
  maxFileSize: number;
}

/** A decimals value as the views use it: an integer is held to the range, anything else is the default. */
export function decimalsFrom(value: unknown): number {
  const { min, max } = decimalsRange;
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, min), max) : settingsSchema.decimals.default;
}

/**
 * A temperature as the views use it. A number is passed on as it is, even 0 or −1: the core's SoftmaxInputError then
 * says what is wrong with it, in the lens, the hover, the command and the walkthrough alike. A value of another
 * type, which the Settings editor already marks, reads as the default.
 */
export function temperatureFrom(value: unknown): number {
  return typeof value === 'number' ? value : settingsSchema.temperature.default;
}

const booleanFrom = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

/** The settings from whatever the configuration holds for each key (`undefined` where nothing is set). */
export function settingsFrom(get: (key: SettingKey) => unknown): Settings {
  const maxFileSizeMB = get('maxFileSize');
  const { default: defaultMB, minimum } = settingsSchema.maxFileSize;
  const mb = typeof maxFileSizeMB === 'number' && Number.isFinite(maxFileSizeMB) && maxFileSizeMB >= minimum ? maxFileSizeMB : defaultMB;
  return {
    decimals: decimalsFrom(get('decimals')),
    temperature: temperatureFrom(get('temperature')),
    codeLensEnabled: booleanFrom(get('codeLens.enabled'), settingsSchema['codeLens.enabled'].default),
    codeLensArrays: get('codeLens.arrays') === 'all' ? 'all' : settingsSchema['codeLens.arrays'].default,
    hoverEnabled: booleanFrom(get('hover.enabled'), settingsSchema['hover.enabled'].default),
    maxFileSize: Math.round(mb * 1024 * 1024),
  };
}
