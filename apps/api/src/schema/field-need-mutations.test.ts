import { fieldNeeds } from '@panorama/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing';
import { insertFieldNeed, insertPartner, insertPartnership } from './test-seed';
import {
  ERROR_SELECTION,
  latestAudit,
  type MutationResult,
  problemFields,
  problemWith,
  rowCounts,
  successOf,
} from './write-testing';

interface FieldNeedData {
  id: string;
  title: string;
  status: string;
  identifiedOn: string;
  sector: string | null;
  country: { iso3: string } | null;
  objective: { code: string } | null;
  partnership: { id: string } | null;
}

const FIELDS = 'id title status identifiedOn sector country { iso3 } objective { code } partnership { id }';
const RECORD = `mutation ($input: RecordFieldNeedInput!) {
  recordFieldNeed(input: $input) {
    __typename ... on MutationRecordFieldNeedSuccess { data { ${FIELDS} } } ${ERROR_SELECTION}
  }
}`;
const MATCH = `mutation ($id: ID!, $partnershipId: ID!) {
  matchFieldNeed(id: $id, partnershipId: $partnershipId) {
    __typename ... on MutationMatchFieldNeedSuccess { data { ${FIELDS} } } ${ERROR_SELECTION}
  }
}`;
const CLOSE = `mutation ($id: ID!) {
  closeFieldNeed(id: $id) { __typename ... on MutationCloseFieldNeedSuccess { data { ${FIELDS} } } ${ERROR_SELECTION} }
}`;

type Response = Record<string, MutationResult<FieldNeedData>>;

let api: TestServer;
let rbnPartnership: string;
let rbbPartnership: string;

beforeAll(async () => {
  api = await startTestServer({
    seed: async (db) => {
      const partner = await insertPartner(db);
      rbnPartnership = encodeGlobalID('Partnership', (await insertPartnership(db, partner.id)).id);
      const other = await insertPartner(db, { regionCode: 'RBB' });
      rbbPartnership = encodeGlobalID('Partnership', (await insertPartnership(db, other.id, { regionCode: 'RBB' })).id);
    },
  });
});
afterAll(async () => {
  await api?.close();
});

const needId = (id: number) => encodeGlobalID('FieldNeed', id);

async function storedNeed(id: number) {
  const [row] = await api.database.db.select().from(fieldNeeds).where(eq(fieldNeeds.id, id));
  return row;
}

describe('recordFieldNeed', () => {
  it('records an OPEN need of a country office, with its audit entry', async () => {
    const before = await rowCounts(api);
    const need = successOf(
      await api.graphql<Response>(
        RECORD,
        {
          input: {
            regionCode: 'RBN',
            countryIso3: 'ETH',
            objectiveCode: 'imp_nutrition',
            title: 'Cold chain',
            description: 'Refrigerated trucks for fortified food.',
            sector: 'Logistics',
            identifiedOn: '2025-02-01',
          },
        },
        { as: 'nairobi' },
      ),
    );
    expect(need).toMatchObject({
      status: 'OPEN',
      country: { iso3: 'ETH' },
      objective: { code: 'IMP_NUTRITION' },
      sector: 'Logistics',
      partnership: null,
    });
    expect(await rowCounts(api)).toMatchObject({ fieldNeeds: before.fieldNeeds + 1, auditLog: before.auditLog + 1 });
    expect((await latestAudit(api))[0]).toMatchObject({ action: 'CREATE', entity: 'FieldNeed', regionCode: 'RBN' });
  });

  it('is identified today when no day is given', async () => {
    const need = successOf(
      await api.graphql<Response>(RECORD, { input: { regionCode: 'RBN', title: 'Boats', description: 'For floods.' } }),
    );
    expect(need.identifiedOn).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refuses, all at once, an unknown objective, a country of another region and empty texts', async () => {
    const before = await rowCounts(api);
    const response = await api.graphql<Response>(RECORD, {
      input: { regionCode: 'RBN', countryIso3: 'COL', objectiveCode: 'NOPE', title: '', description: ' ' },
    });
    expect(problemFields(response)).toEqual(['title', 'description', 'objectiveCode', 'countryIso3']);
    expect(problemWith(response, 'objectiveCode')).toMatch(/not an objective: NOPE; use one of .*IMP_NUTRITION/);
    expect(await rowCounts(api)).toEqual(before);
  });
});

describe('matchFieldNeed', () => {
  it('matches an open need to a partnership of its region: MATCHED, with before and after in the trail', async () => {
    const row = await api.database.asOwner((db) => insertFieldNeed(db));
    const need = successOf(
      await api.graphql<Response>(MATCH, { id: needId(row.id), partnershipId: rbnPartnership }, { as: 'nairobi' }),
    );
    expect(need).toMatchObject({ status: 'MATCHED', partnership: { id: rbnPartnership } });
    const [entry] = await latestAudit(api);
    expect(entry).toMatchObject({ action: 'UPDATE', entity: 'FieldNeed', regionCode: 'RBN' });
    expect(entry?.before).toMatchObject({ status: 'OPEN', partnershipId: null });
    expect(entry?.after).toMatchObject({ status: 'MATCHED' });
  });

  it('refuses a partnership of another region, and writes nothing', async () => {
    const row = await api.database.asOwner((db) => insertFieldNeed(db));
    const before = await rowCounts(api);
    const response = await api.graphql<Response>(MATCH, { id: needId(row.id), partnershipId: rbbPartnership });
    expect(problemFields(response)).toEqual(['partnershipId']);
    expect(problemWith(response, 'partnershipId')).toMatch(/not a partnership of RBN/);
    expect(await rowCounts(api)).toEqual(before);
    expect(await storedNeed(row.id)).toEqual(row);
  });

  it('refuses to match a closed need', async () => {
    const row = await api.database.asOwner((db) => insertFieldNeed(db, { status: 'CLOSED' }));
    const response = await api.graphql<Response>(MATCH, { id: needId(row.id), partnershipId: rbnPartnership });
    expect(problemFields(response)).toEqual(['id']);
    expect(problemWith(response, 'id')).toMatch(/CLOSED/);
  });
});

describe('closeFieldNeed', () => {
  it('closes a need, keeping its partnership; closing it again changes nothing', async () => {
    const row = await api.database.asOwner((db) => insertFieldNeed(db));
    successOf(await api.graphql<Response>(MATCH, { id: needId(row.id), partnershipId: rbnPartnership }));
    const closed = successOf(await api.graphql<Response>(CLOSE, { id: needId(row.id) }, { as: 'nairobi' }));
    expect(closed).toMatchObject({ status: 'CLOSED', partnership: { id: rbnPartnership } });
    const before = await rowCounts(api);
    successOf(await api.graphql<Response>(CLOSE, { id: needId(row.id) }));
    expect(await rowCounts(api)).toEqual(before);
  });
});
