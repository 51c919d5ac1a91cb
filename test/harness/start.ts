// `npm start`: serves the real VS Code on 127.0.0.1 with Softmax Lens loaded from this checkout and
// samples/ open, and prints the URL to open; Ctrl+C stops everything and removes its temp folder.
import * as fs from 'fs';
import * as path from 'path';
import { workbenchUrl } from './browser';
import { startCodeServer } from './codeServer';
import { repoRoot } from './repo';

async function main(): Promise<void> {
  const root = repoRoot();
  const samples = path.join(root, 'samples');
  if (!fs.existsSync(samples) || fs.readdirSync(samples).length === 0) {
    fs.mkdirSync(samples, { recursive: true });
    fs.writeFileSync(path.join(samples, 'logits.py'), 'logits = [2.0, 1.0, 0.1]\n');
  }
  const port = Number(process.env.SOFTMAX_LENS_PORT) || undefined;
  const server = await startCodeServer({ port, settings: { 'workbench.startupEditor': 'none', 'editor.hover.delay': 300 } });
  const url = workbenchUrl(server, { folder: samples, extensionDevelopmentPath: root });
  console.log(`\nVS Code with Softmax Lens is running. Open this URL in a browser:\n\n  ${url}\n`);
  console.log(`(Rebuild with \`npm run watch\` in another terminal, then run "Developer: Reload Window".)`);
  console.log(`Server log: ${server.logPath}\nPress Ctrl+C to stop.`);
  // Runs until Ctrl+C: the harness's signal handlers stop code-server and remove its folder.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
