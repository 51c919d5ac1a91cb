// Installs code-server (the real VS Code 1.100.3 workbench and extension host) on demand,
// offline, into .vscode-test/code-server. Run once; later runs see the marker and skip.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { keepLog, vscodeTestDir } from './repo';

export const CODE_SERVER_VERSION = '4.100.3';

// @vscode/ripgrep (pinned inside code-server) looks here before trying to download from GitHub.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const APT_HINT = 'apt-get install -y chromium libkrb5-dev ripgrep';

function installDir(): string {
  return path.join(vscodeTestDir(), 'code-server');
}

function packageDir(): string {
  return path.join(installDir(), 'node_modules', 'code-server');
}

/** The script that starts code-server with the current Node. */
export function codeServerEntry(): string {
  return path.join(packageDir(), 'out', 'node', 'entry.js');
}

function marker(): string {
  return path.join(installDir(), `.installed-${CODE_SERVER_VERSION}`);
}

export function isCodeServerInstalled(): boolean {
  return fs.existsSync(marker()) && fs.existsSync(codeServerEntry());
}

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** What the install needs from Debian, checked up front so the message names the fix. */
function preflight(): string {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}.`);
  const rg = which('rg');
  if (!rg) throw new Error(`ripgrep is missing: ${APT_HINT}`);
  const krb5 = ['/usr/include/gssapi/gssapi.h', '/usr/include/krb5.h'].some((f) => fs.existsSync(f)) || which('krb5-config');
  if (!krb5) throw new Error(`The Kerberos headers code-server builds against are missing: ${APT_HINT}`);
  return fs.realpathSync(rg);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One installer at a time, even when several test runs start together in the same checkout. */
async function withLock<T>(lockDir: string, body: () => Promise<T>): Promise<T> {
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (pid && !alive(pid)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) console.log(`Waiting for another run (pid ${pid}) to finish installing code-server…`);
      announced = true;
      await sleep(1000);
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logPath, 'a');
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', log, log] });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      fs.closeSync(log);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Files that exist only if code-server's postinstall (and its nested installs) really ran. */
function missingAfterInstall(): string[] {
  const vscode = path.join(packageDir(), 'lib', 'vscode');
  return [
    codeServerEntry(),
    path.join(vscode, 'node_modules.asar'),
    path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
    path.join(vscode, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'),
    path.join(vscode, 'extensions', 'node_modules'),
  ].filter((f) => !fs.existsSync(f));
}

/** Installs code-server into .vscode-test/code-server unless it is already there; returns its entry script. */
export async function ensureCodeServer(): Promise<string> {
  if (isCodeServerInstalled()) return codeServerEntry();
  fs.mkdirSync(vscodeTestDir(), { recursive: true });
  await withLock(path.join(vscodeTestDir(), 'code-server.lock'), async () => {
    if (isCodeServerInstalled()) return;
    const rg = preflight();
    const dir = installDir();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify(
        {
          private: true,
          description: 'The real VS Code the Softmax Lens tests run in; installed by test/harness/install.ts',
          dependencies: { 'code-server': CODE_SERVER_VERSION },
          // npm 11 asks for install scripts to be approved; code-server cannot work without these.
          allowScripts: { 'code-server': true, argon2: true },
        },
        null,
        2,
      ),
    );

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-lens-install-'));
    const logPath = path.join(tmp, 'npm-install.log');
    try {
      const cache = path.join(tmp, RIPGREP_CACHE);
      fs.mkdirSync(cache);
      fs.copyFileSync(rg, path.join(tmp, 'rg'));
      fs.chmodSync(path.join(tmp, 'rg'), 0o755);
      const tarCode = await run('tar', ['czf', path.join(cache, RIPGREP_TARBALL), 'rg'], tmp, process.env, logPath);
      if (tarCode !== 0) throw new Error(`Could not pack ripgrep for the offline install — log: ${keepLog(logPath, 'code-server-install')}`);

      const started = Date.now();
      console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), dir) || dir} (once; about a minute)…`);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TMPDIR: tmp,
        npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root without it
        npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which would prompt
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
      };
      const code = await run('npm', ['install', '--no-audit', '--no-fund'], dir, env, logPath);
      const missing = missingAfterInstall();
      if (code !== 0 || missing.length > 0) {
        const why = code !== 0 ? `npm install exited with ${code}` : `its install scripts did not run (missing ${missing.map((m) => path.relative(dir, m)).join(', ')})`;
        throw new Error(`Installing code-server failed: ${why} — log: ${keepLog(logPath, 'code-server-install')}\nIt needs the Debian packages: ${APT_HINT}`);
      }
      fs.writeFileSync(marker(), `${new Date().toISOString()}\n`);
      console.log(`Installed code-server ${CODE_SERVER_VERSION} in ${Math.round((Date.now() - started) / 1000)} s.`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
  return codeServerEntry();
}
