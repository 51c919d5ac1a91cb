// `npm run test:package`: mocha in plain Node over dist/test/package/**/*.test.js — what ships: the .vsix and its translations.
import * as path from 'path';
import { runLayerMain, secondsFromEnv } from './layer';
import { runMocha } from './mochaSetup';
import { repoRoot, testFiles } from './repo';

if (require.main === module) {
  runLayerMain('Package tests', () =>
    runMocha({
      files: testFiles(path.join(repoRoot(), 'dist', 'test', 'package')),
      timeout: secondsFromEnv('SOFTMAX_LENS_PACKAGE_TEST_TIMEOUT', 300) * 1000,
      color: process.stdout.isTTY,
    }),
  );
}
