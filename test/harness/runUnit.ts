// `npm run test:unit`: mocha over every dist/test/unit/**/*.test.js in plain Node.
import * as path from 'path';
import { runLayerMain, secondsFromEnv } from './layer';
import { runMocha } from './mochaSetup';
import { repoRoot, testFiles } from './repo';

if (require.main === module) {
  runLayerMain('Unit tests', () =>
    runMocha({
      files: testFiles(path.join(repoRoot(), 'dist', 'test', 'unit')),
      timeout: secondsFromEnv('SOFTMAX_LENS_UNIT_TEST_TIMEOUT', 20) * 1000,
      color: process.stdout.isTTY,
    }),
  );
}
