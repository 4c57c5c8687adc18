import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import {
  expectAllowed,
  expectRefused,
  gid,
  REGION_OF,
  ROLES,
  type Role,
  SIGNED_IN,
  twoRegionsServer,
} from './authorization-reads-testing';
import { schema } from './schema';
import type { GraphQLResponse } from './testing';

/**
 * Who reads what: every role × every root field, and the sensitive fields of the aggregates and
 * shared types every signed-in user reads (panorama, metrics, the partner of a row).
 */

const { ask } = twoRegionsServer();

interface RootCase {
  document: string;
  variables?: () => Record<string, unknown>;
  /** The roles that read it; the others are refused (anonymous: UNAUTHENTICATED, else FORBIDDEN). */
  readers: readonly Role[];
}

const page = (field: string) => ({ document: `{ ${field}(first: 5) { totalCount } }`, readers: SIGNED_IN });

/**
 * Every root field of Query, the document that reads it, and who may. A root field added later
 * without an entry here fails the first test below.
 */
const ROOT_MATRIX: Record<string, RootCase> = {
  me: { document: '{ me { email } }', readers: ROLES },
  myApiTokens: { document: '{ myApiTokens { name } }', readers: ['analyst', 'admin'] },
  users: { document: '{ users { email } }', readers: ['admin'] },
  auditLog: { document: '{ auditLog(first: 5) { totalCount } }', readers: ['leadership', 'admin'] },
  strategyPeriod: { document: '{ strategyPeriod { firstYear } }', readers: SIGNED_IN },
  regions: { document: '{ regions { code } }', readers: SIGNED_IN },
  region: { document: '{ region(code: "RBB") { code } }', readers: SIGNED_IN },
  countries: { document: '{ countries(regionCode: "RBB") { iso3 } }', readers: SIGNED_IN },
  objectives: { document: '{ objectives { code } }', readers: SIGNED_IN },
  objective: { document: '{ objective(code: "INC_GROWTH") { code } }', readers: SIGNED_IN },
  metricCatalog: { document: '{ metricCatalog { code } }', readers: SIGNED_IN },
  metrics: {
    document:
      '{ metrics(metrics: [REVENUE_USD], from: "2025-01-01", to: "2025-12-31", groupBy: [REGION]) { total { values { value } } } }',
    readers: SIGNED_IN,
  },
  overview: { document: '{ overview(year: 2025) { year kpis { metric } } }', readers: SIGNED_IN },
  panorama: { document: '{ panorama(regionCode: "RBB", year: 2025) { year rank } }', readers: SIGNED_IN },
  partners: page('partners'),
  partnerships: page('partnerships'),
  contributions: page('contributions'),
  impactRecords: page('impactRecords'),
  opportunities: page('opportunities'),
  targets: page('targets'),
  stories: page('stories'),
  fieldNeeds: page('fieldNeeds'),
  node: {
    document: 'query ($id: ID!) { node(id: $id) { id } }',
    variables: () => ({ id: encodeGlobalID('Region', 'RBB') }),
    readers: SIGNED_IN,
  },
  nodes: {
    document: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: () => ({ ids: [encodeGlobalID('Region', 'RBB'), encodeGlobalID('Objective', 'INC_GROWTH')] }),
    readers: SIGNED_IN,
  },
};

const rootFields = () => Object.keys(schema.getQueryType()?.getFields() ?? {}).sort();

describe('every root field × every role', () => {
  it('has an entry for every root field of Query, and none for a field that is gone', () => {
    expect(Object.keys(ROOT_MATRIX).sort()).toEqual(rootFields());
  });

  const cases = Object.entries(ROOT_MATRIX).flatMap(([field, entry]) =>
    ROLES.map((role) => [field, role, entry] as const),
  );
  it.each(cases)('%s as %s', async (field, role, entry) => {
    const result = await ask(role, entry.document, entry.variables?.());
    if (entry.readers.includes(role)) {
      expectAllowed(result);
      if (field !== 'me' || role !== 'anonymous') expect(result.data?.[field]).toBeTruthy();
      else expect(result.data?.me).toBeNull();
    } else {
      expectRefused(result, role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(result.data?.[field] ?? null).toBeNull();
    }
  });
});

describe('sensitive fields of aggregates and shared types', () => {
  const PANORAMA = `query ($code: String!) { panorama(regionCode: $code, year: 2025, asOf: "2025-12-31") {
    region { code } rank kpis { metric value } topPartners { partner { name } values { value } }
    stories { title partnership { name } } fieldNeeds { title partnership { name } } } }`;

  it.each(SIGNED_IN)('gives %s every panorama, top partners only where it reads partner-level detail', async (role) => {
    for (const code of ['RBN', 'RBB']) {
      const result = await ask(role, PANORAMA, { code });
      expectAllowed(result);
      const panorama = result.data?.panorama as {
        kpis: unknown[];
        topPartners: { partner: { name: string } }[] | null;
        stories: { partnership: { name: string } | null }[];
        fieldNeeds: { partnership: { name: string } | null }[];
      };
      expect(panorama.kpis.length).toBeGreaterThan(0);
      const reads = REGION_OF[role] === null || REGION_OF[role] === code;
      const own = code === 'RBN' ? ['Globex', 'Savanna Mills'] : ['Globex', 'Mekong Rice'];
      if (reads) expect(panorama.topPartners?.map((row) => row.partner.name).sort()).toEqual(own);
      else expect(panorama.topPartners).toBeNull();
      const partnership = code === 'RBN' ? 'Flour' : 'Rice';
      expect(panorama.stories.map((story) => story.partnership)).toEqual([reads ? { name: partnership } : null]);
      expect(panorama.fieldNeeds.map((need) => need.partnership)).toEqual([reads ? { name: partnership } : null]);
    }
  });

  it('names the partner of every own-region contribution, partnership and opportunity, even one managed by HQ', async () => {
    const result = await ask(
      'nairobi',
      `{ contributions(first: 10) { nodes { partner { name region { code } } partnership { name } } }
         partnerships(first: 10) { nodes { partner { name } } }
         opportunities(first: 10) { nodes { partner { name } } } }`,
    );
    expectAllowed(result);
    expect(JSON.stringify(result.data)).toContain('"name":"Globex","region":{"code":"HQ"}');
  });

  /** The rows of a `metrics` answer. */
  const metricsRows = <Row>(result: GraphQLResponse): Row[] =>
    ((result.data?.metrics ?? { rows: [] }) as { rows: Row[] }).rows;

  const METRICS = `query ($groupBy: [Dimension!], $filter: MetricsFilter) {
    metrics(metrics: [REVENUE_USD], from: "2025-01-01", to: "2025-12-31", groupBy: $groupBy, filter: $filter) {
      rows { partner { name } region { code } values { value } } total { values { value } } } }`;

  it('lets a regional user group and filter metrics by partner within its own region only', async () => {
    const own = await ask('nairobi', METRICS, { groupBy: ['PARTNER'], filter: { regionCodes: ['RBN'] } });
    expectAllowed(own);
    const rowsOf = (result: GraphQLResponse) =>
      metricsRows<{ partner: { name: string } }>(result)
        .map((row) => row.partner.name)
        .sort();
    expect(rowsOf(own)).toEqual(['Globex', 'Savanna Mills']);
    const filtered = await ask('nairobi', METRICS, {
      groupBy: ['PARTNER'],
      filter: { regionCodes: ['RBN'], partnerIds: [gid('globex')] },
    });
    expect(rowsOf(filtered)).toEqual(['Globex']);
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ groupBy: ['PARTNER'] }, /needs filter: \{ regionCodes: \["RBN"\] \}/],
      [{ groupBy: ['PARTNER'], filter: { regionCodes: ['RBB'] } }, /asks for RBB/],
      [{ groupBy: ['PARTNER'], filter: { regionCodes: ['RBN', 'RBB'] } }, /asks for RBB/],
      [{ groupBy: ['REGION'], filter: { partnerIds: [gid('savanna')] } }, /needs filter/],
      [{ groupBy: ['REGION'], filter: { regionCodes: ['RBN'], partnerIds: [gid('mekong')] } }, /filter\.partnerIds/],
    ];
    for (const [variables, message] of refusals) {
      const result = await ask('nairobi', METRICS, variables);
      expectRefused(result, 'FORBIDDEN', message);
      expect(result.errors?.[0]?.message).toMatch(/^A REGIONAL user of RBN reads the partners of RBN only/);
      for (const role of ['leadership', 'analyst', 'admin'] as const)
        expectAllowed(await ask(role, METRICS, variables));
    }
  });

  it('gives every signed-in user every region’s aggregates', async () => {
    for (const role of ['nairobi', 'bangkok'] as const) {
      const result = await ask(role, METRICS, { groupBy: ['REGION'], filter: { regionCodes: ['RBN', 'RBB'] } });
      expectAllowed(result);
      const regions = metricsRows<{ region: { code: string } }>(result).map((row) => row.region.code);
      expect(regions.sort()).toEqual(['RBB', 'RBN']);
    }
  });

  it('gives anonymous requests nothing but `me`', async () => {
    const result = await ask('anonymous', '{ me { email } }');
    expect(result).toEqual({ data: { me: null } });
    const panorama = await ask('anonymous', PANORAMA, { code: 'RBN' });
    expectRefused(panorama, 'UNAUTHENTICATED', /Sign in first/);
  });
});
