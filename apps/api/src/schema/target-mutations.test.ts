import { targets, targetVersions } from '@panorama/db';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser, testEmail } from '../testing';
import { insertTarget } from './test-seed';
import {
  CONFLICT_SELECTION,
  ERROR_SELECTION,
  latestAudit,
  type MutationResult,
  problemFields,
  problemWith,
  resultOf,
  rowCounts,
  successOf,
} from './write-testing';

interface TargetData {
  id: string;
  metricCode: string;
  scopeCode: string;
  year: number;
  quarter: number | null;
  value: number;
  version: number;
  setBy: string;
  versions: { version: number; value: number; previousValue: number | null; setBy: string }[];
}

const SET_TARGET = `mutation ($input: SetTargetInput!) {
  setTarget(input: $input) {
    __typename
    ... on MutationSetTargetSuccess {
      data { id metricCode scopeCode year quarter value version setBy versions { version value previousValue setBy } }
    }
    ${ERROR_SELECTION}
    ${CONFLICT_SELECTION}
  }
}`;

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({
    seed: async (db) => {
      await insertTarget(db, { regionCode: 'RBN', metricCode: 'REVENUE_USD', year: 2024 }, ['250000']);
    },
  });
});
afterAll(async () => {
  await api?.close();
});

interface TargetInput {
  metricCode?: string;
  scopeType?: 'GLOBAL' | 'REGION' | 'COUNTRY';
  scopeCode?: string | null;
  year?: number;
  quarter?: number | null;
  value?: string;
  expectedVersion?: number | null;
}

function setTarget(input: TargetInput, as: TestUser = 'nairobi') {
  const full = { metricCode: 'REVENUE_USD', scopeType: 'REGION', scopeCode: 'RBN', year: 2025, value: '100', ...input };
  return api.graphql<Record<string, MutationResult<TargetData>>>(SET_TARGET, { input: full }, { as });
}

/** The stored target of a key, read straight from the database. */
async function stored(metricCode: string, scopeCode: string, year: number) {
  const [row] = await api.database.db
    .select()
    .from(targets)
    .where(and(eq(targets.metricCode, metricCode), eq(targets.scopeCode, scopeCode), eq(targets.year, year)));
  return row;
}

describe('setTarget', () => {
  it('creates a target at version 1, with its first version and an audit entry, as the user who set it', async () => {
    const before = await rowCounts(api);
    const target = successOf(await setTarget({ metricCode: 'MEALS_PROVIDED', value: '120000' }));
    expect(target).toMatchObject({
      metricCode: 'MEALS_PROVIDED',
      scopeCode: 'RBN',
      year: 2025,
      quarter: null,
      value: 120000,
      version: 1,
      setBy: testEmail('nairobi'),
      versions: [{ version: 1, value: 120000, previousValue: null, setBy: testEmail('nairobi') }],
    });
    const after = await rowCounts(api);
    expect(after).toEqual({
      ...before,
      targets: before.targets + 1,
      targetVersions: before.targetVersions + 1,
      auditLog: before.auditLog + 1,
    });
    const [entry] = await latestAudit(api);
    expect(entry).toMatchObject({
      action: 'CREATE',
      entity: 'Target',
      userEmail: testEmail('nairobi'),
      userId: api.userIds.nairobi,
      regionCode: 'RBN',
      before: null,
    });
    expect(entry?.after).toMatchObject({ metricCode: 'MEALS_PROVIDED', value: '120000.0000', version: 1 });
  });

  it('replaces the value of the version read, bumping the version and keeping the previous value', async () => {
    const updated = successOf(await setTarget({ year: 2024, value: '300000.50', expectedVersion: 1 }));
    expect(updated).toMatchObject({ value: 300000.5, version: 2, setBy: testEmail('nairobi') });
    expect(updated.versions).toEqual([
      { version: 2, value: 300000.5, previousValue: 250000, setBy: testEmail('nairobi') },
      { version: 1, value: 250000, previousValue: null, setBy: 'analyst@example.org' },
    ]);
    const [entry] = await latestAudit(api);
    expect(entry).toMatchObject({ action: 'UPDATE', entity: 'Target', regionCode: 'RBN' });
    expect(entry?.before).toMatchObject({ value: '250000.0000', version: 1 });
    expect(entry?.after).toMatchObject({ value: '300000.5000', version: 2, setBy: testEmail('nairobi') });
  });

  it('refuses to save over a newer version, showing both values, and writes nothing', async () => {
    const target = await stored('REVENUE_USD', 'RBN', 2024);
    const before = await rowCounts(api);
    const result = resultOf(await setTarget({ year: 2024, value: '280000', expectedVersion: 1 }, 'admin'));
    expect(result).toMatchObject({
      __typename: 'VersionConflictError',
      expectedVersion: 1,
      currentVersion: 2,
      yourValue: '280000',
      currentValue: '300000.5',
      currentSetBy: testEmail('nairobi'),
    });
    expect(result.message).toContain('300000.5');
    expect(result.message).toContain('280000');
    expect(await rowCounts(api)).toEqual(before);
    expect(await stored('REVENUE_USD', 'RBN', 2024)).toEqual(target);
  });

  it('refuses to create a target someone else has created: the conflict shows their value', async () => {
    const before = await rowCounts(api);
    const result = resultOf(await setTarget({ year: 2024, value: '1' }, 'admin'));
    expect(result).toMatchObject({ __typename: 'VersionConflictError', expectedVersion: 0, currentVersion: 2 });
    expect(await rowCounts(api)).toEqual(before);
  });

  it('refuses an expected version of a target that does not exist yet', async () => {
    const response = await setTarget({ metricCode: 'FOOD_TONNES', value: '12.5', expectedVersion: 3 });
    expect(problemFields(response)).toEqual(['expectedVersion']);
    expect(await stored('FOOD_TONNES', 'RBN', 2025)).toBeUndefined();
  });

  it('changes nothing when the value saved is the value stored', async () => {
    const before = await rowCounts(api);
    const target = successOf(await setTarget({ year: 2024, value: '300000.500', expectedVersion: 2 }));
    expect(target.version).toBe(2);
    expect(await rowCounts(api)).toEqual(before);
  });

  it('keeps decimals exactly, to the last digit the column holds', async () => {
    successOf(await setTarget({ value: '12345678901234.56' }, 'admin'));
    expect((await stored('REVENUE_USD', 'RBN', 2025))?.value).toBe('12345678901234.5600');
    successOf(await setTarget({ metricCode: 'PARTNER_RETENTION_RATE', value: '0.8125' }));
    expect((await stored('PARTNER_RETENTION_RATE', 'RBN', 2025))?.value).toBe('0.8125');
  });

  it('sets quarter targets apart from the year’s, and country targets in the country’s bureau', async () => {
    const quarter = successOf(await setTarget({ metricCode: 'CASH_REVENUE_USD', quarter: 2, value: '5000' }));
    expect(quarter).toMatchObject({ quarter: 2, version: 1 });
    const year = successOf(await setTarget({ metricCode: 'CASH_REVENUE_USD', value: '20000' }));
    expect(year).toMatchObject({ quarter: null, version: 1 });
    const country = successOf(await setTarget({ scopeType: 'COUNTRY', scopeCode: 'ken', value: '80000' }));
    expect(country).toMatchObject({ scopeCode: 'KEN', version: 1 });
    expect((await latestAudit(api))[0]).toMatchObject({ entity: 'Target', regionCode: 'RBN' });
    const global = successOf(await setTarget({ scopeType: 'GLOBAL', scopeCode: null, value: '1000000' }, 'admin'));
    expect(global).toMatchObject({ scopeCode: 'GLOBAL' });
    expect((await latestAudit(api))[0]).toMatchObject({ entity: 'Target', regionCode: null });
  });

  it('lets one of two concurrent saves of the same version through, and refuses the other', async () => {
    const first = successOf(await setTarget({ metricCode: 'PEOPLE_TRAINED', value: '100' }));
    const results = await Promise.all(
      ['200', '300'].map(async (value) =>
        resultOf(await setTarget({ metricCode: 'PEOPLE_TRAINED', value, expectedVersion: first.version })),
      ),
    );
    expect(results.map((result) => result.__typename).sort()).toEqual([
      'MutationSetTargetSuccess',
      'VersionConflictError',
    ]);
    const history = await api.database.db
      .select()
      .from(targetVersions)
      .where(eq(targetVersions.targetId, Number((await stored('PEOPLE_TRAINED', 'RBN', 2025))?.id)))
      .orderBy(asc(targetVersions.version));
    expect(history.map((version) => version.version)).toEqual([1, 2]);
  });
});

describe('setTarget validation', () => {
  it.each([
    ['a negative value', { value: '-5' }, 'value', /zero or more; got -5/],
    ['text that is not a number', { value: '12,5' }, 'value', /decimal number/],
    ['dollars beyond the cent', { value: '10.125' }, 'value', /2 decimal places/],
    ['a count with decimals', { metricCode: 'CONTRIBUTION_COUNT', value: '10.5' }, 'value', /whole number/],
    ['a rate above 1', { metricCode: 'PARTNER_RETENTION_RATE', value: '1.2' }, 'value', /between 0 and 1.*got 1\.2/],
    ['an unknown metric', { metricCode: 'DONATIONS' }, 'metricCode', /not a metric.*REVENUE_USD/],
    ['a year before the strategy', { year: 2018 }, 'year', /2018 is outside the strategy.*2019 to 2030/],
    ['a year after the strategy', { year: 2031 }, 'year', /outside the strategy/],
    ['a quarter out of range', { quarter: 5 }, 'quarter', /1, 2, 3 or 4/],
    ['an unknown region', { scopeCode: 'RBX' }, 'scopeCode', /not a region: RBX/],
    ['an unknown country', { scopeType: 'COUNTRY', scopeCode: 'XXX' }, 'scopeCode', /not a country office: XXX/],
    ['a region scope without a code', { scopeCode: null }, 'scopeCode', /is needed/],
    ['a GLOBAL scope with a code', { scopeType: 'GLOBAL', scopeCode: 'RBN' }, 'scopeCode', /empty or GLOBAL/],
    ['an expected version below 1', { expectedVersion: 0 }, 'expectedVersion', /1 or more/],
  ] as const)(
    'refuses %s with a problem that says what is allowed, writing nothing',
    async (_name, input, field, message) => {
      const before = await rowCounts(api);
      const response = await setTarget(input, 'admin');
      expect(problemFields(response)).toEqual([field]);
      expect(problemWith(response, field)).toMatch(message);
      expect(await rowCounts(api)).toEqual(before);
    },
  );

  it('reports every problem at once', async () => {
    const before = await rowCounts(api);
    const response = await setTarget(
      { metricCode: 'NOPE', year: 1999, quarter: 0, value: '-1', scopeType: 'COUNTRY', scopeCode: 'ZZZ' },
      'admin',
    );
    expect(problemFields(response)).toEqual(['metricCode', 'year', 'quarter', 'value', 'scopeCode']);
    expect(resultOf(response).message).toContain('metricCode:');
    expect(await rowCounts(api)).toEqual(before);
  });
});
