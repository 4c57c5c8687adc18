import { partners } from '@panorama/db';
import { and, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { builder } from '../builder';
import { countedConnection } from './connection';
import { ContributionConnection, contributionListArgs, contributionQuery } from './contribution';
import { detailFilterScopes } from './detail-filters';
import { PartnerScopeEnum, PartnerTypeEnum, SortDirectionEnum } from './enums';
import { OpportunityConnection, opportunityListArgs, opportunityQuery } from './opportunity';
import { partnerScopes, readablePartnersCondition } from './partner-access';
import { PartnershipConnection, partnershipListArgs, partnershipQuery } from './partnership';

export const Partner = builder.drizzleNode('partners', {
  name: 'Partner',
  description:
    'A company, foundation, high-net-worth individual, individual-giving channel or national friends’ association. Partner-level detail: a REGIONAL user reads the partners of its region only (those it manages, and those that give, partner or are pursued there); any other is refused (FORBIDDEN).',
  id: { column: (partner) => partner.id },
  // Partner-level detail: a REGIONAL user reads its own region's partners only (see
  // `partner-access.ts`), however they are reached.
  select: { columns: { regionCode: true } },
  authScopes: partnerScopes,
  runScopesOnType: true,
  fields: (t) => ({
    externalRef: t.exposeString('externalRef', { description: 'The partner’s reference in imports (`partner_ref`).' }),
    name: t.exposeString('name', { description: 'The partner’s name.' }),
    partnerType: t.expose('partnerType', { type: PartnerTypeEnum, description: 'What kind of partner it is.' }),
    sector: t.exposeString('sector', { nullable: true, description: 'The partner’s business sector, when known.' }),
    scope: t.expose('scope', { type: PartnerScopeEnum, description: 'LOCAL to one office or GLOBAL.' }),
    region: t.relation('region', { description: 'The bureau that manages the relationship.' }),
    country: t.relation('country', { nullable: true, description: 'The country office that manages it, if one does.' }),
    contributions: t.relatedConnection(
      'contributions',
      {
        description:
          'The partner’s contributions that you may read, newest first unless `orderBy` says otherwise (a REGIONAL user: those raised in its region).',
        args: contributionListArgs,
        authScopes: detailFilterScopes('contribution'),
        query: (args, context) => contributionQuery(args, context.viewer),
        totalCount: true,
      },
      ContributionConnection,
    ),
    partnerships: t.relatedConnection(
      'partnerships',
      {
        description:
          'The partner’s partnerships that you may read, by name unless `orderBy` says otherwise (a REGIONAL user: those held in its region).',
        args: partnershipListArgs,
        authScopes: detailFilterScopes('partnership'),
        query: (args, context) => partnershipQuery(args, context.viewer),
        totalCount: true,
      },
      PartnershipConnection,
    ),
    opportunities: t.relatedConnection(
      'opportunities',
      {
        description:
          'The pipeline opportunities with the partner that you may read, soonest expected close first unless `orderBy` says otherwise (a REGIONAL user: those pursued in its region).',
        args: opportunityListArgs,
        authScopes: detailFilterScopes('opportunity'),
        query: (args, context) => opportunityQuery(args, context.viewer),
        totalCount: true,
      },
      OpportunityConnection,
    ),
  }),
});

export const PartnerConnection = countedConnection(Partner, {
  type: 'Partner',
  singular: 'partner',
  plural: 'partners',
});

const PartnerFilter = builder.inputType('PartnerFilter', {
  description: 'Keeps the partners that match every condition given.',
  fields: (t) => ({
    search: t.string({ required: false, description: 'Part of the name or reference, case-insensitive.' }),
    regionCodes: t.stringList({ required: false, description: 'Managed by one of these bureaux (codes).' }),
    partnerTypes: t.field({ type: [PartnerTypeEnum], required: false, description: 'Of one of these types.' }),
    scopes: t.field({ type: [PartnerScopeEnum], required: false, description: 'LOCAL, GLOBAL or both.' }),
  }),
});

const PartnerOrderField = builder.enumType('PartnerOrderField', {
  description: 'What partners can be ordered by.',
  values: {
    NAME: { value: 'name', description: 'The partner’s name.' },
    EXTERNAL_REF: { value: 'externalRef', description: 'The partner’s reference.' },
    CREATED_AT: { value: 'createdAt', description: 'When the partner was recorded.' },
  } as const,
});

const PartnerOrder = builder.inputType('PartnerOrder', {
  description: 'An ordering of partners; ties are broken by ID.',
  fields: (t) => ({
    field: t.field({ type: PartnerOrderField, required: true, description: 'What to order by.' }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'asc', description: 'Ascending or descending.' }),
  }),
});

type PartnerFilterInput = typeof PartnerFilter.$inferInput;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The SQL condition of a partner filter and of what the viewer may read, shared by the page and
 * its `totalCount`. `table` is the partners table as the query names it (the relational query
 * builder aliases it).
 */
function partnerCondition(
  filter: PartnerFilterInput | null | undefined,
  viewer: Viewer | null,
  table: typeof partners = partners,
): SQL | undefined {
  const readable = readablePartnersCondition(viewer, table);
  if (!filter) return readable;
  const conditions: (SQL | undefined)[] = [readable];
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    conditions.push(sql`(${ilike(table.name, pattern)} OR ${ilike(table.externalRef, pattern)})`);
  }
  if (filter.regionCodes?.length)
    conditions.push(
      inArray(
        table.regionCode,
        filter.regionCodes.map((code) => code.toUpperCase()),
      ),
    );
  if (filter.partnerTypes?.length) conditions.push(inArray(table.partnerType, filter.partnerTypes));
  if (filter.scopes?.length) conditions.push(inArray(table.scope, filter.scopes));
  return and(...conditions);
}

/** The `filter` and `orderBy` arguments of every list of partners. */
export const partnerListArgs = builder.args((t) => ({
  filter: t.field({ type: PartnerFilter, required: false, description: 'Which partners to keep.' }),
  orderBy: t.field({
    type: PartnerOrder,
    required: false,
    description: 'The order of the list; default: by name.',
  }),
}));

/**
 * `created_at` as fixed-width UTC text, to the microsecond. A cursor built from the column itself
 * holds a JavaScript Date, to the millisecond, so paging by it would repeat or skip rows.
 */
const createdAtExact = (table: typeof partners) =>
  sql<string>`to_char(${table.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The relational query of a list of partners that `viewer` reads: its filter and its order (by name by default). */
export function partnerQuery(
  args: {
    filter?: PartnerFilterInput | null;
    orderBy?: typeof PartnerOrder.$inferInput | null;
  },
  viewer: Viewer | null,
) {
  const field = args.orderBy?.field ?? 'name';
  const direction = args.orderBy?.direction ?? 'asc';
  const column = field === 'createdAt' ? 'createdAtExact' : field;
  return {
    where: { RAW: (table: typeof partners) => partnerCondition(args.filter, viewer, table) ?? sql`true` },
    extras: column === 'createdAtExact' ? { createdAtExact } : undefined,
    orderBy: { [column]: direction } as Partial<Record<typeof column, typeof direction>>,
  };
}

builder.queryFields((t) => ({
  partners: t.drizzleConnection(
    {
      type: 'partners',
      description:
        'Partners you may read, a page at a time, filtered and ordered (by name unless `orderBy` says otherwise). A REGIONAL user reads the partners of its region: those it manages, and those that give, partner or are pursued there; a filter that asks for another region is refused (FORBIDDEN).',
      args: partnerListArgs,
      authScopes: detailFilterScopes('partner'),
      totalCount: (_root, args, context) => context.db.$count(partners, partnerCondition(args.filter, context.viewer)),
      resolve: (query, _root, args, context) =>
        context.db.query.partners.findMany(query(partnerQuery(args, context.viewer))),
    },
    PartnerConnection,
  ),
}));
