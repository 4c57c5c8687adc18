import { sql } from 'drizzle-orm';
import { check, customType, date, integer, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core';

/**
 * Rollups: the fact tables summed per slice and period, so that the metrics engine reads a few
 * thousand rows where the fact tables hold millions. Triggers on contributions, impact records
 * and partners keep them in step with every write, in the writing transaction (see the
 * `rollup_maintenance` migration); the engine falls back to the fact tables for what a rollup
 * cannot answer. Nothing else writes them.
 *
 * Each row is one slice in one bucket: `grain` says which kind of bucket — `A` all time (its
 * `bucket` is -infinity), `Y` a calendar year, `M` a month, `D` a day — and `bucket` is the
 * bucket's first day. A slice without contributions (or records) has no row. Each key starts
 * with grain, bucket and region, the way queries read them (a period's buckets, often of one region).
 */

/** The days of a year a partner gave on, one bit each: bit 0 is 1 January, bit 365 a leap year's 31 December. */
const yearDays = customType<{ data: string }>({ dataType: () => 'bit(366)' });

const grain = (name: string, grains: readonly string[]) =>
  check(name, sql.raw(`grain IN (${grains.map((value) => `'${value}'`).join(', ')})`));

/** Which bucket a row sums: its grain and the bucket's first day. */
const bucketColumns = () => ({
  grain: text('grain').notNull(),
  bucket: date('bucket', { mode: 'string' }).notNull(),
});

/** What a slice of contributions sums. */
const contributionSums = () => ({
  revenueUsd: numeric('revenue_usd').notNull(),
  contributionCount: integer('contribution_count').notNull(),
});

/** A partner's days: its first gift's day (all-time rows), the days and months it gave in (yearly rows). */
const dayColumns = () => ({
  firstDay: date('first_day', { mode: 'string' }),
  activeDays: yearDays('active_days'),
  /** The months of `activeDays` with a day given on, one bit each: bit 0 is January. */
  activeMonths: integer('active_months'),
});

/** All-time rows have a first day, yearly rows their days and months; nothing else has either. */
const partnerDaysCheck = (name: string) =>
  check(
    name,
    sql`(grain = 'A') = (first_day IS NOT NULL) AND (grain = 'Y') = (active_days IS NOT NULL)
        AND (grain = 'Y') = (active_months IS NOT NULL)`,
  );

/** Revenue and contribution count per year and month × region × country × income stream × partner type × objective × kind. */
export const contributionTotals = pgTable(
  'contribution_totals',
  {
    ...bucketColumns(),
    regionCode: text('region_code').notNull(),
    incomeStream: text('income_stream').notNull(),
    partnerType: text('partner_type').notNull(),
    objectiveCode: text('objective_code').notNull(),
    kind: text('kind').notNull(),
    countryIso3: text('country_iso3'),
    ...contributionSums(),
  },
  (t) => [
    unique('contribution_totals_key')
      .on(t.grain, t.bucket, t.regionCode, t.incomeStream, t.partnerType, t.objectiveCode, t.kind, t.countryIso3)
      .nullsNotDistinct(),
    grain('contribution_totals_grain', ['Y', 'M']),
  ],
);

/** The same per year, month and day, for region × income stream × partner type × kind only. */
export const contributionTotalsByRegion = pgTable(
  'contribution_totals_by_region',
  {
    ...bucketColumns(),
    regionCode: text('region_code').notNull(),
    incomeStream: text('income_stream').notNull(),
    partnerType: text('partner_type').notNull(),
    kind: text('kind').notNull(),
    ...contributionSums(),
  },
  (t) => [
    unique('contribution_totals_by_region_key').on(
      t.grain,
      t.bucket,
      t.regionCode,
      t.incomeStream,
      t.partnerType,
      t.kind,
    ),
    grain('contribution_totals_by_region_grain', ['Y', 'M', 'D']),
  ],
);

/**
 * Each partner's giving per slice (region × country × income stream × objective × kind): per
 * year, its revenue, count and the days and months it gave in (`activeDays`, `activeMonths`);
 * over all time (`A`), the same sums and its first gift's day (`firstDay`). Partner type is the
 * partner's, read from partners.
 */
export const partnerActivity = pgTable(
  'partner_activity',
  {
    ...bucketColumns(),
    partnerId: integer('partner_id').notNull(),
    regionCode: text('region_code').notNull(),
    incomeStream: text('income_stream').notNull(),
    objectiveCode: text('objective_code').notNull(),
    kind: text('kind').notNull(),
    countryIso3: text('country_iso3'),
    ...contributionSums(),
    ...dayColumns(),
  },
  (t) => [
    unique('partner_activity_key')
      .on(t.grain, t.bucket, t.regionCode, t.partnerId, t.incomeStream, t.objectiveCode, t.kind, t.countryIso3)
      .nullsNotDistinct(),
    grain('partner_activity_grain', ['A', 'Y']),
    partnerDaysCheck('partner_activity_days'),
  ],
);

/** The same per region × income stream × kind only. */
export const partnerActivityByRegion = pgTable(
  'partner_activity_by_region',
  {
    ...bucketColumns(),
    partnerId: integer('partner_id').notNull(),
    regionCode: text('region_code').notNull(),
    incomeStream: text('income_stream').notNull(),
    kind: text('kind').notNull(),
    ...contributionSums(),
    ...dayColumns(),
  },
  (t) => [
    unique('partner_activity_by_region_key').on(t.grain, t.bucket, t.regionCode, t.partnerId, t.incomeStream, t.kind),
    grain('partner_activity_by_region_grain', ['A', 'Y']),
    partnerDaysCheck('partner_activity_by_region_days'),
  ],
);

/**
 * Each partner's days per region, all income streams and kinds together: a partner gives in
 * several streams and kinds, so this keeps about half the rows of `partnerActivityByRegion` for
 * the queries of active, new and retained partners that are cut by region at most.
 * `contributionCount` is there to tell a slice that still has contributions.
 */
export const partnerDaysByRegion = pgTable(
  'partner_days_by_region',
  {
    ...bucketColumns(),
    regionCode: text('region_code').notNull(),
    partnerId: integer('partner_id').notNull(),
    contributionCount: integer('contribution_count').notNull(),
    ...dayColumns(),
  },
  (t) => [
    unique('partner_days_by_region_key').on(t.grain, t.bucket, t.regionCode, t.partnerId),
    grain('partner_days_by_region_grain', ['A', 'Y']),
    partnerDaysCheck('partner_days_by_region_days'),
  ],
);

/** The same per region and country (a contribution may have no country, as in `partnerActivity`). */
export const partnerDaysByCountry = pgTable(
  'partner_days_by_country',
  {
    ...bucketColumns(),
    regionCode: text('region_code').notNull(),
    countryIso3: text('country_iso3'),
    partnerId: integer('partner_id').notNull(),
    contributionCount: integer('contribution_count').notNull(),
    ...dayColumns(),
  },
  (t) => [
    unique('partner_days_by_country_key')
      .on(t.grain, t.bucket, t.regionCode, t.countryIso3, t.partnerId)
      .nullsNotDistinct(),
    grain('partner_days_by_country_grain', ['A', 'Y']),
    partnerDaysCheck('partner_days_by_country_days'),
  ],
);

/** The same per partner alone, over every region: one row per partner and year, for the uncut figures. */
export const partnerDays = pgTable(
  'partner_days',
  {
    ...bucketColumns(),
    partnerId: integer('partner_id').notNull(),
    contributionCount: integer('contribution_count').notNull(),
    ...dayColumns(),
  },
  (t) => [
    unique('partner_days_key').on(t.grain, t.bucket, t.partnerId),
    grain('partner_days_grain', ['A', 'Y']),
    partnerDaysCheck('partner_days_days'),
  ],
);

/**
 * Active, new and retained partners counted per calendar year, over every region (`level` A),
 * per region (R) and per region and country (C; a null country is the contributions without
 * one): what the partner days rollups give for a whole year, counted once per write rather than
 * at every read. `retainedPartners` are the partners active in the year and in the year before,
 * `previousActivePartners` those active in the year before (the retention rate's base). A row
 * exists where one of the counts is not zero; counted again from the partner days of the slices
 * a write touched, in the writing transaction.
 */
export const partnerCounts = pgTable(
  'partner_counts',
  {
    level: text('level').notNull(),
    bucket: date('bucket', { mode: 'string' }).notNull(),
    regionCode: text('region_code'),
    countryIso3: text('country_iso3'),
    activePartners: integer('active_partners').notNull(),
    newPartners: integer('new_partners').notNull(),
    retainedPartners: integer('retained_partners').notNull(),
    previousActivePartners: integer('previous_active_partners').notNull(),
  },
  (t) => [
    unique('partner_counts_key').on(t.level, t.bucket, t.regionCode, t.countryIso3).nullsNotDistinct(),
    check(
      'partner_counts_level',
      sql`level IN ('A', 'R', 'C') AND (level = 'A') = (region_code IS NULL) AND (level = 'C' OR country_iso3 IS NULL)`,
    ),
  ],
);

/** Impact and enabler records summed per year and month × metric × region × country × objective. */
export const impactTotals = pgTable(
  'impact_totals',
  {
    ...bucketColumns(),
    metricCode: text('metric_code').notNull(),
    regionCode: text('region_code').notNull(),
    objectiveCode: text('objective_code').notNull(),
    countryIso3: text('country_iso3'),
    value: numeric('value').notNull(),
    recordCount: integer('record_count').notNull(),
  },
  (t) => [
    unique('impact_totals_key')
      .on(t.grain, t.bucket, t.metricCode, t.regionCode, t.objectiveCode, t.countryIso3)
      .nullsNotDistinct(),
    grain('impact_totals_grain', ['Y', 'M']),
  ],
);
