import { builder } from '../builder';
import { ContributionConnection, contributionListArgs, contributionQuery } from './contribution';
import { SIGNED_IN_TYPE } from './detail-access';
import { detailFilterScopes } from './detail-filters';
import { FieldNeedConnection, fieldNeedListArgs, fieldNeedQuery } from './field-need';
import { ImpactRecordConnection, impactRecordListArgs, impactRecordQuery } from './impact-record';
import { PartnerConnection, partnerListArgs, partnerQuery } from './partner';
import { runOnce } from './run-once';
import { TargetConnection, targetListArgs, targetQuery } from './target';

export const Country = builder.drizzleNode('countries', {
  ...SIGNED_IN_TYPE,
  name: 'Country',
  description: 'A country office, identified by its ISO 3166-1 alpha-3 code.',
  id: { column: (country) => country.iso3 },
  fields: (t) => ({
    iso3: t.exposeString('iso3', { description: 'The ISO 3166-1 alpha-3 code, such as KEN.' }),
    name: t.exposeString('name', { description: 'The country’s name.' }),
    region: t.relation('region', { description: 'The bureau the country belongs to today.' }),
    partnerCount: t.relatedCount('partners', { description: 'How many partners the country office manages.' }),
    partners: t.relatedConnection(
      'partners',
      {
        description:
          'The partners the country office manages, by name unless `orderBy` says otherwise. A REGIONAL user reads only those of its own region.',
        args: partnerListArgs,
        authScopes: detailFilterScopes('partner'),
        query: (args, context) => partnerQuery(args, context.viewer),
        totalCount: true,
      },
      PartnerConnection,
    ),
    contributions: t.relatedConnection(
      'contributions',
      {
        description:
          'The contributions raised by the country office, newest first unless `orderBy` says otherwise. A REGIONAL user reads only those of its own region.',
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
          'The impact records of the country office, newest first unless `orderBy` says otherwise. A REGIONAL user reads only those of its own region.',
        args: impactRecordListArgs,
        authScopes: detailFilterScopes('impactRecord'),
        query: (args, context) => impactRecordQuery(args, context.viewer),
        totalCount: true,
      },
      ImpactRecordConnection,
    ),
    targets: t.relatedConnection(
      'targets',
      {
        description:
          'The country office’s own targets (scope COUNTRY), latest year first unless `orderBy` says otherwise.',
        args: targetListArgs,
        query: (args) => targetQuery(args),
        totalCount: true,
      },
      TargetConnection,
    ),
    fieldNeeds: t.relatedConnection(
      'fieldNeeds',
      {
        description:
          'The field needs the country office identified, most recent first unless `orderBy` says otherwise.',
        args: fieldNeedListArgs,
        query: (args) => fieldNeedQuery(args),
        totalCount: true,
      },
      FieldNeedConnection,
    ),
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
      runOnce(
        context.db.query.countries.findMany(
          query({
            where: args.regionCode ? { regionCode: args.regionCode.trim().toUpperCase() } : undefined,
            orderBy: { name: 'asc' },
          }),
        ),
      ),
  }),
}));
