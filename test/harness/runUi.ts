// `npm run test:ui`: mocha in plain Node over dist/test/ui/**/*.test.js; the tests drive the real
// workbench in Chromium. One VS Code and one browser serve every file (see test/ui/vscodeUi.ts).
import * as path from 'path';
import { chromiumPath } from './browser';
import { ensureCodeServer } from './install';
import { runLayerMain, secondsFromEnv } from './layer';
import { runMocha } from './mochaSetup';
import { repoRoot, testFiles } from './repo';
import { stopUiSession } from '../ui/vscodeUi';

if (require.main === module) {
  runLayerMain('UI suite', async () => {
    chromiumPath();
    await ensureCodeServer();
    return runMocha({
      files: testFiles(path.join(repoRoot(), 'dist', 'test', 'ui')),
      timeout: secondsFromEnv('SOFTMAX_LENS_UI_TEST_TIMEOUT', 120) * 1000,
      color: process.stdout.isTTY,
      rootHooks: { afterAll: stopUiSession },
    });
  });
}
