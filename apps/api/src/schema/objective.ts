import { builder } from '../builder';
import { ContributionConnection, contributionListArgs, contributionQuery } from './contribution';
import { SIGNED_IN_TYPE } from './detail-access';
import { detailFilterScopes } from './detail-filters';
import { PillarEnum } from './enums';
import { ImpactRecordConnection, impactRecordListArgs, impactRecordQuery } from './impact-record';
import { PartnershipConnection, partnershipListArgs, partnershipQuery } from './partnership';
import { runOnce } from './run-once';

export const Objective = builder.drizzleNode('objectives', {
  ...SIGNED_IN_TYPE,
  name: 'Objective',
  description: 'A strategy objective, under one of the pillars INCOME, IMPACT, INNOVATION or ENABLER.',
  id: { column: (objective) => objective.code },
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The objective’s code, such as INC_GROWTH.' }),
    name: t.exposeString('name', { description: 'The objective’s name.' }),
    pillar: t.expose('pillar', { type: PillarEnum, description: 'The pillar of the strategy it belongs to.' }),
    description: t.exposeString('description', { description: 'What the objective is about.' }),
    sortOrder: t.exposeInt('sortOrder', { description: 'Its position in the strategy: lists show objectives by it.' }),
    partnerships: t.relatedConnection(
      'partnerships',
      {
        description:
          'The partnerships that serve it, by name unless `orderBy` says otherwise. A REGIONAL user reads only those of its own region.',
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
          'The contributions that count towards it, newest first unless `orderBy` says otherwise. A REGIONAL user reads only those of its own region.',
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
          'The impact records of its metrics, newest first unless `orderBy` says otherwise. A REGIONAL user reads only those of its own region.',
        args: impactRecordListArgs,
        authScopes: detailFilterScopes('impactRecord'),
        query: (args, context) => impactRecordQuery(args, context.viewer),
        totalCount: true,
      },
      ImpactRecordConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  objectives: t.drizzleField({
    type: [Objective],
    description: 'The strategy’s objectives, in the strategy’s order.',
    resolve: (query, _root, _args, context) =>
      runOnce(context.db.query.objectives.findMany(query({ orderBy: { sortOrder: 'asc', code: 'asc' } }))),
  }),
  objective: t.drizzleField({
    type: Objective,
    nullable: true,
    description: 'One objective by its code (such as `INC_GROWTH`), or null when no objective has that code.',
    args: { code: t.arg.string({ required: true, description: 'The objective’s code, such as INC_GROWTH.' }) },
    resolve: (query, _root, args, context) =>
      runOnce(context.db.query.objectives.findFirst(query({ where: { code: args.code.trim().toUpperCase() } }))),
  }),
}));
