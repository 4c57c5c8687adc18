import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, recordAudit, writeAs } from './actor';
import { selectRows } from './client';
import { auditLog } from './schema/audit';
import { stories } from './schema/stories';
import { targets } from './schema/targets';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;

/** The database's own message: drizzle wraps it in "Failed query: …". */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return cause instanceof Error ? cause.message : String(cause);
  }
  return 'not refused';
}

const admin: Actor = { userId: 1, email: 'admin@example.org', role: 'ADMIN', regionCode: null };
const nairobi: Actor = { userId: 2, email: 'rbn@example.org', role: 'REGIONAL', regionCode: 'RBN' };
const leadership: Actor = { userId: 3, email: 'lead@example.org', role: 'LEADERSHIP', regionCode: null };

function target(scopeType: 'REGION' | 'COUNTRY' | 'GLOBAL', scopeCode: string, year = 2025) {
  return {
    metricCode: 'REVENUE',
    scopeType,
    scopeCode,
    regionCode: scopeType === 'REGION' ? scopeCode : null,
    countryIso3: scopeType === 'COUNTRY' ? scopeCode : null,
    year,
    value: '100',
    setBy: 'test',
  } as const;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await database.useAppRole();
});
afterAll(async () => {
  await database?.close();
});

describe('the server role', () => {
  it('owns no table and is not a superuser', async () => {
    const [row] = await selectRows<{ role: string; superuser: boolean; owned: number }>(
      database.db,
      sql`SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned`,
    );
    expect(row).toEqual({ role: 'panorama_app', superuser: false, owned: 0 });
  });

  it('cannot change the reference data', async () => {
    expect(await refusal(database.db.execute(sql`UPDATE regions SET name = name`))).toMatch(/permission denied/);
  });
});

describe('row-level security on region-scoped tables', () => {
  it('lets a regional user write its own region, a country of it and nothing else', async () => {
    await writeAs(database.db, nairobi, (tx) => tx.insert(targets).values(target('REGION', 'RBN')));
    await writeAs(database.db, nairobi, (tx) => tx.insert(targets).values(target('COUNTRY', 'KEN')));
    for (const refused of [target('REGION', 'RBB'), target('COUNTRY', 'THA'), target('GLOBAL', 'GLOBAL')]) {
      expect(await refusal(writeAs(database.db, nairobi, (tx) => tx.insert(targets).values(refused)))).toMatch(
        /row-level security/,
      );
    }
  });

  it("reads a country's region in the target's year: Sudan was RBC's until 2019, RBN's from 2020", async () => {
    await writeAs(database.db, nairobi, (tx) => tx.insert(targets).values(target('COUNTRY', 'SDN', 2020)));
    expect(
      await refusal(writeAs(database.db, nairobi, (tx) => tx.insert(targets).values(target('COUNTRY', 'SDN', 2019)))),
    ).toMatch(/row-level security/);
  });

  it("cannot update or delete another region's rows, whatever the WHERE clause says", async () => {
    await writeAs(database.db, admin, (tx) => tx.insert(targets).values(target('REGION', 'RBB')));
    const updated = await writeAs(database.db, nairobi, (tx) =>
      tx.update(targets).set({ value: '1' }).where(sql`scope_code = 'RBB'`).returning(),
    );
    expect(updated).toEqual([]);
    const deleted = await writeAs(database.db, nairobi, (tx) =>
      tx.delete(targets).where(sql`scope_code = 'RBB'`).returning(),
    );
    expect(deleted).toEqual([]);
    expect(
      await refusal(
        writeAs(database.db, nairobi, (tx) =>
          tx.update(targets).set({ scopeCode: 'RBB', regionCode: 'RBB' }).where(sql`scope_code = 'RBN'`),
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('refuses writes from a read-only role and from a transaction that says nothing of its user', async () => {
    const story = { title: 'T', summary: 'S', regionCode: 'RBN', storyDate: '2025-01-01' };
    expect(await refusal(writeAs(database.db, leadership, (tx) => tx.insert(stories).values(story)))).toMatch(
      /row-level security/,
    );
    expect(await refusal(database.db.insert(stories).values(story))).toMatch(/row-level security/);
    await writeAs(database.db, nairobi, (tx) => tx.insert(stories).values(story));
  });

  it('still lets everyone read every region', async () => {
    const rows = await database.db.select({ scope: targets.scopeCode }).from(targets);
    expect(rows.map((row) => row.scope).sort()).toEqual(['KEN', 'RBB', 'RBN', 'SDN']);
  });
});

describe('the audit trail', () => {
  it('takes new entries and refuses any change to old ones, even from the owner', async () => {
    await writeAs(database.db, admin, (tx) =>
      recordAudit(tx, admin, { action: 'UPDATE', entity: 'Target', entityId: 1, regionCode: 'RBN', after: { v: 1 } }),
    );
    expect(await refusal(database.db.execute(sql`UPDATE audit_log SET user_email = 'x'`))).toMatch(/permission denied/);
    expect(await refusal(database.db.execute(sql`DELETE FROM audit_log`))).toMatch(/permission denied/);
    await database.asOwner(async (db) => {
      expect(await refusal(db.execute(sql`UPDATE audit_log SET user_email = 'x'`))).toMatch(/append-only/);
      expect(await refusal(db.execute(sql`DELETE FROM audit_log`))).toMatch(/append-only/);
      expect(await refusal(db.execute(sql`TRUNCATE audit_log`))).toMatch(/append-only/);
    });
    expect(await database.db.select().from(auditLog)).toHaveLength(1);
  });
});
