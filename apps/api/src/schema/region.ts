import { builder } from '../builder';

export const Region = builder.drizzleNode('regions', {
  name: 'Region',
  description: 'A regional bureau, or the `HQ` pseudo-region for global partnerships and headquarters-led fundraising.',
  id: { column: (region) => region.code },
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The bureau code: RBB, RBC, RBD, RBJ, RBN, RBP, or HQ.' }),
    name: t.exposeString('name', { description: 'The bureau’s name.' }),
    city: t.exposeString('city', { nullable: true, description: 'Where the bureau sits; null for HQ.' }),
    countries: t.relation('countries', {
      description: 'The country offices the bureau covers today, by name.',
      query: { orderBy: { name: 'asc' } },
    }),
    countryCount: t.relatedCount('countries', { description: 'How many country offices the bureau covers today.' }),
    partnerCount: t.relatedCount('partners', { description: 'How many partners the bureau manages.' }),
  }),
});

builder.queryFields((t) => ({
  regions: t.drizzleField({
    type: [Region],
    description: 'The six regional bureaux and HQ, by code.',
    resolve: (query, _root, _args, context) => context.db.query.regions.findMany(query({ orderBy: { code: 'asc' } })),
  }),
  region: t.drizzleField({
    type: Region,
    nullable: true,
    description: 'One bureau by its code (such as `RBB`), or null when no bureau has that code.',
    args: { code: t.arg.string({ required: true, description: 'The bureau code, such as RBB or HQ.' }) },
    resolve: (query, _root, args, context) =>
      context.db.query.regions.findFirst(query({ where: { code: args.code.trim().toUpperCase() } })),
  }),
}));
