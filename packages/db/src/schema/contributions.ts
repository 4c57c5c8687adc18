import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, externalRef, isoDate, moneyUsd, oneOf } from './columns';
import { CONTRIBUTION_KINDS, INCOME_STREAMS } from './enums';
import { objectives } from './objectives';
import { partners } from './partners';
import { partnerships } from './partnerships';
import { countries, regions } from './regions';

/**
 * One gift or payment. `regionCode` is the bureau it was raised in, kept even when its
 * country later moves to another bureau.
 */
export const contributions = pgTable(
  'contributions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    externalRef: externalRef(),
    date: isoDate('date').notNull(),
    amountUsd: moneyUsd('amount_usd').notNull(),
    incomeStream: text('income_stream', { enum: INCOME_STREAMS }).notNull(),
    kind: text('kind', { enum: CONTRIBUTION_KINDS }).notNull(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    objectiveCode: text('objective_code')
      .notNull()
      .references(() => objectives.code),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    countryIso3: text('country_iso3').references(() => countries.iso3),
    partnershipId: integer('partnership_id').references(() => partnerships.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('contributions_amount_non_negative', sql`${t.amountUsd} >= 0`),
    check('contributions_income_stream', oneOf('income_stream', INCOME_STREAMS)),
    check('contributions_kind', oneOf('kind', CONTRIBUTION_KINDS)),
    index('contributions_date_idx').on(t.date),
    index('contributions_region_date_idx').on(t.regionCode, t.date),
    index('contributions_country_date_idx').on(t.countryIso3, t.date),
    index('contributions_partner_date_idx').on(t.partnerId, t.date),
    // Which partners gave in a region: a regional user's partner list (the API's partner access).
    index('contributions_partner_region_idx').on(t.partnerId, t.regionCode),
  ],
);
