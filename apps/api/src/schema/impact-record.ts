import { impactRecords } from '@panorama/db';
import { and, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { builder } from '../builder';
import { countedConnection, type NodeNames, orderByOf, orderInput } from './connection';
import { detailRowScopes, detailRowsCondition } from './detail-access';
import { detailFilterScopes } from './detail-filters';
import { codeIn, dateBetween } from './filter-conditions';

const NAMES: NodeNames = { type: 'ImpactRecord', singular: 'impact record', plural: 'impact records' };

export const ImpactRecord = builder.drizzleNode('impactRecords', {
  name: NAMES.type,
  description:
    'One observation of an impact or enabler metric (people reached, meals provided, workplans completed…) on a day. Contribution-level detail: a REGIONAL user reads its own region’s only; another region’s is refused (FORBIDDEN).',
  id: { column: (record) => record.id },
  // Contribution-level detail: a REGIONAL user reads its own region's only, however it is reached.
  select: { columns: { regionCode: true } },
  authScopes: detailRowScopes('impactRecord'),
  runScopesOnType: true,
  fields: (t) => ({
    externalRef: t.exposeString('externalRef', {
      description: 'The record’s unique reference in imports (`external_ref`).',
    }),
    date: t.expose('date', { type: 'Date', description: 'The day the value was observed.' }),
    metricCode: t.exposeString('metricCode', {
      description: 'The metric observed, as in the metric catalog, such as BENEFICIARIES_REACHED.',
    }),
    value: t.float({
      description: 'The observed value, in the metric’s unit.',
      select: { columns: { value: true } },
      resolve: (record) => Number(record.value),
    }),
    region: t.relation('region', { description: 'The bureau the observation belongs to.' }),
    country: t.relation('country', { nullable: true, description: 'The country office, if the record names one.' }),
    objective: t.relation('objective', { description: 'The strategy objective the metric serves.' }),
    partnership: t.relation('partnership', {
      nullable: true,
      description: 'The partnership that achieved it, if any.',
    }),
  }),
});

export const ImpactRecordConnection = countedConnection(ImpactRecord, NAMES);

const ImpactRecordFilter = builder.inputType('ImpactRecordFilter', {
  description: 'Keeps the impact records that match every condition given.',
  fields: (t) => ({
    metricCodes: t.stringList({ required: false, description: 'Of one of these metrics (codes).' }),
    dateFrom: t.field({ type: 'Date', required: false, description: 'Observed on or after this day.' }),
    dateTo: t.field({ type: 'Date', required: false, description: 'Observed on or before this day.' }),
    regionCodes: t.stringList({ required: false, description: 'Of one of these bureaux (codes, such as RBN).' }),
    countryIsos: t.stringList({ required: false, description: 'Of one of these country offices (ISO3 codes).' }),
    objectiveCodes: t.stringList({ required: false, description: 'Towards one of these objectives (codes).' }),
  }),
});

const ImpactRecordOrder = orderInput(NAMES, {
  DATE: { value: 'date', description: 'The day it was observed.' },
  METRIC_CODE: { value: 'metricCode', description: 'The metric’s code.' },
  VALUE: { value: 'value', description: 'The observed value.' },
});

/** The `filter` and `orderBy` arguments of every list of impact records. */
export const impactRecordListArgs = builder.args((t) => ({
  filter: t.field({ type: ImpactRecordFilter, required: false, description: 'Which impact records to keep.' }),
  orderBy: t.field({
    type: ImpactRecordOrder,
    required: false,
    description: 'The order of the list; default: newest first.',
  }),
}));

interface ImpactRecordListArgs {
  filter?: typeof ImpactRecordFilter.$inferInput | null;
  orderBy?: typeof ImpactRecordOrder.$inferInput | null;
}

/**
 * The SQL condition of an impact record filter and of what the viewer may read, for `table` as
 * the query names it.
 */
function impactRecordCondition(
  filter: ImpactRecordListArgs['filter'],
  viewer: Viewer | null,
  table: typeof impactRecords = impactRecords,
): SQL | undefined {
  return and(
    detailRowsCondition(viewer, table.regionCode),
    filter
      ? and(
          codeIn(table.metricCode, filter.metricCodes),
          dateBetween(table.date, filter.dateFrom, filter.dateTo),
          codeIn(table.regionCode, filter.regionCodes),
          codeIn(table.countryIso3, filter.countryIsos),
          codeIn(table.objectiveCode, filter.objectiveCodes),
        )
      : undefined,
  );
}

/** The relational query of a list of impact records that `viewer` reads: its filter and its order. */
export function impactRecordQuery(args: ImpactRecordListArgs, viewer: Viewer | null) {
  return {
    where: {
      RAW: (table: typeof impactRecords) => impactRecordCondition(args.filter, viewer, table) ?? sql`true`,
    },
    orderBy: orderByOf(args.orderBy, { date: 'desc' }),
  };
}

builder.queryFields((t) => ({
  impactRecords: t.drizzleConnection(
    {
      type: 'impactRecords',
      description:
        'Impact records, a page at a time, filtered and ordered (newest first unless `orderBy` says otherwise). A REGIONAL user reads its own region’s only, and a filter that asks for another region (its code, a country office or a partner of it) is refused (FORBIDDEN).',
      args: impactRecordListArgs,
      authScopes: detailFilterScopes('impactRecord'),
      totalCount: (_root, args, context) =>
        context.db.$count(impactRecords, impactRecordCondition(args.filter, context.viewer)),
      resolve: (query, _root, args, context) =>
        context.db.query.impactRecords.findMany(query(impactRecordQuery(args, context.viewer))),
    },
    ImpactRecordConnection,
  ),
}));
