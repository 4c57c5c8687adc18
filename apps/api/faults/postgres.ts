import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The shared PostgreSQL server the fault tests create their databases on: `TEST_DATABASE_URL`,
 * else the local server as user postgres. Fault tests talk to 127.0.0.1 only.
 */
export const SHARED_SERVER_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') {
    throw new Error(`The fault tests talk only to 127.0.0.1; TEST_DATABASE_URL names ${host}.`);
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs `work` on one connection to `url`, then closes it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'panorama-faults' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface FreshDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on `serverUrl` (the shared server by default); `drop()` removes it. */
export async function createFreshDatabase(serverUrl = SHARED_SERVER_URL): Promise<FreshDatabase> {
  assertLocal(serverUrl);
  const name = `panorama_faults_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/** Ends every connection Panorama holds to `database` (`pg_terminate_backend`); returns how many. */
export async function terminatePanoramaConnections(serverUrl: string, database: string): Promise<number> {
  return withClient(serverUrl, async (client) => {
    const result = await client.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
       WHERE datname = $1 AND application_name = 'panorama' AND pid <> pg_backend_pid()`,
      [database],
    );
    return result.rows.filter((row) => row.terminated).length;
  });
}

/**
 * Resolves once the server has no connection of Panorama's to `database` left: the backends
 * `pg_terminate_backend` signalled have exited (it returns before they do).
 */
export async function panoramaConnectionsGone(serverUrl: string, database: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await withClient(serverUrl, async (client) => {
      const result = await client.query<{ left: number }>(
        `SELECT count(*)::int AS left FROM pg_stat_activity WHERE datname = $1 AND application_name = 'panorama'`,
        [database],
      );
      return result.rows[0]?.left ?? 0;
    });
    if (left === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${left} connections of Panorama still open ${timeoutMs} ms after the kill`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Statements of `database` still running (not idle), e.g. to check that a cancelled one is gone. */
export async function activeStatements(serverUrl: string, database: string): Promise<string[]> {
  return withClient(serverUrl, async (client) => {
    const result = await client.query<{ query: string }>(
      `SELECT query FROM pg_stat_activity
       WHERE datname = $1 AND application_name = 'panorama' AND state = 'active' AND pid <> pg_backend_pid()`,
      [database],
    );
    return result.rows.map((row) => row.query);
  });
}

/**
 * Watches `database`'s active statements (every few milliseconds, on one connection) until one of
 * Panorama's matches `pattern`, then calls `onSeen` at once with its text and returns it; returns
 * undefined after `timeoutMs` or once `stop()` says true.
 */
export async function whenStatementRuns(
  serverUrl: string,
  database: string,
  pattern: RegExp,
  {
    onSeen,
    stop = () => false,
    timeoutMs = 60_000,
  }: { onSeen: (query: string) => void; stop?: () => boolean; timeoutMs?: number },
): Promise<string | undefined> {
  return withClient(serverUrl, async (client) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !stop()) {
      const { rows } = await client.query<{ query: string }>(
        `SELECT query FROM pg_stat_activity
         WHERE datname = $1 AND application_name = 'panorama' AND state = 'active' AND pid <> pg_backend_pid()`,
        [database],
      );
      const seen = rows.find((row) => pattern.test(row.query))?.query;
      if (seen !== undefined) {
        onSeen(seen);
        return seen;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return undefined;
  });
}

/** Tables that signing in (Bearer token or session) and `{ regions { code } }` read: never held. */
const SERVING_TABLES = ['users', 'sessions', 'api_tokens', 'login_throttle', 'regions'];

export interface HeldTables {
  tables: string[];
  release(): Promise<void>;
}

/**
 * Holds every other table of `url`'s database with an ACCESS EXCLUSIVE lock, as a long
 * migration would: any query of the analytics (contributions, their rollups, partners…) waits
 * until `release()`, while signing in and the list of regions still work.
 */
export async function holdAnalyticsTables(url: string): Promise<HeldTables> {
  const client = new pg.Client({ connectionString: url, application_name: 'panorama-faults' });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'm') AND NOT (c.relname = ANY($1))`,
    [SERVING_TABLES],
  );
  const tables = rows.map((row) => row.name);
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
  return {
    tables,
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

/** The folder of PostgreSQL's server programs (initdb, pg_ctl): `PG_BIN_DIR`, `pg_config --bindir`, or the newest in /usr/lib/postgresql. */
function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const installed = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((version) => existsSync(join('/usr/lib/postgresql', version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (installed[0]) return join('/usr/lib/postgresql', installed[0], 'bin');
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('PostgreSQL server programs not found: install PostgreSQL or set PG_BIN_DIR.');
  }
}

export interface PrivateCluster {
  port: number;
  /** A connection string to `database` on this cluster. */
  url(database?: string): string;
  /** `pg_ctl stop -m fast`: sessions are ended, the server shuts down. */
  stop(): void;
  start(): void;
  /** Stops it at once and removes its folder. */
  destroy(): void;
}

/**
 * A PostgreSQL cluster of its own (initdb), on a free port of 127.0.0.1, in a temporary folder,
 * that a test may stop and start at will. As root it runs as the `postgres` user: initdb and
 * the server refuse to run as root.
 */
export async function createPrivateCluster(): Promise<PrivateCluster> {
  const bin = postgresBinDir();
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'panorama-faults-pg-'));
  const data = join(folder, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(folder, uid, gid);
  }
  const run = (program: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, program);
    const commandArgs = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
    const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) {
      const log = existsSync(join(folder, 'server.log')) ? readFileSync(join(folder, 'server.log'), 'utf8') : '';
      throw new Error(
        `${program} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}\n${log}`,
      );
    }
  };
  const options = [
    `-p ${port}`,
    '-h 127.0.0.1',
    `-k ${folder}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const cluster: PrivateCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () =>
      run('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-o', options, '-w', '-t', '60', 'start']),
    stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']),
    destroy: () => {
      process.off('exit', cluster.destroy);
      if (existsSync(join(data, 'postmaster.pid'))) {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
        } catch {
          // Already stopped.
        }
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
  process.once('exit', cluster.destroy);
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  cluster.start();
  return cluster;
}
