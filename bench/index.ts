// `npm run bench [-- name…]`: runs every registered suite (or those named), prints Markdown and writes
// bench/results.md (full runs only). A new bench module registers itself: add one `import './<module>';` line below.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { registeredSuites } from './harness';
import './softmax';
import './findArrays';
import './softmaxSimd';
import './size';
import './linearity';
import './corpus';
import './roles';
import './accuracy';
import './lab';
import './scanMemory';
import './claims';
import './notebooks';

async function main(): Promise<void> {
  // Words that name no suite are the suites' own arguments (a folder, options).
  const names = new Set(registeredSuites().map((s) => s.name));
  const words = process.argv.slice(2);
  const wanted = words.filter((w) => names.has(w));
  const args = words.filter((w) => !names.has(w));
  const suites = registeredSuites().filter((s) => wanted.length === 0 || wanted.includes(s.name));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const sections = [
    `# Benchmarks\n\n${new Date().toISOString()} · Node ${process.version} · ${cpu} × ${os.cpus().length}`,
  ];
  for (const suite of suites) {
    console.error(`running ${suite.name}…`);
    sections.push(await suite.run(args));
  }
  const report = `${sections.join('\n\n')}\n`;
  console.log(report);
  // Only a full run replaces the checked-in results, so a partial run cannot drop another suite's table.
  if (suites.length === registeredSuites().length && args.length === 0) {
    fs.writeFileSync(path.join(__dirname, '..', '..', 'bench', 'results.md'), report);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
