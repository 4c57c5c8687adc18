import { countries, targets } from '@panorama/db';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { builder } from '../builder';
import { countedConnection, type NodeNames, orderByOf, orderInput } from './connection';
import { SIGNED_IN_TYPE } from './detail-access';
import { TargetScopeEnum } from './enums';
import { codeIn, valueIn } from './filter-conditions';

const NAMES: NodeNames = { type: 'Target', singular: 'target', plural: 'targets' };

export const TargetVersion = builder.drizzleObject('targetVersions', {
  ...SIGNED_IN_TYPE,
  name: 'TargetVersion',
  description: 'One value a target has had: who set it, when, and the value it replaced.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'The version number: 1 for the first value, then 2, 3…' }),
    value: t.float({
      description: 'The value set in this version.',
      select: { columns: { value: true } },
      resolve: (version) => Number(version.value),
    }),
    previousValue: t.float({
      nullable: true,
      description: 'The value this version replaced; null for the first version.',
      select: { columns: { previousValue: true } },
      resolve: (version) => (version.previousValue == null ? null : Number(version.previousValue)),
    }),
    setBy: t.exposeString('setBy', { description: 'Who set it.' }),
    setAt: t.string({
      description: 'When it was set, as an ISO 8601 timestamp in UTC.',
      select: { columns: { setAt: true } },
      resolve: (version) => version.setAt.toISOString(),
    }),
  }),
});

export const Target = builder.drizzleNode('targets', {
  ...SIGNED_IN_TYPE,
  name: NAMES.type,
  description:
    'A target: the value a metric should reach for a scope (the whole organisation, one bureau or one country office) in a year, or in one quarter of it. Versioned.',
  id: { column: (target) => target.id },
  fields: (t) => ({
    metricCode: t.exposeString('metricCode', {
      description: 'The metric, as in the metric catalog, such as REVENUE_USD.',
    }),
    scopeType: t.expose('scopeType', { type: TargetScopeEnum, description: 'GLOBAL, REGION or COUNTRY.' }),
    scopeCode: t.exposeString('scopeCode', {
      description: 'GLOBAL, the bureau code or the country’s ISO3 code (the `scope` column of target imports).',
    }),
    region: t.relation('region', { nullable: true, description: 'The bureau, for a REGION target.' }),
    country: t.relation('country', { nullable: true, description: 'The country office, for a COUNTRY target.' }),
    year: t.exposeInt('year', { description: 'The calendar year.' }),
    quarter: t.exposeInt('quarter', { nullable: true, description: 'The quarter (1 to 4); null for a whole year.' }),
    value: t.float({
      description: 'The current value, in the metric’s unit.',
      select: { columns: { value: true } },
      resolve: (target) => Number(target.value),
    }),
    version: t.exposeInt('version', { description: 'How many times it has been set: 1 for the first value.' }),
    setBy: t.exposeString('setBy', { description: 'Who set the current value.' }),
    setAt: t.string({
      description: 'When the current value was set, as an ISO 8601 timestamp in UTC.',
      select: { columns: { setAt: true } },
      resolve: (target) => target.setAt.toISOString(),
    }),
    versions: t.relation('versions', {
      description: 'Every value it has had, newest first.',
      query: { orderBy: { version: 'desc' } },
    }),
  }),
});

export const TargetConnection = countedConnection(Target, NAMES);

const TargetFilter = builder.inputType('TargetFilter', {
  description: 'Keeps the targets that match every condition given.',
  fields: (t) => ({
    metricCodes: t.stringList({ required: false, description: 'Of one of these metrics (codes).' }),
    year: t.int({ required: false, description: 'Of this year (whole-year and quarter targets).' }),
    scopeTypes: t.field({ type: [TargetScopeEnum], required: false, description: 'Of one of these scope types.' }),
    regionCodes: t.stringList({
      required: false,
      description: 'Of one of these bureaux: their own targets and those of their country offices.',
    }),
    countryIsos: t.stringList({ required: false, description: 'Of one of these country offices (ISO3 codes).' }),
  }),
});

const TargetOrder = orderInput(NAMES, {
  YEAR: { value: 'year', description: 'The year.' },
  METRIC_CODE: { value: 'metricCode', description: 'The metric’s code.' },
  SCOPE_CODE: { value: 'scopeCode', description: 'GLOBAL, the bureau code or the ISO3 code.' },
  VALUE: { value: 'value', description: 'The current value.' },
});

/** The `filter` and `orderBy` arguments of every list of targets. */
export const targetListArgs = builder.args((t) => ({
  filter: t.field({ type: TargetFilter, required: false, description: 'Which targets to keep.' }),
  orderBy: t.field({
    type: TargetOrder,
    required: false,
    description: 'The order of the list; default: latest year first, then by metric and scope.',
  }),
}));

interface TargetListArgs {
  filter?: typeof TargetFilter.$inferInput | null;
  orderBy?: typeof TargetOrder.$inferInput | null;
}

/** A bureau's targets and those of the country offices it covers today. */
function ofRegions(table: typeof targets, regionCodes: readonly string[] | null | undefined): SQL | undefined {
  const ownTargets = codeIn(table.regionCode, regionCodes);
  const countriesOfRegions = codeIn(countries.regionCode, regionCodes);
  if (!ownTargets || !countriesOfRegions) return undefined;
  return or(
    ownTargets,
    inArray(table.countryIso3, sql`(select ${countries.iso3} from ${countries} where ${countriesOfRegions})`),
  );
}

/** The SQL condition of a target filter, for `table` as the query names it. */
function targetCondition(filter: TargetListArgs['filter'], table: typeof targets = targets): SQL | undefined {
  if (!filter) return undefined;
  return and(
    codeIn(table.metricCode, filter.metricCodes),
    filter.year == null ? undefined : eq(table.year, filter.year),
    valueIn(table.scopeType, filter.scopeTypes),
    ofRegions(table, filter.regionCodes),
    codeIn(table.countryIso3, filter.countryIsos),
  );
}

/** The relational query of a list of targets: its filter and its order. */
export function targetQuery(args: TargetListArgs) {
  return {
    where: { RAW: (table: typeof targets) => targetCondition(args.filter, table) ?? sql`true` },
    orderBy: orderByOf(args.orderBy, { year: 'desc', metricCode: 'asc', scopeCode: 'asc' }),
  };
}

builder.queryFields((t) => ({
  targets: t.drizzleConnection(
    {
      type: 'targets',
      description:
        'Targets, a page at a time (latest year first, then by metric and scope, unless `orderBy` says otherwise).',
      args: targetListArgs,
      totalCount: (_root, args, context) => context.db.$count(targets, targetCondition(args.filter)),
      resolve: (query, _root, args, context) => context.db.query.targets.findMany(query(targetQuery(args))),
    },
    TargetConnection,
  ),
}));
