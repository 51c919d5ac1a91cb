import Mocha from 'mocha';
import { countsOf, type SuiteCounts } from './suiteResult';

export interface MochaRunOptions {
  files: string[];
  timeout: number;
  /** Mocha's root hooks (before/after the whole run). */
  rootHooks?: Mocha.RootHookObject;
  color?: boolean;
}

/**
 * Runs mocha over `files` with both the tdd (suite/test) and bdd (describe/it) globals, so a test
 * file works whichever style its author chose, and resolves with the counts.
 */
export async function runMocha(options: MochaRunOptions): Promise<SuiteCounts> {
  // SOFTMAX_LENS_GREP runs only the tests whose full title matches it, in every layer but the web-worker host.
  const grep = typeof process !== 'undefined' ? process.env.SOFTMAX_LENS_GREP : undefined;
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', timeout: options.timeout, color: options.color ?? false, rootHooks: options.rootHooks, grep: grep || undefined });
  Mocha.interfaces.bdd(mocha.suite);
  // Loaded with require() when run() starts: the extension host resolves `vscode` only for require().
  for (const file of options.files) mocha.addFile(file);
  return new Promise<SuiteCounts>((resolve) => {
    const runner = mocha.run(() => resolve(countsOf(runner.stats)));
  });
}
