import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Panorama's server, started as production starts it, in a process of its own. */
export interface PanoramaProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything it wrote, standard output and error, in order. */
  output(): string;
  /** The JSON lines of its standard output. */
  logLines(): Record<string, unknown>[];
  /** Its resident memory (VmRSS), in bytes. */
  residentBytes(): number;
  /** After a garbage collection: the memory its JavaScript still holds (needs `memoryProbe`). */
  liveMemory(): Promise<LiveMemory>;
  running(): boolean;
  /** Resolves when it has exited. */
  exited: Promise<ExitStatus>;
  /** SIGTERM, then waits for the exit (SIGKILL after `killAfterMs`). */
  stop(killAfterMs?: number): Promise<ExitStatus>;
}

/** Bytes in use after a full garbage collection, as `process.memoryUsage()` says. */
export interface LiveMemory {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

export interface StartOptions {
  /** PostgreSQL database it serves; unset: the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** Folder of the embedded database, when `databaseUrl` is unset. */
  dataDir?: string;
  /** More configuration (env.ts's variables). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Loads faults/memory-probe.ts into the process, for `liveMemory()`. */
  memoryProbe?: boolean;
}

/**
 * Starts `src/main.ts` on a port the system chooses (PORT=0), on 127.0.0.1, and resolves once it
 * has said on which port and `/readyz` answers 200.
 */
export async function startPanorama({
  databaseUrl,
  dataDir,
  env = {},
  readyTimeoutMs = 60_000,
  memoryProbe = false,
}: StartOptions) {
  // Only what the test says: its database, on 127.0.0.1, and no outside service (Redis) it did not ask for.
  const { DATABASE_URL: _database, TEST_DATABASE_URL: _test, REDIS_URL: _redis, ...inherited } = process.env;
  const probe = memoryProbe ? ['--expose-gc', '--import', './faults/memory-probe.ts'] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...probe, 'src/main.ts'], {
    cwd: API_DIR,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { PANORAMA_DATA_DIR: dataDir, PANORAMA_DEMO_DATA: 'never' }),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<ExitStatus>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const running = () => child.exitCode === null && child.signalCode === null;
  const logLines = () =>
    stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          return { unparsed: line };
        }
      });
  const stop = async (killAfterMs = 20_000) => {
    if (running()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      const status = await exited;
      clearTimeout(timer);
      return status;
    }
    return exited;
  };

  const deadline = Date.now() + readyTimeoutMs;
  let url: string | undefined;
  while (true) {
    if (!running()) throw new Error(`Panorama exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      await stop(1_000);
      throw new Error(`Panorama was not ready after ${readyTimeoutMs} ms:\n${output}`);
    }
    const port = logLines().find((line) => typeof line.port === 'number')?.port;
    if (port) url = `http://127.0.0.1:${port}`;
    if (url) {
      const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const panorama: PanoramaProcess = {
    url,
    pid: child.pid ?? 0,
    child,
    output: () => output,
    logLines,
    residentBytes: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kilobytes = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
      return Number(kilobytes) * 1024;
    },
    liveMemory: async () => {
      const seen = output.length;
      child.kill('SIGUSR2');
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const line = /\[memory-probe\] (\{.*\})\n/.exec(output.slice(seen))?.[1];
        if (line) return JSON.parse(line) as LiveMemory;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('The server did not report its memory: was it started with memoryProbe?');
    },
    running,
    exited,
    stop,
  };
  return panorama;
}
