import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, externalRef, oneOf } from './columns';
import { PARTNER_SCOPES, PARTNER_TYPES } from './enums';
import { countries, regions } from './regions';

/**
 * A company, foundation, high-net-worth individual, individual-giving channel or national
 * friends' association. `regionCode` is the office that manages the relationship.
 */
export const partners = pgTable(
  'partners',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    externalRef: externalRef(),
    name: text('name').notNull(),
    partnerType: text('partner_type', { enum: PARTNER_TYPES }).notNull(),
    sector: text('sector'),
    scope: text('scope', { enum: PARTNER_SCOPES }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    countryIso3: text('country_iso3').references(() => countries.iso3),
    createdAt: createdAt(),
  },
  (t) => [
    check('partners_type', oneOf('partner_type', PARTNER_TYPES)),
    check('partners_scope', oneOf('scope', PARTNER_SCOPES)),
    index('partners_region_idx').on(t.regionCode),
    index('partners_name_idx').on(t.name),
  ],
);
