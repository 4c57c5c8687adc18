import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contributions } from '@panorama/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../auth/api-tokens';
import { createUser } from '../auth/users';
import { insertContributions, insertPartner, insertTarget } from '../schema/test-seed';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing';
import { type Answer, client, OVERVIEW, PANORAMA } from './response-cache-testing';

function revenue(answer: Answer): { value: number; target: number | null } | undefined {
  const overview = answer.body.data?.overview as { kpis: { metric: string; value: number; target: number | null }[] };
  return overview?.kpis.find((kpi) => kpi.metric === 'REVENUE_USD');
}

describe('the response cache in a server (in-process)', () => {
  let api: TestServer;
  let ask: ReturnType<typeof client>;
  const webDist = mkdtempSync(join(tmpdir(), 'panorama-web-'));

  beforeAll(async () => {
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), `<!doctype html><title>Panorama</title>${' '.repeat(2_000)}`);
    writeFileSync(join(webDist, 'assets', 'index-C0ffee12.js'), `console.log(${JSON.stringify('x'.repeat(5_000))});`);
    api = await startTestServer({
      webDist,
      responseCache: {},
      seed: async (db) => {
        const kenya = await insertPartner(db, { regionCode: 'RBN', countryIso3: 'KEN', name: 'Harbour Foods' });
        await insertContributions(db, kenya.id, [{ amountUsd: '1000.00', date: '2025-02-01' }]);
        const bangkok = await insertPartner(db, { regionCode: 'RBB', countryIso3: 'BGD', name: 'Lotus Bank' });
        await insertContributions(db, bangkok.id, [
          { amountUsd: '500.00', date: '2025-02-02', regionCode: 'RBB', countryIso3: 'BGD' },
        ]);
        await insertTarget(db, { metricCode: 'REVENUE_USD', year: 2025 }, ['10000']);
      },
    });
    // A second REGIONAL user of RBN: same role and region as `nairobi`, so the same answers.
    const userId = await api.database.asOwner((db) =>
      createUser(db, {
        email: 'nairobi-two@test.panorama',
        name: 'Nairobi two',
        role: 'REGIONAL',
        regionCode: 'RBN',
        password: TEST_PASSWORD,
      }),
    );
    const { token } = await api.database.asOwner((db) => issueApiToken(db, { userId, name: 'tests' }));
    ask = client(api, { nairobiTwo: token });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('misses, then hits, whatever the formatting; API answers are never stored by browsers', async () => {
    const first = await ask(OVERVIEW, { year: 2025 });
    expect(first.body.errors).toBeUndefined();
    expect(first.cache).toBe('miss');
    expect(first.cacheControl).toBe('private, no-store');
    const second = await ask(OVERVIEW.replaceAll(' ', '\n  '), { year: 2025 });
    expect(second.cache).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(second.cacheControl).toBe('private, no-store');
    expect((await ask(OVERVIEW, { year: 2024 })).cache).toBe('miss');
  });

  it('never gives one scope the answer of another', async () => {
    // Nairobi reads its own panorama's top partners; Bangkok may not.
    const nairobi = await ask(PANORAMA, { region: 'RBN' }, 'nairobi');
    expect(nairobi.cache).toBe('miss');
    expect(nairobi.body.data?.panorama).toMatchObject({ topPartners: [{ partner: { name: 'Harbour Foods' } }] });
    const bangkok = await ask(PANORAMA, { region: 'RBN' }, 'bangkok');
    expect(bangkok.cache).toBe('miss');
    expect(bangkok.body.data?.panorama).toMatchObject({ topPartners: null });
    expect((await ask(PANORAMA, { region: 'RBN' }, 'bangkok')).body.data?.panorama).toMatchObject({
      topPartners: null,
    });
    // Another user of the same role and region shares the answer.
    const nairobiTwo = await ask(PANORAMA, { region: 'RBN' }, 'nairobiTwo');
    expect(nairobiTwo.cache).toBe('hit');
    expect(nairobiTwo.body).toEqual(nairobi.body);
    // Other roles have their own entries.
    expect((await ask(PANORAMA, { region: 'RBN' }, 'analyst')).cache).toBe('miss');
    expect((await ask(PANORAMA, { region: 'RBN' }, 'leadership')).cache).toBe('miss');
  });

  it('keeps no error', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const unknown = await ask(PANORAMA, { region: 'XXX' });
      expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(unknown.cache).toBe('miss');
      const forbidden = await ask(
        '{ metrics(metrics: [REVENUE_USD], from: "2025-01-01", to: "2025-12-31", groupBy: [PARTNER]) { total { values { value } } } }',
        {},
        'nairobi',
      );
      expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(forbidden.cache).toBe('miss');
      const anonymous = await ask(OVERVIEW, { year: 2025 }, null);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.cache).toBe('miss');
    }
  });

  it('passes mutations and fields about users by', async () => {
    expect((await ask('{ me { email } }')).cache).toBe('bypass');
    const mixed = await ask(`{ overview(year: 2025) { asOf } me { email } }`);
    expect(mixed.cache).toBe('bypass');
    expect((await ask('{ contributions(first: 1) { totalCount } }')).cache).toBe('bypass');
    const mutation = await ask('mutation { signOut }');
    expect(mutation.cache).toBe('bypass');
    expect(mutation.cacheControl).toBe('private, no-store');
  });

  it('serves the new answer as soon as a write has answered', async () => {
    const before = await ask(OVERVIEW, { year: 2025 }, 'leadership');
    expect((await ask(OVERVIEW, { year: 2025 }, 'leadership')).cache).toBe('hit');
    // A write through the API: the target.
    const { target: oldTarget } = revenue(before) ?? {};
    expect(oldTarget).toBe(10_000);
    const set = await ask(
      `mutation { setTarget(input: { metricCode: "REVENUE_USD", scopeType: GLOBAL, year: 2025, value: "20000", expectedVersion: 1 }) {
        __typename } }`,
    );
    expect(set.body.data).toEqual({ setTarget: { __typename: 'MutationSetTargetSuccess' } });
    const afterWrite = await ask(OVERVIEW, { year: 2025 }, 'leadership');
    expect(afterWrite.cache).toBe('miss');
    expect(revenue(afterWrite)?.target).toBe(20_000);
    // A write straight into the database, as an import or psql would.
    const value = revenue(afterWrite)?.value ?? 0;
    await api.database.asOwner(async (db) => {
      const [partner] = await db.select({ id: contributions.partnerId }).from(contributions).limit(1);
      await insertContributions(db, partner?.id ?? 0, [{ amountUsd: '250.00', date: '2025-02-03' }]);
    });
    const afterInsert = await ask(OVERVIEW, { year: 2025 }, 'leadership');
    expect(afterInsert.cache).toBe('miss');
    expect(revenue(afterInsert)?.value).toBe(value + 250);
    expect((await ask(OVERVIEW, { year: 2025 }, 'leadership')).cache).toBe('hit');
  });

  it('answers requests for the same key together, from one computation', async () => {
    const query =
      '{ metrics(metrics: [REVENUE_USD, ACTIVE_PARTNERS], from: "2025-01-01", to: "2025-12-31", groupBy: [REGION]) { rows { region { code } values { value } } } }';
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask(query, {}, 'analyst')));
    expect(answers.filter((answer) => answer.cache === 'miss')).toHaveLength(1);
    expect(answers.filter((answer) => answer.cache === 'hit')).toHaveLength(5);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]?.body);
  });

  it('compresses what is worth it, and caches the dashboard’s hashed files for good', async () => {
    const graphql = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-encoding': 'gzip',
        authorization: `Bearer ${api.tokens.admin}`,
      },
      body: JSON.stringify({ query: '{ metricCatalog { code label description } }' }),
    });
    expect(graphql.headers.get('content-encoding')).toBe('gzip');
    expect(((await graphql.json()) as Answer['body']).data?.metricCatalog).toBeInstanceOf(Array);
    const small = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(small.headers.get('content-encoding')).toBeNull();

    const asset = await fetch(`${api.url}/assets/index-C0ffee12.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    await asset.text();
    for (const path of ['/', '/regions/RBN']) {
      const page = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      await page.text();
    }
  });
});
