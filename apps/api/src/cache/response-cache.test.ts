import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contributions } from '@panorama/db';
import { type GraphQLNamedType, getNamedType, isInterfaceType, isObjectType, isUnionType, parse } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../auth/api-tokens';
import { createUser } from '../auth/users';
import { schema } from '../schema';
import { insertContributions, insertPartner, insertTarget } from '../schema/test-seed';
import { startTestServer, TEST_PASSWORD, type TestServer, type TestUser } from '../testing';
import { CACHE_HEADER, CACHEABLE_ROOT_FIELDS, cacheKey, canonicalJson, isCacheable, scopeOf } from './response-cache';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

function operationOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  return { document, operation: operation?.kind === 'OperationDefinition' ? operation : undefined };
}

function keyOf(source: string, variables?: Record<string, unknown>, scope = 'ANALYST:', version = '7:true') {
  const { document, operation } = operationOf(source);
  return cacheKey({ document, operationName: operation?.name?.value ?? null, variables, scope, version });
}

describe('the cache key', () => {
  it('is the same for the same query written differently', () => {
    const compact = 'query Q($year: Int!) { overview(year: $year) { asOf kpis { metric value } } }';
    const spread = `# the overview
      query Q( $year : Int! ) {
        overview( year: $year ) {
          asOf,
          kpis { metric
                 value }
        }
      }`;
    expect(keyOf(spread, { year: 2025 })).toBe(keyOf(compact, { year: 2025 }));
  });

  it('does not depend on the order of the variables', () => {
    const query = 'query Q($year: Int!, $asOf: Date) { overview(year: $year, asOf: $asOf) { asOf } }';
    expect(keyOf(query, { year: 2025, asOf: '2025-06-30' })).toBe(keyOf(query, { asOf: '2025-06-30', year: 2025 }));
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });

  it('changes with the variables, the operation, the scope and the data version', () => {
    const query = 'query Q($year: Int!) { overview(year: $year) { asOf } }';
    const base = keyOf(query, { year: 2025 });
    expect(keyOf(query, { year: 2024 })).not.toBe(base);
    expect(keyOf('query R($year: Int!) { overview(year: $year) { asOf } }', { year: 2025 })).not.toBe(base);
    expect(keyOf(query, { year: 2025 }, 'REGIONAL:RBN')).not.toBe(base);
    expect(keyOf(query, { year: 2025 }, 'ANALYST:', '8:true')).not.toBe(base);
    expect(keyOf('query Q($year: Int!) { overview(year: $year) { asOf kpis { metric } } }', { year: 2025 })).not.toBe(
      base,
    );
  });

  it('is by role and region, never by user', () => {
    const user = (userId: number, role: 'REGIONAL' | 'ANALYST', regionCode: string | null) => ({
      userId,
      email: `${userId}@example.org`,
      name: 'Someone',
      role,
      regionCode,
      via: 'token' as const,
    });
    expect(scopeOf(user(1, 'REGIONAL', 'RBN'))).toBe(scopeOf(user(2, 'REGIONAL', 'RBN')));
    expect(scopeOf(user(1, 'REGIONAL', 'RBN'))).not.toBe(scopeOf(user(1, 'REGIONAL', 'RBB')));
    expect(scopeOf(user(1, 'ANALYST', null))).not.toBe(scopeOf(user(1, 'REGIONAL', 'RBN')));
    expect(scopeOf(null)).toBe('anonymous');
  });
});

describe('what may be cached', () => {
  const cacheable = (source: string) => {
    const { document, operation } = operationOf(source);
    return isCacheable(document, operation);
  };

  it('is a query whose root fields are all analytics or reference data', () => {
    expect(cacheable('{ overview(year: 2025) { asOf } }')).toBe(true);
    expect(cacheable('{ __typename a: panorama(regionCode: "RBN", year: 2025) { rank } regions { code } }')).toBe(true);
    expect(
      cacheable('query { ...Root } fragment Root on Query { metricCatalog { code } strategyPeriod { firstYear } }'),
    ).toBe(true);
  });

  it('is never a mutation, a query about a user, a detail list or introspection', () => {
    expect(cacheable('mutation { signOut }')).toBe(false);
    expect(cacheable('{ me { email } }')).toBe(false);
    expect(cacheable('{ overview(year: 2025) { asOf } myApiTokens { name } }')).toBe(false);
    expect(cacheable('query { ...Root } fragment Root on Query { users { email } }')).toBe(false);
    expect(cacheable('{ ... on Query { auditLog { totalCount } } }')).toBe(false);
    expect(cacheable('{ contributions(first: 5) { totalCount } }')).toBe(false);
    expect(cacheable('{ node(id: "x") { id } }')).toBe(false);
    expect(cacheable('{ __schema { queryType { name } } }')).toBe(false);
  });

  it('reaches no type about users, their tokens or the audit trail', () => {
    const reached = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (reached.has(type.name)) return;
      reached.add(type.name);
      if (isUnionType(type)) for (const member of type.getTypes()) visit(member);
      if (isInterfaceType(type)) for (const member of schema.getPossibleTypes(type)) visit(member);
      if (isObjectType(type) || isInterfaceType(type))
        for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    };
    const query = schema.getQueryType();
    if (!query) throw new Error('no Query type');
    for (const [name, field] of Object.entries(query.getFields())) {
      if (CACHEABLE_ROOT_FIELDS.has(name)) visit(getNamedType(field.type));
    }
    expect(reached.has('Overview') && reached.has('Panorama') && reached.has('MetricsResult')).toBe(true);
    for (const private_ of ['User', 'ApiToken', 'NewApiToken', 'AuditEntry', 'Session']) {
      expect(reached.has(private_), private_).toBe(false);
    }
  });
});

const OVERVIEW = 'query Overview($year: Int!) { overview(year: $year) { asOf kpis { metric value target } } }';
const PANORAMA = `query Panorama($region: String!) {
  panorama(regionCode: $region, year: 2025) { rank topPartners { partner { name } values { value } } }
}`;

interface Answer {
  status: number;
  cache: string | null;
  cacheControl: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

function client(api: TestServer, tokens: Partial<Record<string, string>> = {}) {
  return async (
    query: string,
    variables: Record<string, unknown> = {},
    as: TestUser | string | null = 'admin',
  ): Promise<Answer> => {
    const token = as ? (tokens[as] ?? api.tokens[as as TestUser]) : undefined;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      cache: response.headers.get(CACHE_HEADER),
      cacheControl: response.headers.get('cache-control'),
      body: (await response.json()) as Answer['body'],
    };
  };
}

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

describe('the response cache in a server (Redis)', () => {
  const prefix = `panorama-test:${randomBytes(6).toString('hex')}:`;
  let api: TestServer;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect().catch((error: unknown) => {
      throw new Error(`These tests need Redis at ${REDIS_URL} (set TEST_REDIS_URL): ${String(error)}`);
    });
    api = await startTestServer({ responseCache: { redisUrl: REDIS_URL, redisKeyPrefix: prefix } });
  });
  afterAll(async () => {
    await api?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('keeps answers in Redis, under its prefix, with an expiry', async () => {
    const ask = client(api);
    expect((await ask(OVERVIEW, { year: 2025 })).cache).toBe('miss');
    expect((await ask(OVERVIEW, { year: 2025 })).cache).toBe('hit');
    const keys = await redis.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefix}response:\\d+:(true|false):`));
    const ttl = await redis.pttl(keys[0] ?? '');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600_000);
  });
});

describe('the response cache with Redis down', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ responseCache: { redisUrl: 'redis://127.0.0.1:1' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers every request, from what this process computed', async () => {
    const ask = client(api);
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = performance.now();
      const answer = await ask(OVERVIEW, { year: 2025 });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      // The answers this process computed stay in its memory; nothing comes from Redis.
      expect(answer.cache).toBe(attempt === 0 ? 'miss' : 'hit');
      expect(performance.now() - started).toBeLessThan(2_000);
    }
    const other = await ask(OVERVIEW, { year: 2024 });
    expect(other.body.errors).toBeUndefined();
    expect(other.cache).toBe('miss');
  });
});

describe('the response cache off', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ responseCache: { enabled: false } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('says so', async () => {
    const ask = client(api);
    expect((await ask(OVERVIEW, { year: 2025 })).cache).toBe('off');
    expect((await ask(OVERVIEW, { year: 2025 })).cache).toBe('off');
  });
});
