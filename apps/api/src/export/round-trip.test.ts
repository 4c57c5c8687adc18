import { Readable } from 'node:stream';
import type { Actor, Database } from '@panorama/db';
import { type ImportKind, importCsv } from '@panorama/import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertImpactRecord, insertPartner, insertPartnership, insertTarget } from '../schema/test-seed';
import { startTestServer, TEST_USERS, type TestServer, type TestUser, testEmail } from '../testing';

let api: TestServer;

/** Impact records and targets of every shape: decimals, whole numbers, quarters, rates, formula-like refs. */
async function seed(db: Database) {
  const acme = await insertPartner(db, { externalRef: 'P-ACME', countryIso3: 'KEN' });
  const flour = await insertPartnership(db, acme.id, { externalRef: 'PS-FLOUR', countryIso3: 'KEN' });
  await insertImpactRecord(db, {
    externalRef: 'I-1',
    metricCode: 'FOOD_TONNES',
    value: '12.3456',
    countryIso3: 'KEN',
    objectiveCode: 'IMP_RESILIENCE',
    partnershipId: flour.id,
  });
  await insertImpactRecord(db, {
    externalRef: '@I-2',
    metricCode: 'MEALS_PROVIDED',
    value: '1000',
    date: '2024-02-29',
  });
  await insertImpactRecord(db, { externalRef: 'I-3', value: '250', regionCode: 'RBB', countryIso3: 'BGD' });
  await insertTarget(db, {}, ['1000000', '1100000.50']);
  await insertTarget(db, { regionCode: 'RBN' }, ['250000']);
  await insertTarget(db, { countryIso3: 'KEN', metricCode: 'FOOD_TONNES' }, ['0.0001']);
  await insertTarget(db, { regionCode: 'RBB', metricCode: 'MEALS_PROVIDED', year: 2024, quarter: 2 }, ['5000']);
  await insertTarget(db, { metricCode: 'PARTNER_RETENTION_RATE' }, ['0.85']);
}

beforeAll(async () => {
  api = await startTestServer({ seed });
});
afterAll(async () => {
  await api?.close();
});

async function exported(list: string, as: TestUser, query = ''): Promise<string> {
  const response = await fetch(`${api.url}/api/export/${list}${query}`, {
    headers: { authorization: `Bearer ${api.tokens[as]}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

function actorOf(user: TestUser): Actor {
  return { userId: api.userIds[user], email: testEmail(user), ...TEST_USERS[user] };
}

async function reimport(kind: ImportKind, text: string, as: TestUser) {
  return importCsv(api.database, {
    kind,
    source: Readable.from([Buffer.from(text)]),
    fileName: `${kind}.csv`,
    actor: actorOf(as),
  });
}

describe('an export in an import format, imported again', () => {
  it.each([
    ['impact', 'admin', '', 3],
    ['impact', 'nairobi', '', 2],
    ['targets', 'admin', '', 5],
    ['targets', 'nairobi', '?region=RBN', 2],
    ['partners', 'nairobi', '', 1],
  ] as const)('%s, exported by %s%s, changes nothing', async (kind, user, query, rows) => {
    const text = await exported(kind, user, query);
    expect(text.split('\r\n')).toHaveLength(rows + 2);
    expect(await reimport(kind, text, user)).toMatchObject({
      status: 'DONE',
      counts: { inserted: 0, updated: 0, unchanged: rows, rejected: 0 },
      problemCount: 0,
    });
  });
});
