import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, isoDate } from './columns';
import { partnerships } from './partnerships';
import { countries, regions } from './regions';

/** An example from the field, shown on a regional panorama. */
export const stories = pgTable(
  'stories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    countryIso3: text('country_iso3').references(() => countries.iso3),
    partnershipId: integer('partnership_id').references(() => partnerships.id),
    storyDate: isoDate('story_date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('stories_region_date_idx').on(t.regionCode, t.storyDate)],
);
