import {
  averageOfOthers,
  computeRows,
  lastDayWithData,
  type MetricCode,
  type MetricsRow,
  rankAndShare,
} from '@panorama/metrics';
import { GraphQLError } from 'graphql';
import { mayReadDetail } from '../auth/viewer';
import { builder } from '../builder';
import { SIGNED_IN_TYPE } from './detail-access';
import { FieldNeed } from './field-need';
import { MetricCodeEnum } from './metric-catalog';
import { MetricsRowRef } from './metric-value';
import { checkAsOf, checkYear } from './overview';
import { Region } from './region';
import { runOnce } from './run-once';
import {
  AS_OF_DESCRIPTION,
  keyFigures,
  type Part,
  part,
  type ScorecardShape,
  scorecard,
  scorecardFields,
  YEAR_ARGUMENT_DESCRIPTION,
} from './scorecard';
import { Story } from './story';

const PEER_METRICS: MetricCode[] = [
  'REVENUE_USD',
  'ACTIVE_PARTNERS',
  'NEW_PARTNERS',
  'PARTNER_RETENTION_RATE',
  'PIPELINE_WEIGHTED_USD',
  'BENEFICIARIES_REACHED',
];

interface PanoramaShape extends ScorecardShape {
  regionCode: string;
  /** Every region's headline figures: the peers' averages, the rank and the share come from them. */
  allRegions: Part<MetricsRow[]>;
  byCountry: Part<MetricsRow[]>;
  /** Null when the viewer may not read the region's partner-level detail. */
  topPartners: Part<MetricsRow[] | null>;
}

const PeerFigureRef = builder.objectRef<{ metric: MetricCode; value: string | null }>('PeerFigure');
PeerFigureRef.implement({
  ...SIGNED_IN_TYPE,
  description: 'The average of the other regions for one metric.',
  fields: (t) => ({
    metric: t.field({ type: MetricCodeEnum, description: 'Which metric.', resolve: (p) => p.metric as never }),
    value: t.float({
      nullable: true,
      description: 'The other regions’ average value, 1 January to asOf.',
      resolve: (p) => (p.value === null ? null : Number(p.value)),
    }),
  }),
});

/** The region's rank and share of revenue among all regions. */
async function standing(p: PanoramaShape) {
  return rankAndShare(await p.allRegions(), p.regionCode, 'REVENUE_USD');
}

const PanoramaRef = builder.objectRef<PanoramaShape>('Panorama');
PanoramaRef.implement({
  ...SIGNED_IN_TYPE,
  description: 'A regional team’s view: its region against its targets and against the other regions.',
  fields: (t) => ({
    ...scorecardFields(t, 'the region’s target'),
    region: t.field({
      type: Region,
      description: 'The region.',
      resolve: async (p, _a, ctx) => {
        const region = await ctx.loaders.region.load(p.regionCode);
        if (!region) throw new Error(`region ${p.regionCode} is missing`);
        return region;
      },
    }),
    peers: t.field({
      type: [PeerFigureRef],
      description: 'The average of the other regions for the headline metrics.',
      resolve: async (p) => averageOfOthers(await p.allRegions(), p.regionCode, PEER_METRICS),
    }),
    rank: t.int({
      description: 'The region’s rank by revenue among all regions, HQ included (1 = most).',
      resolve: async (p) => (await standing(p)).rank,
    }),
    regionCount: t.int({
      description: 'How many regions are ranked.',
      resolve: async (p) => (await standing(p)).regionCount,
    }),
    share: t.float({
      nullable: true,
      description: 'The region’s share of all regions’ revenue (0 to 1); null when nobody raised anything.',
      resolve: async (p) => (await standing(p)).share,
    }),
    byCountry: t.field({
      type: [MetricsRowRef],
      description: 'Key figures of each country office, against its targets.',
      resolve: (p) => p.byCountry(),
    }),
    topPartners: t.field({
      type: [MetricsRowRef],
      nullable: true,
      description:
        'The ten partners who gave most, 1 January to asOf. Partner-level detail: null when you may not read the region’s (a REGIONAL user reading another region’s panorama).',
      resolve: (p) => p.topPartners(),
    }),
    // Planned queries: they select what the request asks, the links included, in one statement.
    stories: t.drizzleField({
      type: [Story],
      description: 'The region’s stories from the field, newest first.',
      resolve: (query, p, _a, ctx) =>
        runOnce(
          ctx.db.query.stories.findMany(
            query({ where: { regionCode: p.regionCode }, orderBy: { storyDate: 'desc' }, limit: 12 }),
          ),
        ),
    }),
    fieldNeeds: t.drizzleField({
      type: [FieldNeed],
      description: 'The region’s field needs, open ones first.',
      resolve: (query, p, _a, ctx) =>
        runOnce(
          ctx.db.query.fieldNeeds.findMany(
            query({
              where: { regionCode: p.regionCode },
              orderBy: { status: 'desc', identifiedOn: 'desc' },
              limit: 50,
            }),
          ),
        ),
    }),
  }),
});

builder.queryField('panorama', (t) =>
  t.field({
    type: PanoramaRef,
    description: 'The panorama of one region for a year.',
    args: {
      regionCode: t.arg.string({ required: true, description: 'The region code, such as RBN or HQ.' }),
      year: t.arg.int({ required: true, description: YEAR_ARGUMENT_DESCRIPTION }),
      asOf: t.arg({ type: 'Date', required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (_root, args, context) => {
      checkYear(args.year);
      checkAsOf(args.year, args.asOf);
      const regionCode = args.regionCode.trim().toUpperCase();
      const { year } = args;
      // The region is checked while the last day with data is looked up.
      const [region, asOf] = await Promise.all([
        context.loaders.region.load(regionCode),
        args.asOf ?? lastDayWithData(context.db, year),
      ]);
      if (!region) {
        const known = (await context.db.query.regions.findMany({ orderBy: { code: 'asc' } })).map((r) => r.code);
        throw new GraphQLError(`Unknown region code ${args.regionCode}. Known: ${known.join(', ')}.`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'regionCode' },
        });
      }
      const filter = { regionCodes: [regionCode] };
      const card = scorecard(context, year, asOf, regionCode);
      // Every metric of every region: the peers, rank and share, and this region's own key
      // figures (its row is what the region's figures filtered alone would be).
      const allRegions = part(() => keyFigures(context, year, asOf, { groupBy: ['REGION'] }));
      return {
        ...card,
        kpis: part(async () => (await allRegions()).find((row) => row.regionCode === regionCode) ?? card.kpis()),
        regionCode,
        allRegions,
        byCountry: part(() =>
          keyFigures(context, year, asOf, {
            filter,
            groupBy: ['COUNTRY'],
            metrics: ['REVENUE_USD', 'ACTIVE_PARTNERS', 'BENEFICIARIES_REACHED'],
          }),
        ),
        topPartners: part(async () =>
          mayReadDetail(context.viewer, regionCode)
            ? computeRows(context.db, {
                metrics: ['REVENUE_USD', 'CONTRIBUTION_COUNT'],
                from: `${year}-01-01`,
                to: asOf,
                groupBy: ['PARTNER'],
                filter,
                compare: ['PREVIOUS_YEAR'],
                orderBy: [{ by: { metric: 'REVENUE_USD' }, direction: 'desc' }],
                limit: 10,
              })
            : null,
        ),
      };
    },
  }),
);
