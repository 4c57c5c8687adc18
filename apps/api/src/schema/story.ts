import { stories } from '@panorama/db';
import { and, type SQL, sql } from 'drizzle-orm';
import { builder } from '../builder';
import { countedConnection, type NodeNames, orderByOf, orderInput } from './connection';
import { SIGNED_IN_TYPE } from './detail-access';
import { codeIn, dateBetween } from './filter-conditions';

const NAMES: NodeNames = { type: 'Story', singular: 'story', plural: 'stories' };

export const Story = builder.drizzleNode('stories', {
  ...SIGNED_IN_TYPE,
  name: NAMES.type,
  description: 'An example from the field, shown on a regional panorama.',
  id: { column: (story) => story.id },
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The story’s title.' }),
    summary: t.exposeString('summary', { description: 'A short account of what happened.' }),
    date: t.expose('storyDate', { type: 'Date', description: 'The day the story happened or was reported.' }),
    region: t.relation('region', { description: 'The bureau whose panorama shows it.' }),
    country: t.relation('country', { nullable: true, description: 'The country office it comes from, if one.' }),
    partnership: t.relation('partnership', {
      nullable: true,
      // Partner-level detail: null rather than an error for a REGIONAL user of another region.
      authScopes: (story) => ({ detailOf: story.regionCode }),
      unauthorizedResolver: () => null,
      description:
        'The partnership it tells about, if any; null too when you may not read the bureau’s partner-level detail (a REGIONAL user reading another bureau’s story).',
    }),
  }),
});

export const StoryConnection = countedConnection(Story, NAMES);

const StoryFilter = builder.inputType('StoryFilter', {
  description: 'Keeps the stories that match every condition given.',
  fields: (t) => ({
    regionCodes: t.stringList({ required: false, description: 'Of one of these bureaux (codes, such as RBN).' }),
    countryIsos: t.stringList({ required: false, description: 'From one of these country offices (ISO3 codes).' }),
    dateFrom: t.field({ type: 'Date', required: false, description: 'Dated on or after this day.' }),
    dateTo: t.field({ type: 'Date', required: false, description: 'Dated on or before this day.' }),
  }),
});

const StoryOrder = orderInput(NAMES, {
  DATE: { value: 'storyDate', description: 'The story’s date.' },
  TITLE: { value: 'title', description: 'The story’s title.' },
});

/** The `filter` and `orderBy` arguments of every list of stories. */
export const storyListArgs = builder.args((t) => ({
  filter: t.field({ type: StoryFilter, required: false, description: 'Which stories to keep.' }),
  orderBy: t.field({ type: StoryOrder, required: false, description: 'The order of the list; default: newest first.' }),
}));

interface StoryListArgs {
  filter?: typeof StoryFilter.$inferInput | null;
  orderBy?: typeof StoryOrder.$inferInput | null;
}

/** The SQL condition of a story filter, for `table` as the query names it. */
function storyCondition(filter: StoryListArgs['filter'], table: typeof stories = stories): SQL | undefined {
  if (!filter) return undefined;
  return and(
    codeIn(table.regionCode, filter.regionCodes),
    codeIn(table.countryIso3, filter.countryIsos),
    dateBetween(table.storyDate, filter.dateFrom, filter.dateTo),
  );
}

/** The relational query of a list of stories: its filter and its order. */
export function storyQuery(args: StoryListArgs) {
  return {
    where: { RAW: (table: typeof stories) => storyCondition(args.filter, table) ?? sql`true` },
    orderBy: orderByOf(args.orderBy, { storyDate: 'desc' }),
  };
}

builder.queryFields((t) => ({
  stories: t.drizzleConnection(
    {
      type: 'stories',
      description: 'Stories from the field, a page at a time (newest first unless `orderBy` says otherwise).',
      args: storyListArgs,
      totalCount: (_root, args, context) => context.db.$count(stories, storyCondition(args.filter)),
      resolve: (query, _root, args, context) => context.db.query.stories.findMany(query(storyQuery(args))),
    },
    StoryConnection,
  ),
}));
