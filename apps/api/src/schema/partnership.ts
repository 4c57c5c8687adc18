import { partnerships } from '@panorama/db';
import { and, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { builder } from '../builder';
import { countedConnection, type NodeNames, orderByOf, orderInput } from './connection';
import { ContributionConnection, contributionListArgs, contributionQuery } from './contribution';
import { detailRowScopes, detailRowsCondition } from './detail-access';
import { detailFilterScopes } from './detail-filters';
import { ModalityEnum, PartnershipStatusEnum } from './enums';
import { FieldNeedConnection, fieldNeedListArgs, fieldNeedQuery } from './field-need';
import { codeIn, partnerIdsOf, valueIn } from './filter-conditions';
import { ImpactRecordConnection, impactRecordListArgs, impactRecordQuery } from './impact-record';
import { StoryConnection, storyListArgs, storyQuery } from './story';

const NAMES: NodeNames = { type: 'Partnership', singular: 'partnership', plural: 'partnerships' };

export const Partnership = builder.drizzleNode('partnerships', {
  name: NAMES.type,
  description:
    'A partner’s engagement with an office (a bureau, maybe a country office) towards one objective. Partner-level detail: a REGIONAL user reads its own region’s only; another region’s is refused (FORBIDDEN).',
  id: { column: (partnership) => partnership.id },
  // Partner-level detail: a REGIONAL user reads its own region's only, however it is reached.
  select: { columns: { regionCode: true } },
  authScopes: detailRowScopes('partnership'),
  runScopesOnType: true,
  fields: (t) => ({
    externalRef: t.exposeString('externalRef', {
      description: 'The partnership’s unique reference in imports (`partnership_ref`).',
    }),
    name: t.exposeString('name', { description: 'The partnership’s name.' }),
    partner: t.relation('partner', { description: 'The partner.' }),
    region: t.relation('region', { description: 'The bureau that holds the partnership.' }),
    country: t.relation('country', { nullable: true, description: 'The country office that holds it, if one does.' }),
    objective: t.relation('objective', { description: 'The strategy objective it serves.' }),
    modality: t.expose('modality', { type: ModalityEnum, description: 'How the partner contributes.' }),
    status: t.expose('status', { type: PartnershipStatusEnum, description: 'Where it stands.' }),
    startDate: t.expose('startDate', { type: 'Date', description: 'The day it starts or started.' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true, description: 'The day it ends; null if open-ended.' }),
    contributions: t.relatedConnection(
      'contributions',
      {
        description:
          'The contributions given under it, newest first unless `orderBy` says otherwise. A REGIONAL user reads only those of its own region.',
        args: contributionListArgs,
        authScopes: detailFilterScopes('contribution'),
        query: (args, context) => contributionQuery(args, context.viewer),
        totalCount: true,
      },
      ContributionConnection,
    ),
    impactRecords: t.relatedConnection(
      'impactRecords',
      {
        description:
          'What it has achieved: its impact records, newest first unless `orderBy` says otherwise. A REGIONAL user reads only those of its own region.',
        args: impactRecordListArgs,
        authScopes: detailFilterScopes('impactRecord'),
        query: (args, context) => impactRecordQuery(args, context.viewer),
        totalCount: true,
      },
      ImpactRecordConnection,
    ),
    stories: t.relatedConnection(
      'stories',
      {
        description: 'Stories from the field about it, newest first unless `orderBy` says otherwise.',
        args: storyListArgs,
        query: (args) => storyQuery(args),
        totalCount: true,
      },
      StoryConnection,
    ),
    fieldNeeds: t.relatedConnection(
      'fieldNeeds',
      {
        description: 'The field needs it answers.',
        args: fieldNeedListArgs,
        query: (args) => fieldNeedQuery(args),
        totalCount: true,
      },
      FieldNeedConnection,
    ),
  }),
});

export const PartnershipConnection = countedConnection(Partnership, NAMES);

const PartnershipFilter = builder.inputType('PartnershipFilter', {
  description: 'Keeps the partnerships that match every condition given.',
  fields: (t) => ({
    regionCodes: t.stringList({ required: false, description: 'Held by one of these bureaux (codes, such as RBN).' }),
    countryIsos: t.stringList({ required: false, description: 'Held by one of these country offices (ISO3).' }),
    objectiveCodes: t.stringList({ required: false, description: 'Towards one of these objectives (codes).' }),
    statuses: t.field({ type: [PartnershipStatusEnum], required: false, description: 'In one of these statuses.' }),
    modalities: t.field({ type: [ModalityEnum], required: false, description: 'With one of these modalities.' }),
    partnerIds: t.idList({ required: false, description: 'With one of these partners (their global IDs).' }),
  }),
});

const PartnershipOrder = orderInput(NAMES, {
  NAME: { value: 'name', description: 'The partnership’s name.' },
  START_DATE: { value: 'startDate', description: 'The day it starts.' },
  EXTERNAL_REF: { value: 'externalRef', description: 'Its reference.' },
});

/** The `filter` and `orderBy` arguments of every list of partnerships. */
export const partnershipListArgs = builder.args((t) => ({
  filter: t.field({ type: PartnershipFilter, required: false, description: 'Which partnerships to keep.' }),
  orderBy: t.field({
    type: PartnershipOrder,
    required: false,
    description: 'The order of the list; default: by name.',
  }),
}));

interface PartnershipListArgs {
  filter?: typeof PartnershipFilter.$inferInput | null;
  orderBy?: typeof PartnershipOrder.$inferInput | null;
}

/**
 * The SQL condition of a partnership filter and of what the viewer may read, for `table` as the
 * query names it. Partner IDs are checked now, before any query is built.
 */
function partnershipCondition(
  filter: PartnershipListArgs['filter'],
  viewer: Viewer | null,
): (table: typeof partnerships) => SQL | undefined {
  const partnerIds = partnerIdsOf(filter?.partnerIds);
  return (table) =>
    and(
      detailRowsCondition(viewer, table.regionCode),
      filter
        ? and(
            codeIn(table.regionCode, filter.regionCodes),
            codeIn(table.countryIso3, filter.countryIsos),
            codeIn(table.objectiveCode, filter.objectiveCodes),
            valueIn(table.status, filter.statuses),
            valueIn(table.modality, filter.modalities),
            valueIn(table.partnerId, partnerIds),
          )
        : undefined,
    );
}

/** The relational query of a list of partnerships that `viewer` reads: its filter and its order. */
export function partnershipQuery(args: PartnershipListArgs, viewer: Viewer | null) {
  const condition = partnershipCondition(args.filter, viewer);
  return {
    where: { RAW: (table: typeof partnerships) => condition(table) ?? sql`true` },
    orderBy: orderByOf(args.orderBy, { name: 'asc' }),
  };
}

builder.queryFields((t) => ({
  partnerships: t.drizzleConnection(
    {
      type: 'partnerships',
      description:
        'Partnerships, a page at a time, filtered and ordered (by name unless `orderBy` says otherwise). A REGIONAL user reads its own region’s only, and a filter that asks for another region (its code, a country office or a partner of it) is refused (FORBIDDEN).',
      args: partnershipListArgs,
      authScopes: detailFilterScopes('partnership'),
      totalCount: (_root, args, context) =>
        context.db.$count(partnerships, partnershipCondition(args.filter, context.viewer)(partnerships)),
      resolve: (query, _root, args, context) =>
        context.db.query.partnerships.findMany(query(partnershipQuery(args, context.viewer))),
    },
    PartnershipConnection,
  ),
}));
