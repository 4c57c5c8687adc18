import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, isoDate, oneOf } from './columns';
import { FIELD_NEED_STATUSES } from './enums';
import { objectives } from './objectives';
import { partnerships } from './partnerships';
import { countries, regions } from './regions';

/** A need identified by a country office that the private sector may meet. */
export const fieldNeeds = pgTable(
  'field_needs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    sector: text('sector'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    countryIso3: text('country_iso3').references(() => countries.iso3),
    objectiveCode: text('objective_code').references(() => objectives.code),
    status: text('status', { enum: FIELD_NEED_STATUSES }).notNull(),
    identifiedOn: isoDate('identified_on').notNull(),
    partnershipId: integer('partnership_id').references(() => partnerships.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('field_needs_status', oneOf('status', FIELD_NEED_STATUSES)),
    index('field_needs_region_idx').on(t.regionCode, t.status),
  ],
);
