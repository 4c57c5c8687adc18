import { contributions } from '@panorama/db';
import { and, gte, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { builder } from '../builder';
import { countedConnection, type NodeNames, orderByOf, orderInput } from './connection';
import { detailRowScopes, detailRowsCondition } from './detail-access';
import { detailFilterScopes } from './detail-filters';
import { ContributionKindEnum, IncomeStreamEnum } from './enums';
import { codeIn, dateBetween, partnerIdsOf, valueIn } from './filter-conditions';

const NAMES: NodeNames = { type: 'Contribution', singular: 'contribution', plural: 'contributions' };

export const Contribution = builder.drizzleNode('contributions', {
  name: NAMES.type,
  description:
    'One gift or payment, in US dollars, from a partner, raised by a bureau and maybe a country office. Contribution-level detail: a REGIONAL user reads its own region’s only; another region’s is refused (FORBIDDEN).',
  id: { column: (contribution) => contribution.id },
  // Contribution-level detail: a REGIONAL user reads its own region's only, however it is reached.
  select: { columns: { regionCode: true } },
  authScopes: detailRowScopes('contribution'),
  runScopesOnType: true,
  fields: (t) => ({
    externalRef: t.exposeString('externalRef', {
      description: 'The contribution’s unique reference in imports (`external_ref`).',
    }),
    date: t.expose('date', { type: 'Date', description: 'The day the contribution was received.' }),
    amountUsd: t.float({
      description: 'The amount in US dollars. For the exact decimal, read `amountUsdText`.',
      select: { columns: { amountUsd: true } },
      resolve: (contribution) => Number(contribution.amountUsd),
    }),
    amountUsdText: t.string({
      description: 'The exact amount in US dollars as decimal text with two decimals, such as "1234.50".',
      select: { columns: { amountUsd: true } },
      resolve: (contribution) => contribution.amountUsd,
    }),
    incomeStream: t.expose('incomeStream', {
      type: IncomeStreamEnum,
      description: 'The fundraising stream it belongs to.',
    }),
    kind: t.expose('kind', { type: ContributionKindEnum, description: 'Cash, or in kind valued in US dollars.' }),
    partner: t.relation('partner', { description: 'The partner who gave it.' }),
    objective: t.relation('objective', { description: 'The strategy objective it counts towards.' }),
    region: t.relation('region', {
      description: 'The bureau it was raised in, kept even when its country later moves to another bureau.',
    }),
    country: t.relation('country', { nullable: true, description: 'The country office that raised it, if one did.' }),
    partnership: t.relation('partnership', {
      nullable: true,
      description: 'The partnership it was given under, if any.',
    }),
  }),
});

export const ContributionConnection = countedConnection(Contribution, NAMES);

const ContributionFilter = builder.inputType('ContributionFilter', {
  description: 'Keeps the contributions that match every condition given.',
  fields: (t) => ({
    dateFrom: t.field({ type: 'Date', required: false, description: 'Received on or after this day.' }),
    dateTo: t.field({ type: 'Date', required: false, description: 'Received on or before this day.' }),
    regionCodes: t.stringList({ required: false, description: 'Raised in one of these bureaux (codes, such as RBN).' }),
    countryIsos: t.stringList({
      required: false,
      description: 'Raised in one of these country offices (ISO3 codes, such as KEN).',
    }),
    incomeStreams: t.field({ type: [IncomeStreamEnum], required: false, description: 'In one of these streams.' }),
    kinds: t.field({ type: [ContributionKindEnum], required: false, description: 'CASH, IN_KIND or both.' }),
    objectiveCodes: t.stringList({ required: false, description: 'Towards one of these objectives (codes).' }),
    partnerIds: t.idList({ required: false, description: 'From one of these partners (their global IDs).' }),
    minAmountUsd: t.float({ required: false, description: 'Of at least this many US dollars.' }),
  }),
});

const ContributionOrder = orderInput(NAMES, {
  DATE: { value: 'date', description: 'The day it was received.' },
  AMOUNT_USD: { value: 'amountUsd', description: 'The amount in US dollars.' },
  EXTERNAL_REF: { value: 'externalRef', description: 'Its reference.' },
});

/** The `filter` and `orderBy` arguments of every list of contributions. */
export const contributionListArgs = builder.args((t) => ({
  filter: t.field({ type: ContributionFilter, required: false, description: 'Which contributions to keep.' }),
  orderBy: t.field({
    type: ContributionOrder,
    required: false,
    description: 'The order of the list; default: newest first.',
  }),
}));

interface ContributionListArgs {
  filter?: typeof ContributionFilter.$inferInput | null;
  orderBy?: typeof ContributionOrder.$inferInput | null;
}

/**
 * The SQL condition of a contribution filter and of what the viewer may read, for `table` as the
 * query names it (the relational query builder aliases it). Partner IDs are checked now, before
 * any query is built.
 */
function contributionCondition(
  filter: ContributionListArgs['filter'],
  viewer: Viewer | null,
): (table: typeof contributions) => SQL | undefined {
  const partnerIds = partnerIdsOf(filter?.partnerIds);
  return (table) =>
    and(
      detailRowsCondition(viewer, table.regionCode),
      filter
        ? and(
            dateBetween(table.date, filter.dateFrom, filter.dateTo),
            codeIn(table.regionCode, filter.regionCodes),
            codeIn(table.countryIso3, filter.countryIsos),
            valueIn(table.incomeStream, filter.incomeStreams),
            valueIn(table.kind, filter.kinds),
            codeIn(table.objectiveCode, filter.objectiveCodes),
            valueIn(table.partnerId, partnerIds),
            filter.minAmountUsd == null ? undefined : gte(table.amountUsd, String(filter.minAmountUsd)),
          )
        : undefined,
    );
}

/** The relational query of a list of contributions that `viewer` reads: its filter and its order. */
export function contributionQuery(args: ContributionListArgs, viewer: Viewer | null) {
  const condition = contributionCondition(args.filter, viewer);
  return {
    where: { RAW: (table: typeof contributions) => condition(table) ?? sql`true` },
    orderBy: orderByOf(args.orderBy, { date: 'desc' }),
  };
}

builder.queryFields((t) => ({
  contributions: t.drizzleConnection(
    {
      type: 'contributions',
      description:
        'Contributions, a page at a time, filtered and ordered (newest first unless `orderBy` says otherwise). A REGIONAL user reads its own region’s only, and a filter that asks for another region (its code, a country office or a partner of it) is refused (FORBIDDEN).',
      args: contributionListArgs,
      authScopes: detailFilterScopes('contribution'),
      totalCount: (_root, args, context) =>
        context.db.$count(contributions, contributionCondition(args.filter, context.viewer)(contributions)),
      resolve: (query, _root, args, context) =>
        context.db.query.contributions.findMany(query(contributionQuery(args, context.viewer))),
    },
    ContributionConnection,
  ),
}));
