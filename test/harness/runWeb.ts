// `npm run test:web`: the VS Code suite again, in code-server's web-worker extension host (as on vscode.dev).
import * as path from 'path';
import { runLayerMain, secondsFromEnv } from './layer';
import { repoRoot } from './repo';
import { runExtensionHostSuite } from './extensionHostSuite';

/** The user setting that moves a `main` + `browser` extension into the web worker (manifest and payload cannot). */
export const WEB_WORKER_SETTINGS = { 'remote.extensionKind': { 'softmax-lens.softmax-lens': ['web'] } };

if (require.main === module) {
  runLayerMain('Web extension host suite', () =>
    runExtensionHostSuite({
      name: 'web extension host suite',
      testsPath: path.join(repoRoot(), 'dist', 'test', 'web', 'index.js'),
      settings: WEB_WORKER_SETTINGS,
      timeoutSeconds: secondsFromEnv('SOFTMAX_LENS_WEB_TIMEOUT', 600),
    }),
  );
}
