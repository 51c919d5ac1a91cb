// `npm run test:vscode`: the VS Code suite (test/vscode) inside code-server's Node extension host.
import * as path from 'path';
import { runExtensionHostSuite } from './extensionHostSuite';
import { runLayerMain, secondsFromEnv } from './layer';
import { repoRoot } from './repo';

if (require.main === module) {
  runLayerMain('VS Code suite', () =>
    runExtensionHostSuite({
      name: 'VS Code suite',
      testsPath: path.join(repoRoot(), 'dist', 'test', 'vscode', 'index.js'),
      timeoutSeconds: secondsFromEnv('SOFTMAX_LENS_VSCODE_TIMEOUT', 600),
    }),
  );
}
