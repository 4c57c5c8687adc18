import { contributions, type Database, partners } from '@panorama/db';
import { loadHandData } from '@panorama/metrics/testing';
import { expect } from 'vitest';
import type { TestServer, TestUser } from '../testing';
import { cellsOf, downloadExport } from './export-testing';

/** The metric engine's hand-checked data, and a partner whose name a spreadsheet would run. */
export async function seedHandData(db: Database) {
  await loadHandData(db);
  const [evil] = await db
    .insert(partners)
    .values({ externalRef: 'P-EVIL', name: '@SUM(A1)', partnerType: 'CORPORATION', scope: 'LOCAL', regionCode: 'RBN' })
    .returning({ id: partners.id });
  await db.insert(contributions).values({
    externalRef: 'c-evil',
    date: '2024-03-03',
    amountUsd: '12.34',
    incomeStream: 'CORPORATE',
    kind: 'CASH',
    partnerId: evil?.id ?? 0,
    objectiveCode: 'INC_GROWTH',
    regionCode: 'RBN',
    countryIso3: 'KEN',
  });
}

export interface MetricsVariables {
  metrics: string[];
  from: string;
  to: string;
  groupBy?: string[];
  grain?: string;
  filter?: Record<string, unknown>;
  compare?: string[];
  asOf?: string;
  orderBy?: Record<string, unknown>[];
  limit?: number;
}

interface GraphQLRow {
  period: { from: string; to: string; label: string } | null;
  region: { code: string; name: string } | null;
  country: { iso3: string; name: string } | null;
  incomeStream: string | null;
  partnerType: string | null;
  objective: { code: string; name: string } | null;
  partner: { externalRef: string; name: string } | null;
  values: {
    valueText: string | null;
    previous: number | null;
    change: number | null;
    target: number | null;
    attainment: number | null;
    status: string | null;
  }[];
}

const METRICS_QUERY = `
  query Metrics($metrics: [MetricCode!]!, $from: Date!, $to: Date!, $groupBy: [Dimension!], $grain: TimeGrain,
                $filter: MetricsFilter, $compare: [Comparison!], $asOf: Date, $orderBy: [MetricsOrder!], $limit: Int) {
    metrics(metrics: $metrics, from: $from, to: $to, groupBy: $groupBy, grain: $grain, filter: $filter,
            compare: $compare, asOf: $asOf, orderBy: $orderBy, limit: $limit) {
      rows {
        period { from to label }
        region { code name }
        country { iso3 name }
        incomeStream
        partnerType
        objective { code name }
        partner { externalRef name }
        values { valueText previous change target attainment status }
      }
    }
  }`;

/** A cell as GraphQL gives it: text exactly (escaped as a CSV export escapes it), a number by value, null empty. */
type Expected = string | number | null;

const escaped = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The GraphQL answer to the same query, laid out as the CSV's cells. */
async function graphqlCells(api: TestServer, variables: MetricsVariables, as: TestUser): Promise<Expected[][]> {
  const result = await api.graphql<{ metrics: { rows: GraphQLRow[] } }>(METRICS_QUERY, { ...variables }, { as });
  expect(result.errors).toBeUndefined();
  const dimensions = variables.groupBy ?? [];
  const previous = (variables.compare ?? []).some((comparison) => comparison.startsWith('PREVIOUS'));
  const target = (variables.compare ?? []).includes('TARGET');
  return (result.data?.metrics.rows ?? []).map((row) => [
    ...(variables.grain ? [row.period?.from ?? null, row.period?.to ?? null, row.period?.label ?? null] : []),
    ...dimensions.flatMap((dimension): Expected[] => {
      switch (dimension) {
        case 'REGION':
          return [row.region?.code ?? null, row.region?.name ?? null];
        case 'COUNTRY':
          return [row.country?.iso3 ?? null, row.country?.name ?? null];
        case 'INCOME_STREAM':
          return [row.incomeStream];
        case 'PARTNER_TYPE':
          return [row.partnerType];
        case 'OBJECTIVE':
          return [row.objective?.code ?? null, row.objective?.name ?? null];
        default:
          return [row.partner?.externalRef ?? null, row.partner?.name ?? null];
      }
    }),
    ...row.values.flatMap((value) => [
      value.valueText,
      ...(previous ? [value.previous, value.change] : []),
      ...(target ? [value.target, value.attainment, value.status] : []),
    ]),
  ]);
}

/** Checks, cell by cell, that the CSV export of a query holds GraphQL's answer to it. */
export async function expectSameAsGraphQL(
  api: TestServer,
  parameters: Record<string, string>,
  variables: MetricsVariables,
  as: TestUser = 'admin',
) {
  const exported = await downloadExport(api, `metrics?${new URLSearchParams(parameters)}`, as);
  expect(exported.status).toBe(200);
  const [, ...rows] = cellsOf(exported.text);
  const expected = await graphqlCells(api, variables, as);
  expect(rows).toHaveLength(expected.length);
  rows.forEach((cells, r) => {
    const wanted = expected[r] ?? [];
    expect(cells).toHaveLength(wanted.length);
    cells.forEach((cell, c) => {
      const want = wanted[c];
      const where = `row ${r + 1}, column ${c + 1}`;
      if (want === null || want === undefined) expect(cell, where).toBe('');
      else if (typeof want === 'number') expect(Number(cell), where).toBe(want);
      else expect(cell, where).toBe(escaped(want));
    });
  });
  return rows;
}
