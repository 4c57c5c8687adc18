import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { takingTurns } from './loop-turns';
import { PreparingPool, StatementPreparer } from './prepared-statements';
import { type Relations, relations } from './relations';

/** The drizzle database, the same type whichever engine is underneath. */
export type Database = PgAsyncDatabase<PgQueryResultHKT, Relations>;

/** The role the server works as: it owns no table, and row-level security holds it. */
export const APP_ROLE = 'panorama_app';

interface HandleMethods {
  close(): Promise<void>;
  ping(): Promise<void>;
  /**
   * From now on, every statement runs as `panorama_app` (see the migration that creates it),
   * not as the owner of the tables. The server calls it once migrations and seeding are done.
   */
  useAppRole(): Promise<void>;
  /** Runs `work` as the connecting user, the tables' owner: tests' fixtures and maintenance. */
  asOwner<T>(work: (db: Database) => Promise<T>): Promise<T>;
}

export type PostgresHandle = { kind: 'postgres'; db: Database; pool: pg.Pool } & HandleMethods;

export type DatabaseHandle =
  | PostgresHandle
  | ({
      kind: 'pglite';
      db: Database;
      pglite: PGlite;
      /** True when this start created the data folder: the embedded database is new. */
      created: boolean;
    } & HandleMethods);

export interface DatabaseOptions {
  /** A PostgreSQL connection string. Unset: the embedded PGlite database in `dataDir`. */
  url?: string;
  /** Folder of the embedded database; `memory://` keeps it in memory. */
  dataDir?: string;
  /** Longest a single SQL statement may run before PostgreSQL cancels it. */
  statementTimeoutMs?: number;
  /** Largest number of pooled PostgreSQL connections. */
  poolMax?: number;
  /**
   * Longest wait for a connection — a new one, or a free one of a busy pool — before a query
   * fails: with the server down, requests fail within this time instead of piling up.
   */
  connectionTimeoutMs?: number;
  /**
   * Most distinct statements prepared per process (see `StatementPreparer`); 0 prepares none,
   * as a pooler that does not keep prepared statements (PgBouncer in transaction mode) needs.
   */
  preparedStatements?: number;
  /** Told about errors of idle pooled connections, which must never crash the process. */
  onPoolError?: (error: Error) => void;
}

/** Runs a SQL statement and returns its rows, whichever driver is underneath. */
export async function selectRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** Raised when the database server cannot be reached; its message says what to check. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

/** Turns a driver's connection failure into an error that says what to check. */
export function explainConnectionError(error: unknown, url: string): unknown {
  // Drizzle wraps the driver's error ("Failed query: …"): the connection failure is its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: string } | null)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  const isConnectionFailure =
    (code !== undefined && CONNECTION_ERROR_CODES.has(code)) ||
    /timeout exceeded when trying to connect/i.test(message);
  if (!isConnectionFailure) return error;
  return new DatabaseUnavailableError(
    `Cannot reach PostgreSQL at ${describeServer(url)} (${code ?? message}). ` +
      'Is the server running, and is DATABASE_URL right? Unset DATABASE_URL to use the embedded database.',
    { cause: error },
  );
}

function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/** The repository's root folder: relative data folders are taken from here, whoever starts the process. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The absolute folder of the embedded database (`memory://` stays in memory). */
export function resolveDataDir(dataDir: string): string {
  if (dataDir.startsWith('memory://') || isAbsolute(dataDir)) return dataDir;
  return resolve(REPOSITORY_ROOT, dataDir);
}

/** Opens PostgreSQL when `url` is set, else the embedded PGlite database. Does not migrate. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options) : openPglite(options.dataDir ?? '.data');
}

/** Statements prepared per process unless told otherwise. */
export const DEFAULT_PREPARED_STATEMENTS = 100;

function createPool(url: string, options: DatabaseOptions, role?: string): pg.Pool {
  const limit = options.preparedStatements ?? DEFAULT_PREPARED_STATEMENTS;
  const config: pg.PoolConfig = {
    connectionString: url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    // Notices a server or network that went away without closing the connection.
    keepAlive: true,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    application_name: 'panorama',
    // Set at connection start-up: every statement of every connection runs as that role.
    ...(role ? { options: `-c role=${role}` } : {}),
  };
  const pool = limit > 0 ? new PreparingPool(config, new StatementPreparer(limit)) : new pg.Pool(config);
  pool.on('error', (error) => options.onPoolError?.(error));
  // A connection checked out of the pool (a transaction, an import's COPY) has no listener of the
  // pool's: when its server process is terminated, its 'error' would end the whole process. The
  // query under way fails on its own and the pool drops the connection when it is released.
  pool.on('connect', (client) => client.on('error', (error) => options.onPoolError?.(error)));
  return pool;
}

function openPostgres(url: string, options: DatabaseOptions): DatabaseHandle {
  const owner = createPool(url, options);
  const handle: PostgresHandle = {
    kind: 'postgres',
    db: drizzlePg({ client: owner, relations }) as unknown as Database,
    pool: owner,
    async ping() {
      try {
        await handle.pool.query('SELECT 1');
      } catch (error) {
        throw explainConnectionError(error, url);
      }
    },
    // The owner's pool gives way to one whose connections start as the app role; `db` and
    // `pool` are replaced, so whoever reads them from now on works as that role.
    async useAppRole() {
      const app = createPool(url, options, APP_ROLE);
      try {
        // Fails here, loudly, when the role is missing (migrations not run) or not granted.
        await app.query('SELECT 1');
      } catch (error) {
        await app.end();
        throw explainConnectionError(error, url);
      }
      const previous = handle.pool;
      handle.pool = app;
      handle.db = drizzlePg({ client: app, relations }) as unknown as Database;
      await previous.end();
    },
    async asOwner(work) {
      const client = new pg.Client({ connectionString: url, application_name: 'panorama' });
      await client.connect();
      try {
        return await work(drizzlePg({ client, relations }) as unknown as Database);
      } finally {
        await client.end();
      }
    },
    close: () => handle.pool.end(),
  };
  return handle;
}

/**
 * PGlite's own start parameters, with 16 MB of shared buffers rather than its 128 MB: the embedded
 * database holds the demo data and what an evaluator imports, which the operating system's file
 * cache keeps close anyway, and every buffer touched stays in the process's memory for good
 * (the API held ~110 MB less under load; the overview was no slower).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const folder = resolveDataDir(dataDir);
  const created = inMemory || !existsSync(join(folder, 'PG_VERSION'));
  if (!inMemory) mkdirSync(folder, { recursive: true });
  const pglite = await PGlite.create({ dataDir: folder, startParams: PGLITE_START_PARAMS });
  // Drizzle calls only `query` and `transaction` on its client.
  const db = drizzlePglite({ client: takingTurns(pglite) as PGlite, relations }) as unknown as Database;
  let appRole = false;
  return {
    kind: 'pglite',
    db,
    pglite,
    created,
    async useAppRole() {
      await pglite.exec(`SET ROLE ${APP_ROLE}`);
      appRole = true;
    },
    // One connection for everything: whatever runs meanwhile runs as the owner too, so this is
    // for tests and maintenance, never while serving.
    async asOwner(work) {
      await pglite.exec('RESET ROLE');
      try {
        return await work(db);
      } finally {
        if (appRole) await pglite.exec(`SET ROLE ${APP_ROLE}`);
      }
    },
    async ping() {
      await pglite.query('SELECT 1');
    },
    close: () => pglite.close(),
  };
}
