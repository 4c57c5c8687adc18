import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ContributionsFile,
  contributionsChunks,
  partnersOf,
  totalCentsOf,
  type UploadResult,
  uploadContributions,
} from './contributions-upload';
import { ENGINES, kill, SUM_RANGE, serverThroughCrashes } from './crash-mid-write';
import { now, report, sleep } from './load';
import { SHARED_SERVER_URL, whenStatementRuns, withClient } from './postgres';
import { type ImportState, importState, indexMismatches } from './stored-writes';

/**
 * Fault 4 (see crash-mid-write.ts), imports: the server is killed while an import's file streams
 * in, and during its merge. The database then holds all of the file or none of it, with its
 * partners, import record and audit entry exactly when its rows are there; a file the server
 * answered just before is all there; the restarted server answers what SQL says, and importing
 * the same file again gives exact counts.
 */

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
  const { prepared, running, inspect, restart } = serverThroughCrashes(setUp, 0);
  let token: string;
  let databaseName: string | undefined;
  /** Contributions stored so far (every round ends with its file imported whole). */
  let expectedContributions = 0;
  /** How long an import of `rows` takes once its body is sent (measured by the first re-import). */
  let postBodyMs = 0;
  let round = 0;

  beforeAll(() => {
    ({ token, databaseName } = prepared());
  });

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
});
