import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, writeAs } from './actor';
import { selectRows } from './client';
import { dataVersion } from './data-version';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;
const ADMIN: Actor = { userId: 1, email: 'admin@example.org', role: 'ADMIN', regionCode: null };

beforeAll(async () => {
  database = await createTestDatabase();
  await database.useAppRole();
});
afterAll(async () => {
  await database?.close();
});

describe('the data version', () => {
  it('stays put while only reading, and moves with every write to the data, whoever writes', async () => {
    const start = await dataVersion(database.db);
    await selectRows(database.db, sql`SELECT count(*) FROM contributions`);
    expect(await dataVersion(database.db)).toBe(start);

    // A write outside the server's transactions (the seed, psql): the statement trigger.
    await database.db.execute(
      sql`INSERT INTO partners (external_ref, name, partner_type, scope, region_code) VALUES ('DV-1', 'Versioned', 'HNWI', 'LOCAL', 'RBN')`,
    );
    const afterInsert = await dataVersion(database.db);
    expect(afterInsert).not.toBe(start);
    // A statement that changes no row still counts: the trigger runs once per statement.
    await database.db.execute(sql`UPDATE partners SET name = name WHERE external_ref = 'none'`);
    const afterUpdate = await dataVersion(database.db);
    expect(afterUpdate).not.toBe(afterInsert);

    // A write of the server: moved during the transaction, and once more after the commit.
    let during = '';
    await writeAs(database.db, ADMIN, async (tx) => {
      await tx.execute(sql`UPDATE partners SET sector = 'Food' WHERE external_ref = 'DV-1'`);
      const result = (await tx.execute(
        sql`SELECT last_value::text || ':' || is_called::text AS version FROM panorama_data_version`,
      )) as unknown as { rows: { version: string }[] };
      during = result.rows[0]?.version ?? '';
    });
    expect(during).not.toBe(afterUpdate);
    expect(await dataVersion(database.db)).not.toBe(during);
  });

  it('does not move when a table outside the analytics is written', async () => {
    const start = await dataVersion(database.db);
    await database.db.execute(
      sql`INSERT INTO login_throttle (email, failures) VALUES ('dv@example.org', 1) ON CONFLICT DO NOTHING`,
    );
    expect(await dataVersion(database.db)).toBe(start);
  });
});
