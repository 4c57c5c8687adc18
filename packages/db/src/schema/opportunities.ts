import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, isoDate, moneyUsd, oneOf, updatedAt } from './columns';
import { OPPORTUNITY_STAGES } from './enums';
import { objectives } from './objectives';
import { partners } from './partners';
import { countries, regions } from './regions';

/** The prospecting pipeline: a possible gift from a partner or a named prospect. */
export const opportunities = pgTable(
  'opportunities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    partnerId: integer('partner_id').references(() => partners.id),
    prospectName: text('prospect_name'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    countryIso3: text('country_iso3').references(() => countries.iso3),
    objectiveCode: text('objective_code').references(() => objectives.code),
    stage: text('stage', { enum: OPPORTUNITY_STAGES }).notNull(),
    amountUsd: moneyUsd('amount_usd').notNull(),
    probability: numeric('probability', { precision: 5, scale: 4 }).notNull(),
    expectedCloseDate: isoDate('expected_close_date').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('opportunities_stage', oneOf('stage', OPPORTUNITY_STAGES)),
    check('opportunities_amount_non_negative', sql`${t.amountUsd} >= 0`),
    check('opportunities_probability', sql`${t.probability} BETWEEN 0 AND 1`),
    check('opportunities_who', sql`${t.partnerId} IS NOT NULL OR ${t.prospectName} IS NOT NULL`),
    index('opportunities_close_idx').on(t.expectedCloseDate, t.regionCode),
  ],
);
