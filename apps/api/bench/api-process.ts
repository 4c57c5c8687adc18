import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildServer, SERVER_BUNDLE, SERVER_NODE_FLAGS } from '../build';
import { processCpuMs } from './cpu';

const API_FOLDER = fileURLToPath(new URL('..', import.meta.url));

export interface ApiProcess {
  url: string;
  pid: number;
  /** Resident memory now, in MB (VmRSS of /proc/<pid>/status). */
  rssMb(): number;
  /** The most resident memory so far, in MB (VmHWM). */
  peakRssMb(): number;
  /** User and system CPU time so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

function statusField(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let built: Promise<void> | undefined;

/**
 * The API as production runs it (`pnpm start`: the server bundle built from the sources now,
 * under node, NODE_ENV=production, its logs thrown away), in a process of its own so that its
 * memory can be read; resolves once `/readyz` says ready.
 */
export async function startApi(env: Record<string, string | undefined>): Promise<ApiProcess> {
  built ??= buildServer();
  await built;
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []), ...SERVER_NODE_FLAGS, SERVER_BUNDLE],
    {
      cwd: API_FOLDER,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        PANORAMA_DEMO_DATA: 'never',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    if (errors.length < 100) errors.push(chunk.toString());
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${errors.join('')}`);
    if (Date.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`the API was not ready within 120 s:\n${errors.join('')}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    rssMb: () => statusField(pid, 'VmRSS'),
    peakRssMb: () => statusField(pid, 'VmHWM'),
    cpuMs: () => processCpuMs(pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
