// `npm run test:electron`: the same VS Code suite in desktop VS Code through @vscode/test-electron,
// where Microsoft's downloads are reachable (they are not on the offline machines: use `npm test` there).
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './repo';

async function main(): Promise<void> {
  const root = repoRoot();
  await runTests({
    version: '1.100.3', // the VS Code that code-server 4.100.3 serves, so both hosts run the same suite
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist', 'test', 'vscode', 'index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(`The VS Code suite failed under @vscode/test-electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
