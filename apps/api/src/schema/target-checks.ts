import { type Database, regions, selectRows, type TargetScope } from '@panorama/db';
import { isMetricCode, METRIC_CODES, type MetricUnit, metricDefinition } from '@panorama/metrics';
import { eq, sql } from 'drizzle-orm';
import { checkDecimal, type DecimalRule, RATE_RULE } from './decimal-input';
import { InputProblems, normalizedCode } from './input-problems';
import { isStrategyYear, STRATEGY_PERIOD } from './strategy-period';

/**
 * The checks of a `setTarget` input (`target-writes.ts`): the metric, the year and quarter, the
 * value by the metric's unit, and the scope, with the region whose writers may set it.
 */

/** What `setTarget` receives. */
export interface SetTargetInput {
  metricCode: string;
  scopeType: TargetScope;
  scopeCode?: string | null;
  year: number;
  quarter?: number | null;
  value: string;
  expectedVersion?: number | null;
}

/** How many digits a target holds before the point (`numeric(18, 4)`). */
const TARGET_INTEGER_DIGITS = 14;

/** The decimal rule of a target's value, by the metric's unit. */
function targetValueRule(unit: MetricUnit): DecimalRule {
  switch (unit) {
    case 'RATE':
      return RATE_RULE;
    case 'USD':
      return {
        maxScale: 2,
        scaleMessage: 'is in US dollars: at most 2 decimal places (cents)',
        maxIntegerDigits: TARGET_INTEGER_DIGITS,
      };
    case 'COUNT':
    case 'PEOPLE':
    case 'MEALS':
      return {
        maxScale: 0,
        scaleMessage: `counts ${unit.toLowerCase()}: it must be a whole number`,
        maxIntegerDigits: TARGET_INTEGER_DIGITS,
      };
    default:
      return {
        maxScale: 4,
        scaleMessage: 'has at most 4 decimal places',
        maxIntegerDigits: TARGET_INTEGER_DIGITS,
      };
  }
}

/** Where a target sits: its scope columns, and the region that may write it (null: GLOBAL, admins only). */
export interface LocatedScope {
  scopeType: TargetScope;
  scopeCode: string;
  regionCode: string | null;
  countryIso3: string | null;
  writerRegion: string | null;
}

/**
 * Locates a target's scope, or says why it cannot: the region that writes a COUNTRY target is the
 * country's bureau in the target's year, exactly as the row-level security policy computes it.
 */
async function locateScope(
  db: Database,
  scopeType: TargetScope,
  rawCode: string | null | undefined,
  year: number,
): Promise<LocatedScope | { problem: string }> {
  const code = normalizedCode(rawCode);
  if (scopeType === 'GLOBAL') {
    if (code && code !== 'GLOBAL') return { problem: `must be empty or GLOBAL for a GLOBAL target; got ${code}` };
    return { scopeType, scopeCode: 'GLOBAL', regionCode: null, countryIso3: null, writerRegion: null };
  }
  if (!code) return { problem: `is needed for a ${scopeType} target: give the ${describeScope(scopeType)}` };
  if (scopeType === 'REGION') {
    const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
    if (!region) return { problem: `is not a region: ${code}; give the ${describeScope(scopeType)}` };
    return { scopeType, scopeCode: code, regionCode: code, countryIso3: null, writerRegion: code };
  }
  const [located] = await selectRows<{ known: boolean; region: string | null }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM countries WHERE iso3 = ${code}) AS known,
          panorama_target_region('COUNTRY', ${code}, ${year}::integer) AS region`,
  );
  if (!located?.known) return { problem: `is not a country office: ${code}; give the ${describeScope(scopeType)}` };
  if (!located.region) return { problem: `${code} had no bureau in ${year}: it was not a country office that year` };
  return { scopeType, scopeCode: code, regionCode: null, countryIso3: code, writerRegion: located.region };
}

function describeScope(scopeType: TargetScope): string {
  return scopeType === 'REGION' ? 'bureau code, such as RBN (or HQ)' : "country office's ISO3 code, such as KEN";
}

/**
 * The region whose writers may set this target (null: GLOBAL, admins only), or undefined when the
 * input names no valid scope: for the mutation's scopes, before anything is checked.
 */
export async function targetWriterRegion(db: Database, input: SetTargetInput): Promise<string | null | undefined> {
  const scope = await locateScope(db, input.scopeType, input.scopeCode, input.year);
  return 'problem' in scope ? undefined : scope.writerRegion;
}

/** A checked `setTarget` input: the target's key and its value in canonical decimal text. */
export interface CheckedTarget {
  metricCode: string;
  scope: LocatedScope;
  year: number;
  quarter: number | null;
  value: string;
}

/** Checks every field of a `setTarget` input; refuses it with every problem found. */
export async function checkTarget(db: Database, input: SetTargetInput): Promise<CheckedTarget> {
  const problems = new InputProblems();
  const metricCode = input.metricCode.trim().toUpperCase();
  const metric = isMetricCode(metricCode) ? metricDefinition(metricCode) : null;
  if (!metric) {
    problems.add(
      'metricCode',
      `is not a metric of the catalog: ${JSON.stringify(input.metricCode)}; use one of ${METRIC_CODES.join(', ')}`,
    );
  }
  if (!isStrategyYear(input.year)) {
    problems.add(
      'year',
      `${input.year} is outside the strategy: targets are set for ${STRATEGY_PERIOD.firstYear} to ${STRATEGY_PERIOD.lastYear}`,
    );
  }
  const quarter = input.quarter ?? null;
  if (quarter !== null && ![1, 2, 3, 4].includes(quarter)) {
    problems.add('quarter', `must be 1, 2, 3 or 4, or empty for the whole year; got ${quarter}`);
  }
  const value = checkDecimal(problems, 'value', input.value, targetValueRule(metric?.unit ?? 'TONNES'));
  if (input.expectedVersion != null && input.expectedVersion < 1) {
    problems.add(
      'expectedVersion',
      `must be the target's version as you read it (1 or more), or empty to create the target; got ${input.expectedVersion}`,
    );
  }
  const scope = await locateScope(db, input.scopeType, input.scopeCode, input.year);
  if ('problem' in scope) problems.add('scopeCode', scope.problem);
  problems.throwIfAny();
  if (value === null || 'problem' in scope) throw new Error('unreachable: problems were reported');
  return { metricCode, scope, year: input.year, quarter, value };
}
