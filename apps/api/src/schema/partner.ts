import { partners } from '@panorama/db';
import { and, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import { builder } from '../builder';
import { PartnerScopeEnum, PartnerTypeEnum, SortDirectionEnum } from './enums';

export const Partner = builder.drizzleNode('partners', {
  name: 'Partner',
  description:
    'A company, foundation, high-net-worth individual, individual-giving channel or national friends’ association.',
  id: { column: (partner) => partner.id },
  fields: (t) => ({
    externalRef: t.exposeString('externalRef', { description: 'The partner’s reference in imports (`partner_ref`).' }),
    name: t.exposeString('name', { description: 'The partner’s name.' }),
    partnerType: t.expose('partnerType', { type: PartnerTypeEnum, description: 'What kind of partner it is.' }),
    sector: t.exposeString('sector', { nullable: true, description: 'The partner’s business sector, when known.' }),
    scope: t.expose('scope', { type: PartnerScopeEnum, description: 'LOCAL to one office or GLOBAL.' }),
    region: t.relation('region', { description: 'The bureau that manages the relationship.' }),
    country: t.relation('country', { nullable: true, description: 'The country office that manages it, if one does.' }),
  }),
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
 * The SQL condition of a partner filter, shared by the page and its `totalCount`. `table` is the
 * partners table as the query names it (the relational query builder aliases it).
 */
function partnerCondition(
  filter: PartnerFilterInput | null | undefined,
  table: typeof partners = partners,
): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
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

builder.queryFields((t) => ({
  partners: t.drizzleConnection(
    {
      type: 'partners',
      description: 'Partners, a page at a time, filtered and ordered (by name unless `orderBy` says otherwise).',
      args: {
        filter: t.arg({ type: PartnerFilter, required: false, description: 'Which partners to keep.' }),
        orderBy: t.arg({
          type: PartnerOrder,
          required: false,
          description: 'The order of the list; default: by name.',
        }),
      },
      totalCount: (_root, args, context) => context.db.$count(partners, partnerCondition(args.filter)),
      resolve: (query, _root, args, context) => {
        const field = args.orderBy?.field ?? 'name';
        const direction = args.orderBy?.direction ?? 'asc';
        return context.db.query.partners.findMany(
          query({
            where: { RAW: (table) => partnerCondition(args.filter, table) ?? sql`true` },
            orderBy: { [field]: direction } as Partial<Record<typeof field, typeof direction>>,
          }),
        );
      },
    },
    { name: 'PartnerConnection', description: 'A page of partners.' },
    { name: 'PartnerEdge', description: 'A partner in a page, with its cursor.' },
  ),
}));
