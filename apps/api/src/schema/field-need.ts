import { fieldNeeds } from '@panorama/db';
import { and, type SQL, sql } from 'drizzle-orm';
import { builder } from '../builder';
import { countedConnection, type NodeNames, orderByOf, orderInput } from './connection';
import { SIGNED_IN_TYPE } from './detail-access';
import { FieldNeedStatusEnum } from './enums';
import { codeIn, valueIn } from './filter-conditions';

const NAMES: NodeNames = { type: 'FieldNeed', singular: 'field need', plural: 'field needs' };

export const FieldNeed = builder.drizzleNode('fieldNeeds', {
  ...SIGNED_IN_TYPE,
  name: NAMES.type,
  description: 'A need identified by a country office that the private sector may meet.',
  id: { column: (need) => need.id },
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The need in a few words.' }),
    description: t.exposeString('description', { description: 'What is needed, where and why.' }),
    sector: t.exposeString('sector', {
      nullable: true,
      description: 'The business sector that could meet it, when known.',
    }),
    status: t.expose('status', { type: FieldNeedStatusEnum, description: 'Whether it is open, matched or closed.' }),
    identifiedOn: t.expose('identifiedOn', { type: 'Date', description: 'The day the office identified it.' }),
    region: t.relation('region', { description: 'The bureau of the office that identified it.' }),
    country: t.relation('country', { nullable: true, description: 'The country office that identified it, if one.' }),
    objective: t.relation('objective', {
      nullable: true,
      description: 'The strategy objective it serves, if set.',
    }),
    partnership: t.relation('partnership', {
      nullable: true,
      // Partner-level detail: null rather than an error for a REGIONAL user of another region.
      authScopes: (need) => ({ detailOf: need.regionCode }),
      unauthorizedResolver: () => null,
      description:
        'The partnership that answers it, once matched; null too when you may not read the bureau’s partner-level detail (a REGIONAL user reading another bureau’s field need).',
    }),
  }),
});

export const FieldNeedConnection = countedConnection(FieldNeed, NAMES);

const FieldNeedFilter = builder.inputType('FieldNeedFilter', {
  description: 'Keeps the field needs that match every condition given.',
  fields: (t) => ({
    statuses: t.field({ type: [FieldNeedStatusEnum], required: false, description: 'In one of these statuses.' }),
    regionCodes: t.stringList({ required: false, description: 'Of one of these bureaux (codes, such as RBN).' }),
    countryIsos: t.stringList({ required: false, description: 'Of one of these country offices (ISO3 codes).' }),
  }),
});

const FieldNeedOrder = orderInput(NAMES, {
  IDENTIFIED_ON: { value: 'identifiedOn', description: 'The day it was identified.' },
  TITLE: { value: 'title', description: 'Its title.' },
});

/** The `filter` and `orderBy` arguments of every list of field needs. */
export const fieldNeedListArgs = builder.args((t) => ({
  filter: t.field({ type: FieldNeedFilter, required: false, description: 'Which field needs to keep.' }),
  orderBy: t.field({
    type: FieldNeedOrder,
    required: false,
    description: 'The order of the list; default: most recently identified first.',
  }),
}));

interface FieldNeedListArgs {
  filter?: typeof FieldNeedFilter.$inferInput | null;
  orderBy?: typeof FieldNeedOrder.$inferInput | null;
}

/** The SQL condition of a field need filter, for `table` as the query names it. */
function fieldNeedCondition(
  filter: FieldNeedListArgs['filter'],
  table: typeof fieldNeeds = fieldNeeds,
): SQL | undefined {
  if (!filter) return undefined;
  return and(
    valueIn(table.status, filter.statuses),
    codeIn(table.regionCode, filter.regionCodes),
    codeIn(table.countryIso3, filter.countryIsos),
  );
}

/** The relational query of a list of field needs: its filter and its order. */
export function fieldNeedQuery(args: FieldNeedListArgs) {
  return {
    where: { RAW: (table: typeof fieldNeeds) => fieldNeedCondition(args.filter, table) ?? sql`true` },
    orderBy: orderByOf(args.orderBy, { identifiedOn: 'desc' }),
  };
}

builder.queryFields((t) => ({
  fieldNeeds: t.drizzleConnection(
    {
      type: 'fieldNeeds',
      description: 'Field needs, a page at a time (most recently identified first unless `orderBy` says otherwise).',
      args: fieldNeedListArgs,
      totalCount: (_root, args, context) => context.db.$count(fieldNeeds, fieldNeedCondition(args.filter)),
      resolve: (query, _root, args, context) => context.db.query.fieldNeeds.findMany(query(fieldNeedQuery(args))),
    },
    FieldNeedConnection,
  ),
}));
