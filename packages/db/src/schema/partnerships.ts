import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, externalRef, isoDate, oneOf } from './columns';
import { MODALITIES, PARTNERSHIP_STATUSES } from './enums';
import { objectives } from './objectives';
import { partners } from './partners';
import { countries, regions } from './regions';

/** A partner's engagement with an office (region, optionally a country) towards one objective. */
export const partnerships = pgTable(
  'partnerships',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    externalRef: externalRef(),
    name: text('name').notNull(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    countryIso3: text('country_iso3').references(() => countries.iso3),
    objectiveCode: text('objective_code')
      .notNull()
      .references(() => objectives.code),
    modality: text('modality', { enum: MODALITIES }).notNull(),
    status: text('status', { enum: PARTNERSHIP_STATUSES }).notNull(),
    startDate: isoDate('start_date').notNull(),
    endDate: isoDate('end_date'),
    createdAt: createdAt(),
  },
  (t) => [
    check('partnerships_modality', oneOf('modality', MODALITIES)),
    check('partnerships_status', oneOf('status', PARTNERSHIP_STATUSES)),
    check('partnerships_dates', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
    index('partnerships_partner_idx').on(t.partnerId),
    index('partnerships_region_idx').on(t.regionCode, t.objectiveCode),
  ],
);
