// Starts the real VS Code (code-server) with all of its state in one throw-away folder under the
// OS temp dir, on a free port of 127.0.0.1, in its own process group; stop() removes every trace.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { onCleanup } from './cleanup';
import { ensureCodeServer } from './install';
import { keepLog } from './repo';

export { CODE_SERVER_VERSION, ensureCodeServer } from './install';

export interface CodeServerOptions {
  /** Merged over the pre-seeded user settings. */
  settings?: Record<string, unknown>;
  /** A fixed port (default: any free one). */
  port?: number;
  /** Seconds to wait for "HTTP server listening on". */
  startTimeoutSeconds?: number;
  /** Where the server prints its log lines as they come (default: only into the log file). */
  echo?: (line: string) => void;
}

export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `127.0.0.1:<port>`: the authority that vscode-remote:// URIs in a payload must carry. */
  readonly authority: string;
  /** The throw-away folder holding all of the server's state. */
  readonly home: string;
  /** An empty folder for this run that the workbench opens; tests write their files into it. */
  readonly workspace: string;
  readonly logPath: string;
  /** Copies the log out of the throw-away folder (into .vscode-test/logs) and returns its path. */
  keepLog(): string;
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet, offline and quick for tests. */
export const TEST_SETTINGS: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'editor.hover.delay': 150,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'files.hotExit': 'off',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Blocks for `ms` (only for the last-resort cleanup inside process.on('exit'), where nothing async runs). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Removes a folder; false when something still writing into it made that fail. */
function removeFolder(folder: string): boolean {
  try {
    fs.rmSync(folder, { recursive: true, force: true });
    return !fs.existsSync(folder);
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** The environment of the server: everything it writes goes under `home`, and no marketplace. */
function serverEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // A VS Code terminal's variables would make code-server talk to that VS Code instead.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(home, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(home, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(home, 'xdg', 'cache'),
    TMPDIR: path.join(home, 'tmp'),
    EXTENSIONS_GALLERY: '{}',
  };
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const entry = await ensureCodeServer();
  const timeout = options.startTimeoutSeconds ?? 60;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'softmax-lens-vscode-'));
  // Registered before anything else can fail or be interrupted, so the folder never outlives us.
  let pid: number | undefined = undefined;
  let logFd: number | undefined;
  let stopping: Promise<void> | undefined;
  let removed = false;
  const closeLog = () => {
    if (logFd === undefined) return;
    fs.closeSync(logFd);
    logFd = undefined;
  };
  // Every caller (a test's after hook, Ctrl+C, the end of the run) waits for the one stop in progress.
  const stop = () =>
    (stopping ??= (async () => {
      if (pid !== undefined) {
        killGroup(pid, 'SIGTERM');
        for (let i = 0; i < 30 && groupAlive(pid); i++) await sleep(100);
        // Its file-watcher child lingers ~10 s after SIGTERM; nothing of value is lost by not waiting.
        killGroup(pid, 'SIGKILL');
        for (let i = 0; i < 30 && groupAlive(pid); i++) await sleep(100);
      }
      closeLog();
      for (let attempt = 0; attempt < 20 && !removeFolder(home); attempt++) await sleep(150);
      removed = true;
      unregister();
    })());
  const unregister = onCleanup({
    stop,
    kill: () => {
      if (removed) return;
      if (pid !== undefined) killGroup(pid, 'SIGKILL');
      for (let attempt = 0; attempt < 20 && !removeFolder(home); attempt++) sleepSync(50);
    },
  });

  const workspace = path.join(home, 'workspace');
  const userDir = path.join(home, 'ud');
  for (const dir of [workspace, path.join(userDir, 'User'), path.join(home, 'exts'), path.join(home, 'tmp'), path.join(home, 'xdg', 'config'), path.join(home, 'xdg', 'data'), path.join(home, 'xdg', 'cache')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...options.settings }, null, 2));
  const port = options.port ?? (await freePort());
  const authority = `127.0.0.1:${port}`;
  fs.writeFileSync(path.join(home, 'config.yaml'), `bind-addr: ${authority}\nauth: none\ncert: false\n`);
  const logPath = path.join(home, 'code-server.log');
  logFd = fs.openSync(logPath, 'a');

  const child = spawn(
    process.execPath,
    [
      entry,
      '--config', path.join(home, 'config.yaml'),
      '--bind-addr', authority,
      '--auth', 'none',
      '--user-data-dir', userDir,
      '--extensions-dir', path.join(home, 'exts'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { cwd: home, env: serverEnv(home), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  pid = child.pid;
  if (stopping && pid !== undefined) killGroup(pid, 'SIGKILL');

  const server: CodeServer = {
    port,
    origin: `http://${authority}`,
    authority,
    home,
    workspace,
    logPath,
    keepLog: () => keepLog(logPath, 'code-server'),
    stop,
  };

  try {
    await new Promise<void>((resolve, reject) => {
      let ready = false;
      let pending = '';
      const timer = setTimeout(() => reject(new Error(`VS Code did not start within ${timeout} s — log: ${server.keepLog()}`)), timeout * 1000);
      const onData = (chunk: Buffer) => {
        if (stopping || logFd === undefined) return;
        fs.writeSync(logFd, chunk);
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          options.echo?.(line);
          if (!ready && line.includes('HTTP server listening on')) {
            ready = true;
            clearTimeout(timer);
            resolve();
          }
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (!ready) reject(new Error(`VS Code exited during start (${signal ?? `code ${code}`}) — log: ${server.keepLog()}`));
      });
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return server;
}
