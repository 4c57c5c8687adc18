import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, kill, SUM_RANGE, serverThroughCrashes } from './crash-mid-write';
import { graphql, report, sleep, startLoad, summarize } from './load';
import { indexMismatches, storedTotals, targetHistories, targetVersionValues } from './stored-writes';

/**
 * Fault 4 (see crash-mid-write.ts), target edits: the server is killed in the middle of a stream
 * of concurrent edits. Each target then has every version with its audit entry, and its last
 * value; every change a client saw succeed is there, and the restarted server goes on from the
 * stored versions.
 */

const TARGET_YEAR = 2027;
const TARGET_SCOPES = ['GLOBAL', 'RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP', 'HQ'] as const;
const TARGET_WRITERS = 16;

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

describe.each(ENGINES)('SIGKILL mid-write on $engine', ({ engine, setUp }) => {
  // Contributions besides the targets: the restart must find them as they were, too.
  const { prepared, running, inspect, restart } = serverThroughCrashes(setUp, 5_000);
  let token: string;

  beforeAll(() => {
    ({ token } = prepared());
  });

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
    // On a busy machine edits succeed more slowly: the kill waits until more have than there are targets.
    for (const until = Date.now() + 30_000; acknowledged.length <= TARGET_SCOPES.length && Date.now() < until; ) {
      await sleep(100);
    }
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
