import { OPEN_OPPORTUNITY_STAGES, type OpportunityStage, opportunities } from '@panorama/db';
import { and, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { builder } from '../builder';
import { countedConnection, type NodeNames, orderByOf, orderInput } from './connection';
import { detailRowScopes, detailRowsCondition } from './detail-access';
import { detailFilterScopes } from './detail-filters';
import { OpportunityStageEnum } from './enums';
import { codeIn, dateBetween, valueIn } from './filter-conditions';

const NAMES: NodeNames = { type: 'Opportunity', singular: 'opportunity', plural: 'opportunities' };

/** Open: not yet WON or LOST. */
function isOpen(stage: OpportunityStage): boolean {
  return (OPEN_OPPORTUNITY_STAGES as readonly OpportunityStage[]).includes(stage);
}

export const Opportunity = builder.drizzleNode('opportunities', {
  name: NAMES.type,
  description:
    'A possible gift in the prospecting pipeline, from a partner or a named prospect. Partner-level detail: a REGIONAL user reads its own region’s only; another region’s is refused (FORBIDDEN).',
  id: { column: (opportunity) => opportunity.id },
  // Partner-level detail: a REGIONAL user reads its own region's only, however it is reached.
  select: { columns: { regionCode: true } },
  authScopes: detailRowScopes('opportunity'),
  runScopesOnType: true,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the opportunity is called.' }),
    partner: t.relation('partner', { nullable: true, description: 'The partner, when it is one already.' }),
    prospectName: t.exposeString('prospectName', {
      nullable: true,
      description: 'The prospect’s name, when it is not a partner yet.',
    }),
    region: t.relation('region', { description: 'The bureau pursuing it.' }),
    country: t.relation('country', { nullable: true, description: 'The country office pursuing it, if one.' }),
    objective: t.relation('objective', { nullable: true, description: 'The objective it would serve, if set.' }),
    stage: t.expose('stage', { type: OpportunityStageEnum, description: 'How far it has got.' }),
    open: t.boolean({
      description: 'True until it is WON or LOST.',
      select: { columns: { stage: true } },
      resolve: (opportunity) => isOpen(opportunity.stage),
    }),
    amountUsd: t.float({
      description: 'The expected amount in US dollars.',
      select: { columns: { amountUsd: true } },
      resolve: (opportunity) => Number(opportunity.amountUsd),
    }),
    probability: t.float({
      description: 'The chance it closes as WON, from 0 to 1.',
      select: { columns: { probability: true } },
      resolve: (opportunity) => Number(opportunity.probability),
    }),
    weightedAmountUsd: t.float({
      description: 'The amount times the probability, in US dollars, rounded to the cent (computed in SQL).',
      select: {
        extras: { weightedAmountUsd: (table) => sql<string>`round(${table.amountUsd} * ${table.probability}, 2)` },
      },
      resolve: (opportunity) => Number(opportunity.weightedAmountUsd),
    }),
    expectedCloseDate: t.expose('expectedCloseDate', {
      type: 'Date',
      description: 'The day it is expected to close.',
    }),
  }),
});

export const OpportunityConnection = countedConnection(Opportunity, NAMES);

const OpportunityFilter = builder.inputType('OpportunityFilter', {
  description: 'Keeps the opportunities that match every condition given.',
  fields: (t) => ({
    stages: t.field({ type: [OpportunityStageEnum], required: false, description: 'At one of these stages.' }),
    open: t.boolean({
      required: false,
      description: 'True: only open ones (not WON or LOST); false: only WON or LOST ones.',
    }),
    regionCodes: t.stringList({ required: false, description: 'Pursued by one of these bureaux (codes).' }),
    countryIsos: t.stringList({ required: false, description: 'Pursued by one of these country offices (ISO3).' }),
    expectedCloseFrom: t.field({
      type: 'Date',
      required: false,
      description: 'Expected to close on or after this day.',
    }),
    expectedCloseTo: t.field({
      type: 'Date',
      required: false,
      description: 'Expected to close on or before this day.',
    }),
  }),
});

const OpportunityOrder = orderInput(NAMES, {
  EXPECTED_CLOSE_DATE: { value: 'expectedCloseDate', description: 'The expected close date.' },
  AMOUNT_USD: { value: 'amountUsd', description: 'The expected amount.' },
  PROBABILITY: { value: 'probability', description: 'The chance it closes as WON.' },
  NAME: { value: 'name', description: 'Its name.' },
});

/** The `filter` and `orderBy` arguments of every list of opportunities. */
export const opportunityListArgs = builder.args((t) => ({
  filter: t.field({ type: OpportunityFilter, required: false, description: 'Which opportunities to keep.' }),
  orderBy: t.field({
    type: OpportunityOrder,
    required: false,
    description: 'The order of the list; default: soonest expected close first.',
  }),
}));

interface OpportunityListArgs {
  filter?: typeof OpportunityFilter.$inferInput | null;
  orderBy?: typeof OpportunityOrder.$inferInput | null;
}

/**
 * The SQL condition of an opportunity filter and of what the viewer may read, for `table` as the
 * query names it.
 */
function opportunityCondition(
  filter: OpportunityListArgs['filter'],
  viewer: Viewer | null,
  table: typeof opportunities = opportunities,
): SQL | undefined {
  const readable = detailRowsCondition(viewer, table.regionCode);
  if (!filter) return readable;
  const openness =
    filter.open == null
      ? undefined
      : filter.open
        ? inArray(table.stage, OPEN_OPPORTUNITY_STAGES)
        : notInArray(table.stage, [...OPEN_OPPORTUNITY_STAGES]);
  return and(
    readable,
    valueIn(table.stage, filter.stages),
    openness,
    codeIn(table.regionCode, filter.regionCodes),
    codeIn(table.countryIso3, filter.countryIsos),
    dateBetween(table.expectedCloseDate, filter.expectedCloseFrom, filter.expectedCloseTo),
  );
}

/** The relational query of a list of opportunities that `viewer` reads: its filter and its order. */
export function opportunityQuery(args: OpportunityListArgs, viewer: Viewer | null) {
  return {
    where: {
      RAW: (table: typeof opportunities) => opportunityCondition(args.filter, viewer, table) ?? sql`true`,
    },
    orderBy: orderByOf(args.orderBy, { expectedCloseDate: 'asc' }),
  };
}

builder.queryFields((t) => ({
  opportunities: t.drizzleConnection(
    {
      type: 'opportunities',
      description:
        'The prospecting pipeline, a page at a time (soonest expected close first unless `orderBy` says otherwise). A REGIONAL user reads its own region’s only, and a filter that asks for another region (its code, a country office or a partner of it) is refused (FORBIDDEN).',
      args: opportunityListArgs,
      authScopes: detailFilterScopes('opportunity'),
      totalCount: (_root, args, context) =>
        context.db.$count(opportunities, opportunityCondition(args.filter, context.viewer)),
      resolve: (query, _root, args, context) =>
        context.db.query.opportunities.findMany(query(opportunityQuery(args, context.viewer))),
    },
    OpportunityConnection,
  ),
}));
