import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@panorama/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContributionsFile,
  contributionsChunks,
  partnersOf,
  totalCentsOf,
  type UploadResult,
  uploadContributions,
} from './contributions-upload';
import { prepareDatabase } from './fixtures';
import { graphql, now, report, sleep, startLoad, summarize } from './load';
import { type PanoramaProcess, startPanorama } from './panorama-process';
import { createFreshDatabase, SHARED_SERVER_URL, whenStatementRuns, withClient } from './postgres';
import {
  type ImportState,
  importState,
  indexMismatches,
  type Sql,
  type StoredTotals,
  storedTotals,
  targetHistories,
  targetVersionValues,
} from './stored-writes';

/**
 * Fault 4: the server is killed (SIGKILL) in the middle of a write — an import while its file
 * streams in, an import during its merge, a stream of concurrent target edits — then started
 * again on the same database: PostgreSQL, and the embedded PGlite data folder. After each crash
 * the database holds the whole change or none of it, the audit trail and the import records
 * agree with the data, every change a client saw succeed is there, the data folder opens (in
 * this process, then in the restarted server) and the server answers the same figures as SQL;
 * importing the same file again then gives exact counts.
 */

const SUM_RANGE = { from: '2019-01-01', to: '2026-12-31' };
const TARGET_YEAR = 2027;
const TARGET_SCOPES = ['GLOBAL', 'RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP', 'HQ'] as const;
const TARGET_WRITERS = 16;

/**
 * A kill once the file is sent: when a statement of the merge is seen running (PostgreSQL), or
 * after a random part of the time an import takes once its body is sent (PGlite, whose
 * statements cannot be watched from outside).
 */
type LaterKill =
  | { kind: 'statement'; label: string; pattern: RegExp }
  | { kind: 'delay'; label: string; from: number; to: number };

interface Engine {
  engine: string;
  /** Rows of each imported file: fewer on PGlite, which imports a few times slower and restarts slower. */
  rows: number;
  /**
   * Whether the kill while a file streams in comes just after another import answered, whose
   * rows must all be there: PGlite writes its own files, while a PostgreSQL commit does not
   * depend on the server process.
   */
  answeredBeforeKill: boolean;
  /** When imports are killed once their file is sent (besides the kill while it streams in). */
  laterKills: LaterKill[];
  setUp(): Promise<{
    token: string;
    start: () => Promise<PanoramaProcess>;
    /** Runs `work` with SQL access (on PGlite, it opens the data folder in this process). */
    inspect: <T>(work: (sql: Sql) => Promise<T>) => Promise<T>;
    /** The PostgreSQL database's name, to watch its statements; none on PGlite. */
    databaseName?: string;
    cleanUp: () => Promise<void>;
  }>;
}

const ENGINES: Engine[] = [
  {
    engine: 'PostgreSQL',
    rows: 100_000,
    answeredBeforeKill: false,
    // The biggest statement of the merge: the contributions' INSERT … SELECT (and its rollups).
    laterKills: [{ kind: 'statement', label: 'during its merge', pattern: /INSERT INTO contributions/ }],
    async setUp() {
      const database = await createFreshDatabase();
      const { token } = await prepareDatabase({ url: database.url }, { contributions: 0 });
      return {
        token,
        start: () => startPanorama({ databaseUrl: database.url }),
        inspect: (work) =>
          withClient(database.url, (client) => work(async (text, params) => (await client.query(text, params)).rows)),
        databaseName: database.name,
        cleanUp: () => database.drop(),
      };
    },
  },
  {
    engine: 'PGlite',
    rows: 20_000,
    answeredBeforeKill: true,
    // Staging takes the first fifth of that time or so; the checks and the merge the rest.
    laterKills: [{ kind: 'delay', label: 'during its merge', from: 0.35, to: 0.95 }],
    async setUp() {
      const folder = mkdtempSync(join(tmpdir(), 'panorama-faults-'));
      const dataDir = join(folder, 'data');
      const { token } = await prepareDatabase({ dataDir }, { contributions: 0 });
      return {
        token,
        start: () => startPanorama({ dataDir }),
        inspect: async (work) => {
          const handle = await openDatabase({ dataDir });
          if (handle.kind !== 'pglite') throw new Error('unreachable: a data folder opens PGlite');
          try {
            return await work(async (text, params) => (await handle.pglite.query(text, params)).rows as never[]);
          } finally {
            await handle.close();
          }
        },
        cleanUp: async () => rmSync(folder, { recursive: true, force: true }),
      };
    },
  },
];

const TOTALS_QUERY = `query Totals($from: Date!, $to: Date!) {
  contributions(first: 1) { totalCount }
  partners(first: 1) { totalCount }
  metrics(metrics: [REVENUE_USD, CONTRIBUTION_COUNT], from: $from, to: $to) { total { values { metric value } } }
}`;

const SET_TARGET = `mutation SetTarget($input: SetTargetInput!) {
  setTarget(input: $input) {
    __typename
    ... on MutationSetTargetSuccess { data { version value } }
    ... on VersionConflictError { currentVersion }
    ... on Error { message }
  }
}`;

/** `setTarget`'s input: the year's revenue target of a bureau (or GLOBAL). */
const targetInput = (scope: string, value: string, expectedVersion: number | null) => ({
  metricCode: 'REVENUE_USD',
  scopeType: scope === 'GLOBAL' ? 'GLOBAL' : 'REGION',
  scopeCode: scope === 'GLOBAL' ? null : scope,
  year: TARGET_YEAR,
  value,
  expectedVersion,
});

/** SIGKILL, and wait until the process is gone. */
async function kill(server: PanoramaProcess): Promise<number> {
  const killedAt = now();
  server.child.kill('SIGKILL');
  const status = await server.exited;
  expect(status.signal).toBe('SIGKILL');
  return killedAt;
}

/**
 * When the statements of Panorama's server running in `database` now have ended (their
 * backends gone: polled, at most a minute), whatever runs there later.
 */
function runningStatementsEnded(database: string): Promise<number> {
  return withClient(SHARED_SERVER_URL, async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'panorama' AND state = 'active'`,
      [database],
    );
    const pids = rows.map((row) => row.pid);
    const deadline = now() + 60_000;
    while (now() < deadline) {
      const left = await client.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)', [pids]);
      if (left.rowCount === 0) break;
      await sleep(20);
    }
    return now();
  });
}

describe.each(ENGINES)('SIGKILL mid-write on $engine', ({ engine, rows, answeredBeforeKill, laterKills, setUp }) => {
  let server: PanoramaProcess | undefined;
  let token: string;
  let start: () => Promise<PanoramaProcess>;
  let inspect: <T>(work: (sql: Sql) => Promise<T>) => Promise<T>;
  let databaseName: string | undefined;
  let cleanUp: () => Promise<void> = async () => undefined;
  /** Contributions stored so far (every round ends with its file imported whole). */
  let expectedContributions = 0;
  /** How long an import of `rows` takes once its body is sent (measured by the first re-import). */
  let postBodyMs = 0;
  let round = 0;

  beforeAll(async () => {
    ({ token, start, inspect, databaseName, cleanUp } = await setUp());
    server = await start();
  });

  afterAll(async () => {
    await server?.stop();
    await cleanUp();
  });

  const running = (): PanoramaProcess => {
    if (!server) throw new Error('the server is not running');
    return server;
  };

  /** Starts the server again on the same database and checks that it answers what SQL says. */
  async function restart(totals: StoredTotals): Promise<number> {
    const startedAt = now();
    server = await start();
    const readyMs = Math.round(now() - startedAt);
    const answer = await graphql(server.url, TOTALS_QUERY, { token, variables: SUM_RANGE });
    expect(answer.code, answer.message).toBe('OK');
    const data = answer.body?.data as {
      contributions: { totalCount: number };
      partners: { totalCount: number };
      metrics: { total: { values: { metric: string; value: number }[] } };
    };
    expect(data.contributions.totalCount).toBe(totals.contributions);
    expect(data.partners.totalCount).toBe(totals.partners);
    const values = Object.fromEntries(data.metrics.total.values.map((value) => [value.metric, value.value]));
    expect(values.CONTRIBUTION_COUNT).toBe(totals.contributions);
    expect(Math.abs((values.REVENUE_USD ?? 0) - Number(totals.revenueUsd))).toBeLessThan(0.005);
    return readyMs;
  }

  /**
   * Checks what a killed import of `file` left: all of it or none, with its partners, its
   * `imports` row and IMPORT audit entry exactly when its rows are there.
   */
  function expectAllOrNothing(state: ImportState, file: ContributionsFile): 'none' | 'all' {
    const whole = state.fileRows === file.rows;
    expect([0, file.rows]).toContain(state.fileRows);
    expect(state.fileCents).toBe(whole ? totalCentsOf(file).toString() : '0');
    expect(state.filePartners).toBe(whole ? partnersOf(file) : 0);
    expect(state.filePartnerCreations).toBe(state.filePartners);
    expect(state.partnersWithoutContributions).toBe(0);
    expect(state.fileImports).toEqual(whole ? [{ id: expect.any(Number), inserted: file.rows, audits: 1 }] : []);
    expect(state.doneImportsWithoutAudit).toBe(0);
    expect(state.importAuditsWithoutImport).toBe(0);
    return whole ? 'all' : 'none';
  }

  /** Imports `file` again on the restarted server: exact counts, whatever the crash left. */
  async function importAgain(file: ContributionsFile, name: string, outcome: 'none' | 'all') {
    let sentAt = 0;
    const startedAt = now();
    const result = await uploadContributions(running().url, contributionsChunks(file), {
      token,
      name,
      onSent: () => {
        sentAt = now();
      },
    });
    const ms = Math.round(now() - startedAt);
    expect(result.status, JSON.stringify(result).slice(0, 500)).toBe(200);
    expect(result.body?.status).toBe('DONE');
    expect(result.body?.counts).toEqual(
      outcome === 'none'
        ? { inserted: file.rows, updated: 0, unchanged: 0, rejected: 0 }
        : { inserted: 0, updated: 0, unchanged: file.rows, rejected: 0 },
    );
    expect(result.body?.partnersCreated).toBe(outcome === 'none' ? partnersOf(file) : 0);
    if (outcome === 'none') postBodyMs ||= Math.round(now() - sentAt);
    return { counts: result.body?.counts, ms };
  }

  /**
   * One killed import: upload, kill at the moment `placeKill` chooses, check, restart, import
   * again. With `answeredFirst`, another file is imported whole just before (the server answered
   * it): it must all be there after the crash, and import again unchanged.
   */
  async function killedImport(
    phase: string,
    placeKill: (
      file: ContributionsFile,
      name: string,
    ) => Promise<{ answer: UploadResult; killedAt: number; at: unknown }>,
    { answeredFirst = false } = {},
  ) {
    round += 1;
    const file: ContributionsFile = { rows, prefix: `K${round}` };
    const name = `crash-${round}.csv`;
    const first = answeredFirst ? { file: { rows, prefix: `K${round}A` }, name: `crash-${round}-answered.csv` } : null;
    if (first) {
      const result = await uploadContributions(running().url, contributionsChunks(first.file), { token, ...first });
      expect(result.body?.counts?.inserted, JSON.stringify(result).slice(0, 300)).toBe(rows);
      expectedContributions += rows;
    }
    const { answer, killedAt, at } = await placeKill(file, name);
    const killMs = Math.round(now() - killedAt);
    // PostgreSQL runs the statement it was given to its end, then finds its client gone and rolls back.
    const orphanedStatementEnded =
      databaseName === undefined
        ? undefined
        : runningStatementsEnded(databaseName).then(
            (at) => Math.round(at - killedAt),
            () => -1,
          );
    const state = await inspect(async (sql) => ({
      ...(await importState(sql, file, name, SUM_RANGE)),
      answeredFirst: first ? await importState(sql, first.file, first.name, SUM_RANGE) : null,
      indexMismatches: await indexMismatches(sql),
    }));
    const outcome = expectAllOrNothing(state, file);
    expect(state.contributions).toBe(expectedContributions + state.fileRows);
    if (state.answeredFirst && first) expect(expectAllOrNothing(state.answeredFirst, first.file)).toBe('all');
    expect(state.indexMismatches).toEqual([]);
    // The client never heard of a success that is not in the database.
    if (answer.status === 200) expect(outcome).toBe('all');
    const restartMs = await restart(state);
    // Exact counts again, whatever the crash left (on PostgreSQL, after the killed statement has
    // rolled back: the import waits for its lock, and all rows inserted again shows nothing was committed).
    const again = await importAgain(file, name, outcome);
    expectedContributions += rows;
    const firstAgain = first ? await importAgain(first.file, first.name, 'all') : undefined;
    report(`killed import on ${engine}, ${phase}`, {
      rows: file.rows,
      killedAt: at,
      clientSaw: answer.status ?? answer.error,
      uploadedBytes: answer.sentBytes,
      found: outcome === 'all' ? `all ${file.rows} rows` : 'none of it',
      ...(first ? { answeredJustBefore: `all ${state.answeredFirst?.fileRows} rows` } : {}),
      contributionsAfterCrash: state.contributions,
      msFromKillToChecked: killMs,
      ...(orphanedStatementEnded ? { killedStatementEndedMsAfterKill: await orphanedStatementEnded } : {}),
      restartReadyMs: restartMs,
      importAgain: again,
      ...(firstAgain ? { answeredFileImportAgain: firstAgain } : {}),
    });
  }

  it(`an import killed while its file streams in leaves none of it${answeredBeforeKill ? ', one answered just before all of it' : ''}; the file then imports with exact counts`, async () => {
    await killedImport(
      'while its file streams in',
      async (file, name) => {
        const chunks = [...contributionsChunks(file)];
        const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
        const pauseAt = Math.round(size * (0.3 + 0.4 * Math.random()));
        // The upload stops after `pauseAt` bytes, and waits there until the server is killed.
        let release: () => void = () => undefined;
        let pausedAfter: (sent: number) => void = () => undefined;
        const paused = new Promise<number>((resolve) => {
          pausedAfter = resolve;
        });
        const upload = uploadContributions(running().url, chunks, {
          token,
          name,
          beforeChunk: (sent) => {
            if (sent < pauseAt) return;
            pausedAfter(sent);
            return new Promise<void>((resolve) => {
              release = resolve;
            });
          },
        });
        const sent = await paused;
        // On PostgreSQL, the rows received so far are being copied into the staging table.
        const statement =
          databaseName === undefined
            ? undefined
            : await whenStatementRuns(SHARED_SERVER_URL, databaseName, /COPY import_staging/, {
                onSeen: () => undefined,
                timeoutMs: 10_000,
              });
        if (databaseName !== undefined) expect(statement).toMatch(/COPY import_staging/);
        await sleep(200);
        const killedAt = await kill(running());
        release();
        const answer = await upload;
        expect(answer.status).toBeUndefined();
        return { answer, killedAt, at: { bytesSent: sent, ofBytes: size, statement: statement?.slice(0, 40) } };
      },
      { answeredFirst: answeredBeforeKill },
    );
  });

  it.each(laterKills)(
    'an import killed $label leaves all of it or none; the same file then imports with exact counts',
    async (placement) => {
      await killedImport(`${placement.label} (${placement.kind})`, async (file, name) => {
        let sentAt: number | undefined;
        let answered = false;
        const upload = uploadContributions(running().url, contributionsChunks(file), {
          token,
          name,
          onSent: () => {
            sentAt = now();
          },
        }).then((answer) => {
          answered = true;
          return answer;
        });
        const server = running();
        let killedAt = 0;
        let at: unknown;
        if (placement.kind === 'statement') {
          if (!databaseName) throw new Error('statements are watched on PostgreSQL only');
          const seen = await whenStatementRuns(SHARED_SERVER_URL, databaseName, placement.pattern, {
            onSeen: () => {
              killedAt = now();
              server.child.kill('SIGKILL');
            },
            stop: () => answered,
          });
          expect(seen, 'the merge was never seen running').toBeDefined();
          await server.exited;
          at = { statementRunning: placement.pattern.source, msAfterBodySent: Math.round(killedAt - (sentAt ?? 0)) };
        } else {
          while (sentAt === undefined && !answered) await sleep(5);
          const fraction = placement.from + (placement.to - placement.from) * Math.random();
          await sleep(Math.max(0, fraction * postBodyMs - (now() - (sentAt ?? now()))));
          killedAt = await kill(server);
          at = { msAfterBodySent: Math.round(killedAt - (sentAt ?? 0)), importTakesMsAfterBody: postBodyMs };
        }
        return { answer: await upload, killedAt, at };
      });
    },
  );

  it('target edits killed mid-stream: each target has every version with its audit entry, and its last value', async () => {
    const server = running();
    const versions = new Map<string, number | null>(TARGET_SCOPES.map((scope) => [scope, null]));
    /** Every change a client was told succeeded: scope, the value it sent, and the target as answered. */
    const acknowledged: { scope: string; value: string; answered: { version: number; value: number } }[] = [];
    let sequence = 0;
    const load = startLoad(TARGET_WRITERS, async (worker) => {
      const scope = TARGET_SCOPES[worker % TARGET_SCOPES.length] ?? 'GLOBAL';
      const value = String(1_000_000 + ++sequence);
      const outcome = await graphql(server.url, SET_TARGET, {
        token,
        timeoutMs: 10_000,
        variables: { input: targetInput(scope, value, versions.get(scope) ?? null) },
      });
      const result = (outcome.body?.data?.setTarget ?? null) as {
        __typename: string;
        data?: { version: number; value: number };
        currentVersion?: number;
      } | null;
      if (result?.__typename === 'MutationSetTargetSuccess' && result.data) {
        acknowledged.push({ scope, value, answered: result.data });
        versions.set(scope, Math.max(versions.get(scope) ?? 0, result.data.version));
      } else if (result?.__typename === 'VersionConflictError' && result.currentVersion !== undefined) {
        versions.set(scope, result.currentVersion);
        outcome.code = 'CONFLICT';
      }
      return outcome;
    });
    await sleep(2_000 + 1_000 * Math.random());
    const killedAt = await kill(server);
    const outcomes = await load.stop();

    const targets = await inspect(async (sql) => ({
      rows: await targetHistories(sql, 'REVENUE_USD', TARGET_YEAR),
      stored: await targetVersionValues(sql, 'REVENUE_USD', TARGET_YEAR),
      totals: await storedTotals(sql, SUM_RANGE),
      indexMismatches: await indexMismatches(sql),
    }));

    expect(targets.rows.length).toBe(TARGET_SCOPES.length);
    for (const target of targets.rows) {
      expect(target.versions, target.scope).toBe(target.version);
      expect(target.first, target.scope).toBe(1);
      expect(target.last, target.scope).toBe(target.version);
      expect(Number(target.lastValue), target.scope).toBe(Number(target.value));
      expect(target.versionsWithoutAudit, target.scope).toBe(0);
      expect(target.audits, target.scope).toBe(target.versions);
    }
    // Every change a client saw succeed is there: a version with the value it sent (each value is
    // sent once). Its version is not taken from the answer: the API reads the target again after
    // the commit, so under contention an answer can show another writer's newer version (counted).
    const stored = new Set(targets.stored.map((row) => `${row.scope}:${Number(row.value)}`));
    const lost = acknowledged.filter((change) => !stored.has(`${change.scope}:${Number(change.value)}`));
    const answeredAnotherWrite = acknowledged.filter((change) => change.answered.value !== Number(change.value));
    expect(
      lost,
      JSON.stringify({
        storedOfThoseScopes: targets.stored.filter((row) => lost.some((change) => change.scope === row.scope)),
        acknowledgedOfThoseScopes: acknowledged.filter((change) => lost.some((other) => other.scope === change.scope)),
      }),
    ).toEqual([]);
    expect(targets.indexMismatches).toEqual([]);

    const restartMs = await restart(targets.totals);
    // And the targets go on from their stored versions.
    for (const target of targets.rows) {
      const next = await graphql(running().url, SET_TARGET, {
        token,
        variables: { input: targetInput(target.scope, '1', target.version) },
      });
      expect((next.body?.data?.setTarget as { data?: { version: number } })?.data?.version).toBe(target.version + 1);
    }
    const sentBeforeKill = outcomes.filter((outcome) => outcome.at < killedAt);
    report(`killed target edits on ${engine}`, {
      writers: TARGET_WRITERS,
      requests: summarize(outcomes),
      sentBeforeKill: sentBeforeKill.length,
      acknowledgedChanges: acknowledged.length,
      found: Object.fromEntries(targets.rows.map((target) => [target.scope, target.version])),
      acknowledgedLost: lost.length,
      answersShowingAnotherWrite: answeredAnotherWrite.length,
      restartReadyMs: restartMs,
    });
    expect(acknowledged.length).toBeGreaterThan(TARGET_SCOPES.length);
  });
});
