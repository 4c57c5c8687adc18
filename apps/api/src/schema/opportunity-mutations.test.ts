import { opportunities } from '@panorama/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing';
import { insertOpportunity } from './test-seed';
import {
  ERROR_SELECTION,
  latestAudit,
  type MutationResult,
  problemFields,
  problemWith,
  rowCounts,
  successOf,
} from './write-testing';

interface OpportunityData {
  id: string;
  name: string;
  stage: string;
  open: boolean;
  amountUsd: number;
  probability: number;
  expectedCloseDate: string;
}

const FIELDS = 'id name stage open amountUsd probability expectedCloseDate';
const MOVE = `mutation ($id: ID!, $stage: OpportunityStage!) {
  moveOpportunity(id: $id, stage: $stage) {
    __typename ... on MutationMoveOpportunitySuccess { data { ${FIELDS} } } ${ERROR_SELECTION}
  }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateOpportunityInput!) {
  updateOpportunity(id: $id, input: $input) {
    __typename ... on MutationUpdateOpportunitySuccess { data { ${FIELDS} } } ${ERROR_SELECTION}
  }
}`;

type Response = Record<string, MutationResult<OpportunityData>>;

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.close();
});

const opportunityId = (id: number) => encodeGlobalID('Opportunity', id);

async function storedOpportunity(id: number) {
  const [row] = await api.database.db.select().from(opportunities).where(eq(opportunities.id, id));
  return row;
}

describe('moveOpportunity', () => {
  it('moves an opportunity through its stages to WON, which closes it, with an audit entry each time', async () => {
    const row = await api.database.asOwner((db) => insertOpportunity(db, { stage: 'IDENTIFIED' }));
    for (const stage of ['QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON']) {
      const moved = successOf(
        await api.graphql<Response>(MOVE, { id: opportunityId(row.id), stage }, { as: 'nairobi' }),
      );
      expect(moved).toMatchObject({ stage, open: stage !== 'WON' });
    }
    const entries = await latestAudit(api, 4);
    expect(entries.map((entry) => (entry.after as { stage: string }).stage)).toEqual([
      'WON',
      'NEGOTIATION',
      'PROPOSAL',
      'QUALIFIED',
    ]);
    expect(entries[0]).toMatchObject({ action: 'UPDATE', entity: 'Opportunity', regionCode: 'RBN' });
    expect(entries[0]?.before).toMatchObject({ stage: 'NEGOTIATION' });
  });

  it('writes nothing when the opportunity is at that stage already', async () => {
    const row = await api.database.asOwner((db) => insertOpportunity(db, { stage: 'PROPOSAL' }));
    const before = await rowCounts(api);
    successOf(await api.graphql<Response>(MOVE, { id: opportunityId(row.id), stage: 'PROPOSAL' }));
    expect(await rowCounts(api)).toEqual(before);
  });

  it('refuses an ID that names no opportunity', async () => {
    const response = await api.graphql<Response>(MOVE, { id: encodeGlobalID('Story', 1), stage: 'WON' });
    expect(problemFields(response)).toEqual(['id']);
  });
});

describe('updateOpportunity', () => {
  it('changes amount, probability and expected close exactly, keeping the rest', async () => {
    const row = await api.database.asOwner((db) => insertOpportunity(db, { name: 'Trucks' }));
    const updated = successOf(
      await api.graphql<Response>(
        UPDATE,
        {
          id: opportunityId(row.id),
          input: { amountUsd: '1234567890.12', probability: '0.35', expectedCloseDate: '2025-12-31' },
        },
        { as: 'nairobi' },
      ),
    );
    expect(updated).toMatchObject({ name: 'Trucks', amountUsd: 1234567890.12, probability: 0.35 });
    expect(await storedOpportunity(row.id)).toMatchObject({
      amountUsd: '1234567890.12',
      probability: '0.3500',
      expectedCloseDate: '2025-12-31',
    });
    const [entry] = await latestAudit(api);
    expect(entry?.before).toMatchObject({ amountUsd: '10000.00', probability: '0.2500' });
    expect(entry?.after).toMatchObject({ amountUsd: '1234567890.12', probability: '0.3500' });
  });

  it('sees an equal number written differently as no change', async () => {
    const row = await api.database.asOwner((db) => insertOpportunity(db));
    const before = await rowCounts(api);
    successOf(
      await api.graphql<Response>(UPDATE, {
        id: opportunityId(row.id),
        input: { amountUsd: '10000', probability: '0.250' },
      }),
    );
    expect(await rowCounts(api)).toEqual(before);
  });

  it('refuses, all at once, a probability above 1, a negative amount, an empty name and a removed date', async () => {
    const row = await api.database.asOwner((db) => insertOpportunity(db));
    const before = await rowCounts(api);
    const response = await api.graphql<Response>(UPDATE, {
      id: opportunityId(row.id),
      input: { name: ' ', amountUsd: '-10', probability: '1.5', expectedCloseDate: null },
    });
    expect(problemFields(response)).toEqual(['expectedCloseDate', 'name', 'amountUsd', 'probability']);
    expect(problemWith(response, 'probability')).toMatch(/between 0 and 1.*got 1\.5/);
    expect(problemWith(response, 'amountUsd')).toMatch(/zero or more/);
    expect(await rowCounts(api)).toEqual(before);
    expect(await storedOpportunity(row.id)).toEqual(row);
  });

  it('refuses fractions of a cent', async () => {
    const row = await api.database.asOwner((db) => insertOpportunity(db));
    const response = await api.graphql<Response>(UPDATE, {
      id: opportunityId(row.id),
      input: { amountUsd: '10.001' },
    });
    expect(problemWith(response, 'amountUsd')).toMatch(/2 decimal places/);
  });
});
