import { CONTRIBUTION_KINDS, type Database, INCOME_STREAMS, PARTNER_TYPES } from '@panorama/db';
import {
  COMPARISONS,
  type Comparison,
  DIMENSIONS,
  type Dimension,
  METRIC_CODES,
  type MetricCode,
  type MetricsOrder,
  type MetricsQuery,
  type MetricsRow,
  type TimeGrain,
} from '@panorama/metrics';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { createContext, type LargeAnswerTurn } from '../context';
import { answerMetrics, partnerIdsOf } from '../schema/metrics';
import { checkPartnerLevelMetrics } from '../schema/metrics-access';
import { DEFAULT_AUTH_SETTINGS } from '../server';
import { exportLine } from './export-list';
import {
  checkParameterNames,
  dayParameter,
  ExportRequestError,
  listed,
  listParameter,
  singleParameter,
} from './parameters';

/**
 * `GET /api/export/metrics`: the rows of a GraphQL `metrics` query as CSV. The query parameters
 * are the field's arguments, with `filter`'s fields given flat; lists are comma-separated (or
 * repeated), `orderBy` entries are `METRIC`, `DIMENSION` or `period`, each with an optional
 * `:asc` or `:desc` (default: desc, as in GraphQL). The request runs the resolver's own checks
 * and computation, so the CSV holds the API's numbers — as exact decimals.
 */
export const METRICS_PARAMETERS = [
  'metrics',
  'from',
  'to',
  'groupBy',
  'grain',
  'compare',
  'asOf',
  'orderBy',
  'limit',
  'regionCodes',
  'countryIsos',
  'incomeStreams',
  'partnerTypes',
  'objectiveCodes',
  'partnerIds',
  'kind',
] as const;

const TIME_GRAINS: readonly TimeGrain[] = ['YEAR', 'QUARTER', 'MONTH'];

const badRequest = (message: string) => new ExportRequestError(400, message);

/** Values of an enum, upper-cased; one that is not of the enum is refused with what is allowed. */
function enumValues<T extends string>(values: readonly string[], name: string, type: string, allowed: readonly T[]) {
  return values.map((value) => {
    const upper = value.toUpperCase();
    if (!(allowed as readonly string[]).includes(upper))
      throw badRequest(`${name}: ${JSON.stringify(value)} is not a ${type}; use ${listed(allowed)}.`);
    return upper as T;
  });
}

function enumParameter<T extends string>(request: Request, name: string, type: string, allowed: readonly T[]) {
  const value = singleParameter(request, name);
  return value === null ? null : (enumValues([value], name, type, allowed)[0] as T);
}

function requiredDay(request: Request, name: 'from' | 'to', meaning: string): string {
  const day = dayParameter(request, name);
  if (day === null) throw badRequest(`${name} is required: ${meaning}, written YYYY-MM-DD.`);
  return day;
}

function limitParameter(request: Request): number | null {
  const value = singleParameter(request, 'limit');
  if (value === null) return null;
  if (!/^\d{1,9}$/.test(value)) throw badRequest('limit must be a whole number, from 1 to 10000.');
  return Number(value);
}

/** `orderBy=REVENUE_USD:desc,REGION:asc,period`: each key a metric, a dimension or `period`. */
function orderParameter(request: Request): MetricsOrder[] {
  return listParameter(request, 'orderBy').map((entry) => {
    const [key = '', direction = 'desc', ...rest] = entry.split(':');
    const upper = key.trim().toUpperCase();
    const lowerDirection = direction.trim().toLowerCase();
    if (rest.length || (lowerDirection !== 'asc' && lowerDirection !== 'desc'))
      throw badRequest(`orderBy: ${JSON.stringify(entry)} ends in neither :asc nor :desc.`);
    const by = (METRIC_CODES as readonly string[]).includes(upper)
      ? { metric: upper as MetricCode }
      : (DIMENSIONS as readonly string[]).includes(upper)
        ? { dimension: upper as Dimension }
        : upper === 'PERIOD'
          ? { period: true as const }
          : null;
    if (!by)
      throw badRequest(
        `orderBy: ${JSON.stringify(key)} is neither a MetricCode, a Dimension nor period; write one, then :asc or :desc if you like, such as orderBy=REVENUE_USD:desc.`,
      );
    return { by, direction: lowerDirection };
  });
}

/** The engine's query from the request's parameters; every parameter is checked, and named when wrong. */
export function metricsQueryOf(request: Request): MetricsQuery & { partnerGlobalIds: string[] } {
  checkParameterNames(request, 'metrics', METRICS_PARAMETERS);
  const metrics = enumValues(listParameter(request, 'metrics'), 'metrics', 'MetricCode', METRIC_CODES);
  if (!metrics.length)
    throw badRequest(
      'metrics is required: the metrics to compute, comma-separated, such as metrics=REVENUE_USD,ACTIVE_PARTNERS.',
    );
  const kind = enumParameter(request, 'kind', 'ContributionKind', CONTRIBUTION_KINDS);
  const list = (name: string) => {
    const values = listParameter(request, name);
    return values.length ? values : null;
  };
  const incomeStreams = list('incomeStreams');
  const partnerTypes = list('partnerTypes');
  return {
    metrics,
    from: requiredDay(request, 'from', 'the first day of the range'),
    to: requiredDay(request, 'to', 'the last day of the range'),
    groupBy: enumValues(listParameter(request, 'groupBy'), 'groupBy', 'Dimension', DIMENSIONS),
    grain: enumParameter(request, 'grain', 'TimeGrain', TIME_GRAINS),
    compare: enumValues<Comparison>(listParameter(request, 'compare'), 'compare', 'Comparison', COMPARISONS),
    asOf: dayParameter(request, 'asOf'),
    orderBy: orderParameter(request),
    limit: limitParameter(request),
    filter: {
      regionCodes: list('regionCodes'),
      countryIsos: list('countryIsos'),
      incomeStreams: incomeStreams && enumValues(incomeStreams, 'incomeStreams', 'IncomeStream', INCOME_STREAMS),
      partnerTypes: partnerTypes && enumValues(partnerTypes, 'partnerTypes', 'PartnerType', PARTNER_TYPES),
      objectiveCodes: list('objectiveCodes'),
      kind,
    },
    partnerGlobalIds: listParameter(request, 'partnerIds'),
  };
}

/** The HTTP status of an error the resolver path raises for the caller. */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  // Busy with other large answers: try again later.
  SERVICE_UNAVAILABLE: 503,
};

/**
 * The CSV lines (header first) of a `metrics` query, for the viewer: the same partner-level check,
 * the same engine and the same loaders as the GraphQL field. Columns: the period (with a grain),
 * each dimension's code (and name), then each metric's value and, when compared, its previous,
 * change, target, attainment and status. A large answer waits for its `turn`, as over GraphQL.
 */
export async function metricsLines(
  db: Database,
  viewer: Viewer,
  request: Request,
  turn?: LargeAnswerTurn,
): Promise<string[]> {
  const { partnerGlobalIds, ...query } = metricsQueryOf(request);
  // Sign-in settings are part of every context; an export never signs anyone in.
  const context = createContext(db, viewer, DEFAULT_AUTH_SETTINGS, { largeAnswers: turn });
  let rows: MetricsRow[];
  try {
    const partnerIds = partnerGlobalIds.length ? partnerIdsOf(partnerGlobalIds) : null;
    await checkPartnerLevelMetrics(context, {
      groupBy: query.groupBy ?? [],
      regionCodes: query.filter?.regionCodes,
      partnerIds,
    });
    rows = (await answerMetrics(context, { ...query, filter: { ...query.filter, partnerIds } }, { total: false })).rows;
  } catch (error) {
    const status = error instanceof GraphQLError ? STATUS_OF_CODE[String(error.extensions.code)] : undefined;
    if (status) throw new ExportRequestError(status, error instanceof Error ? error.message : String(error));
    throw error;
  }

  const dimensions = (query.groupBy ?? []).filter((dimension, index, all) => all.indexOf(dimension) === index);
  const compare = query.compare ?? [];
  const withPrevious = compare.includes('PREVIOUS_PERIOD') || compare.includes('PREVIOUS_YEAR');
  const withTarget = compare.includes('TARGET');
  const header = [
    ...(query.grain ? ['period_from', 'period_to', 'period_label'] : []),
    ...dimensions.flatMap((dimension) => DIMENSION_COLUMNS[dimension]),
    ...query.metrics.flatMap((metric) => {
      const name = metric.toLowerCase();
      return [
        name,
        ...(withPrevious ? [`${name}_previous`, `${name}_change`] : []),
        ...(withTarget ? [`${name}_target`, `${name}_attainment`, `${name}_status`] : []),
      ];
    }),
  ];
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  const lines = await Promise.all(
    rows.map(async (row) => {
      const groups = await Promise.all(
        dimensions.map(async (dimension): Promise<string[]> => {
          switch (dimension) {
            case 'REGION':
              return [
                text(row.regionCode),
                text(row.regionCode && (await context.loaders.region.load(row.regionCode))?.name),
              ];
            case 'COUNTRY':
              return [
                text(row.countryIso3),
                text(row.countryIso3 && (await context.loaders.country.load(row.countryIso3))?.name),
              ];
            case 'INCOME_STREAM':
              return [text(row.incomeStream)];
            case 'PARTNER_TYPE':
              return [text(row.partnerType)];
            case 'OBJECTIVE':
              return [
                text(row.objectiveCode),
                text(row.objectiveCode && (await context.loaders.objective.load(row.objectiveCode))?.name),
              ];
            case 'PARTNER': {
              const partner = row.partnerId === null ? null : await context.loaders.partner.load(row.partnerId);
              return [text(partner?.externalRef), text(partner?.name)];
            }
          }
        }),
      );
      return exportLine([
        ...(query.grain ? [text(row.period?.from), text(row.period?.to), text(row.period?.label)] : []),
        ...groups.flat(),
        ...row.values.flatMap((value) => [
          text(value.value),
          ...(withPrevious ? [text(value.previous), text(value.change)] : []),
          ...(withTarget ? [text(value.target), text(value.attainment), text(value.status)] : []),
        ]),
      ]);
    }),
  );
  return [exportLine(header), ...lines];
}

/** The columns of each dimension: its code, and its name when it has one. */
const DIMENSION_COLUMNS: Record<Dimension, readonly string[]> = {
  REGION: ['region_code', 'region_name'],
  COUNTRY: ['country_iso3', 'country_name'],
  INCOME_STREAM: ['income_stream'],
  PARTNER_TYPE: ['partner_type'],
  OBJECTIVE: ['objective_code', 'objective_name'],
  PARTNER: ['partner_ref', 'partner_name'],
};
