import { builder } from '../builder';

export const Country = builder.drizzleNode('countries', {
  name: 'Country',
  description: 'A country office, identified by its ISO 3166-1 alpha-3 code.',
  id: { column: (country) => country.iso3 },
  fields: (t) => ({
    iso3: t.exposeString('iso3', { description: 'The ISO 3166-1 alpha-3 code, such as KEN.' }),
    name: t.exposeString('name', { description: 'The country’s name.' }),
    region: t.relation('region', { description: 'The bureau the country belongs to today.' }),
    partnerCount: t.relatedCount('partners', { description: 'How many partners the country office manages.' }),
  }),
});

builder.queryFields((t) => ({
  countries: t.drizzleField({
    type: [Country],
    description: 'Every country office, by name; `regionCode` keeps those of one bureau.',
    args: {
      regionCode: t.arg.string({ required: false, description: 'Only the countries of this bureau (such as RBN).' }),
    },
    resolve: (query, _root, args, context) =>
      context.db.query.countries.findMany(
        query({
          where: args.regionCode ? { regionCode: args.regionCode.trim().toUpperCase() } : undefined,
          orderBy: { name: 'asc' },
        }),
      ),
  }),
}));
