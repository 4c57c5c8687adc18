import { builder } from '../builder';
import { ContributionConnection, contributionListArgs, contributionQuery } from './contribution';
import { SIGNED_IN_TYPE } from './detail-access';
import { detailFilterScopes } from './detail-filters';
import { FieldNeedConnection, fieldNeedListArgs, fieldNeedQuery } from './field-need';
import { ImpactRecordConnection, impactRecordListArgs, impactRecordQuery } from './impact-record';
import { OpportunityConnection, opportunityListArgs, opportunityQuery } from './opportunity';
import { PartnershipConnection, partnershipListArgs, partnershipQuery } from './partnership';
import { runOnce } from './run-once';
import { StoryConnection, storyListArgs, storyQuery } from './story';
import { TargetConnection, targetListArgs, targetQuery } from './target';

export const Region = builder.drizzleNode('regions', {
  ...SIGNED_IN_TYPE,
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
    partnerships: t.relatedConnection(
      'partnerships',
      {
        description:
          'The partnerships the bureau holds, by name unless `orderBy` says otherwise. A REGIONAL user reads those of its own bureau only: another bureau’s list is empty.',
        args: partnershipListArgs,
        authScopes: detailFilterScopes('partnership'),
        query: (args, context) => partnershipQuery(args, context.viewer),
        totalCount: true,
      },
      PartnershipConnection,
    ),
    contributions: t.relatedConnection(
      'contributions',
      {
        description:
          'The contributions raised in the bureau, newest first unless `orderBy` says otherwise. A REGIONAL user reads those of its own bureau only: another bureau’s list is empty.',
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
          'The impact records of the bureau, newest first unless `orderBy` says otherwise. A REGIONAL user reads those of its own bureau only: another bureau’s list is empty.',
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
        description: 'The bureau’s own targets (scope REGION), latest year first unless `orderBy` says otherwise.',
        args: targetListArgs,
        query: (args) => targetQuery(args),
        totalCount: true,
      },
      TargetConnection,
    ),
    opportunities: t.relatedConnection(
      'opportunities',
      {
        description:
          'The pipeline opportunities the bureau pursues, soonest expected close first unless `orderBy` says otherwise. A REGIONAL user reads those of its own bureau only: another bureau’s list is empty.',
        args: opportunityListArgs,
        authScopes: detailFilterScopes('opportunity'),
        query: (args, context) => opportunityQuery(args, context.viewer),
        totalCount: true,
      },
      OpportunityConnection,
    ),
    fieldNeeds: t.relatedConnection(
      'fieldNeeds',
      {
        description: 'The field needs identified in the bureau, most recent first unless `orderBy` says otherwise.',
        args: fieldNeedListArgs,
        query: (args) => fieldNeedQuery(args),
        totalCount: true,
      },
      FieldNeedConnection,
    ),
    stories: t.relatedConnection(
      'stories',
      {
        description:
          'Stories from the field shown on the bureau’s panorama, newest first unless `orderBy` says otherwise.',
        args: storyListArgs,
        query: (args) => storyQuery(args),
        totalCount: true,
      },
      StoryConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  regions: t.drizzleField({
    type: [Region],
    description: 'The six regional bureaux and HQ, by code.',
    resolve: (query, _root, _args, context) =>
      runOnce(context.db.query.regions.findMany(query({ orderBy: { code: 'asc' } }))),
  }),
  region: t.drizzleField({
    type: Region,
    nullable: true,
    description: 'One bureau by its code (such as `RBB`), or null when no bureau has that code.',
    args: { code: t.arg.string({ required: true, description: 'The bureau code, such as RBB or HQ.' }) },
    resolve: (query, _root, args, context) =>
      runOnce(context.db.query.regions.findFirst(query({ where: { code: args.code.trim().toUpperCase() } }))),
  }),
}));
