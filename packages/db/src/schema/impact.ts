import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, externalRef, isoDate, quantity } from './columns';
import { METRIC_CODE_PATTERN } from './enums';
import { objectives } from './objectives';
import { partnerships } from './partnerships';
import { countries, regions } from './regions';

/** One observation of an impact or enabler metric (people reached, meals, workplans...). */
export const impactRecords = pgTable(
  'impact_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    externalRef: externalRef(),
    date: isoDate('date').notNull(),
    metricCode: text('metric_code').notNull(),
    value: quantity('value').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    countryIso3: text('country_iso3').references(() => countries.iso3),
    partnershipId: integer('partnership_id').references(() => partnerships.id),
    objectiveCode: text('objective_code')
      .notNull()
      .references(() => objectives.code),
    createdAt: createdAt(),
  },
  (t) => [
    check('impact_records_value_non_negative', sql`${t.value} >= 0`),
    check('impact_records_metric_code', sql.raw(`metric_code ~ '${METRIC_CODE_PATTERN}'`)),
    index('impact_records_metric_date_idx').on(t.metricCode, t.date),
    index('impact_records_region_metric_date_idx').on(t.regionCode, t.metricCode, t.date),
    index('impact_records_partnership_idx').on(t.partnershipId),
  ],
);
