import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { oneOf, quantity } from './columns';
import { METRIC_CODE_PATTERN, TARGET_SCOPES } from './enums';
import { countries, regions } from './regions';

/**
 * A target: metric × scope (GLOBAL, one region or one country) × year, optionally a quarter.
 * `scopeCode` is `GLOBAL`, the region code or the country ISO3 (the CSV's `scope` column).
 * Every change bumps `version` and is kept in `target_versions`.
 */
export const targets = pgTable(
  'targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    metricCode: text('metric_code').notNull(),
    scopeType: text('scope_type', { enum: TARGET_SCOPES }).notNull(),
    scopeCode: text('scope_code').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    countryIso3: text('country_iso3').references(() => countries.iso3),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    value: quantity('value').notNull(),
    version: integer('version').notNull().default(1),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('targets_key').on(t.metricCode, t.scopeCode, t.year, t.quarter).nullsNotDistinct(),
    check('targets_scope_type', oneOf('scope_type', TARGET_SCOPES)),
    check(
      'targets_scope_consistent',
      sql`(scope_type = 'GLOBAL' AND scope_code = 'GLOBAL' AND region_code IS NULL AND country_iso3 IS NULL)
        OR (scope_type = 'REGION' AND region_code = scope_code AND country_iso3 IS NULL)
        OR (scope_type = 'COUNTRY' AND country_iso3 = scope_code AND region_code IS NULL)`,
    ),
    check('targets_quarter', sql`${t.quarter} IS NULL OR ${t.quarter} BETWEEN 1 AND 4`),
    check('targets_year', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('targets_value_non_negative', sql`${t.value} >= 0`),
    check('targets_metric_code', sql.raw(`metric_code ~ '${METRIC_CODE_PATTERN}'`)),
    index('targets_year_metric_idx').on(t.year, t.metricCode),
  ],
);

/** The history of a target: every value it has had, who set it and when. */
export const targetVersions = pgTable(
  'target_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    value: quantity('value').notNull(),
    previousValue: quantity('previous_value'),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('target_versions_key').on(t.targetId, t.version)],
);
