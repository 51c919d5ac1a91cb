// The VS Code suite's entry: the extension host calls run() (the @vscode/test-electron convention),
// in code-server here and in desktop VS Code under `npm run test:electron`.
import { runMocha } from '../harness/mochaSetup';
import { testFiles } from '../harness/repo';
import { resultLine } from '../harness/suiteResult';

export async function run(): Promise<void> {
  // Every *.test.js bundled beside this file in dist/test/vscode.
  const counts = await runMocha({ files: testFiles(__dirname), timeout: 60_000 });
  // The harness reads the counts from this line; under test-electron it is just a summary.
  console.log(resultLine(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} VS Code test(s) failed.`);
}
