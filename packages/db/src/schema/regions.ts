import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { isoDate } from './columns';

/** A regional bureau, or the `HQ` pseudo-region for global and headquarters-led fundraising. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    city: text('city'),
  },
  (t) => [check('regions_code_format', sql`${t.code} ~ '^[A-Z]{2,3}$'`)],
);

/** A country office. `regionCode` is the bureau it belongs to today. */
export const countries = pgTable(
  'countries',
  {
    iso3: text('iso3').primaryKey(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [
    check('countries_iso3_format', sql`${t.iso3} ~ '^[A-Z]{3}$'`),
    index('countries_region_idx').on(t.regionCode),
  ],
);

/**
 * Which bureau a country belonged to, and when: a country can move from one bureau to
 * another (Sudan did). `validTo` is null for the current membership.
 */
export const countryMemberships = pgTable(
  'country_memberships',
  {
    countryIso3: text('country_iso3')
      .notNull()
      .references(() => countries.iso3),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    validFrom: isoDate('valid_from').notNull(),
    validTo: isoDate('valid_to'),
  },
  (t) => [
    primaryKey({ columns: [t.countryIso3, t.validFrom] }),
    check('country_memberships_range', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);
