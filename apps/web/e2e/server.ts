import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const API_DIR = join(REPO_ROOT, 'apps/api');
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');

/** A demo account, as the first start prints it. */
export interface DemoAccount {
  role: 'LEADERSHIP' | 'ANALYST' | 'REGIONAL' | 'ADMIN';
  email: string;
  password: string;
}

export interface PanoramaProcess {
  /** Where it answers: `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** The demo accounts printed at the first start, one per role. */
  accounts: Record<DemoAccount['role'], DemoAccount>;
  /** SIGTERM, waits for the process to exit, then removes its data folder. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long to wait for `/readyz`; the first start loads demo data (about 15 s). */
  readyTimeoutMs?: number;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const ACCOUNT_LINE = /\[panorama\]\s+(LEADERSHIP|ANALYST|REGIONAL|ADMIN)\s+(\S+@\S+)\s+(\S+)/g;

/** The demo accounts in the start's output, or undefined until all four are printed. */
function demoAccounts(log: string): PanoramaProcess['accounts'] | undefined {
  const found = Object.fromEntries(
    [...log.matchAll(ACCOUNT_LINE)].map(([, role, email, password]) => [role, { role, email, password }]),
  ) as Partial<PanoramaProcess['accounts']>;
  const { LEADERSHIP, ANALYST, REGIONAL, ADMIN } = found;
  return LEADERSHIP && ANALYST && REGIONAL && ADMIN ? { LEADERSHIP, ANALYST, REGIONAL, ADMIN } : undefined;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the real Panorama, as production runs it: the API serving the built dashboard, on an
 * embedded database in a fresh temporary folder (so demo data loads), on a free port. Resolves
 * once `/readyz` answers 200. Needs apps/web/dist: build the dashboard first.
 */
export async function startPanorama({ readyTimeoutMs = 120_000 }: StartOptions = {}): Promise<PanoramaProcess> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The dashboard is not built (${WEB_DIST} has no index.html): run \`pnpm --filter @panorama/web build\` first, or \`pnpm test:e2e\` from the repository root, which builds it.`,
    );
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataRoot = mkdtempSync(join(tmpdir(), 'panorama-e2e-'));
  // No DATABASE_URL: the embedded database, with demo data.
  const { DATABASE_URL: _database, TEST_DATABASE_URL: _testDatabase, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PANORAMA_DATA_DIR: join(dataRoot, 'data'),
    PANORAMA_DEMO_DATA: 'auto',
  };

  const child = spawn(process.execPath, ['--import', 'tsx', join(API_DIR, 'src/main.ts')], {
    cwd: API_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let accounts: PanoramaProcess['accounts'] | undefined;
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
    accounts ??= demoAccounts(log);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dataRoot, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`Panorama exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log}`);
    }
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false, // Not listening yet.
    );
    if (ready) {
      if (accounts) return { url, accounts, stop };
      await stop();
      throw new Error(`Panorama is ready but printed no demo accounts:\n${log}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Panorama was not ready after ${readyTimeoutMs / 1000} s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
