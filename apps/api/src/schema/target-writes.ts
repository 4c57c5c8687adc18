import {
  type Database,
  recordAudit,
  regions,
  selectRows,
  type TargetScope,
  type Transaction,
  targets,
  targetVersions,
} from '@panorama/db';
import { isMetricCode, METRIC_CODES, type MetricUnit, metricDefinition } from '@panorama/metrics';
import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';
import { canonicalDecimal, checkDecimal, type DecimalRule, RATE_RULE } from './decimal-input';
import { InvalidInputError, VersionConflictError } from './errors';
import { InputProblems, normalizedCode } from './input-problems';
import { isStrategyYear, STRATEGY_PERIOD } from './strategy-period';
import { assertMayWrite, writeChange } from './write-access';

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

export type TargetRow = typeof targets.$inferSelect;

/** The name of targets in the audit trail. */
const TARGET_ENTITY = 'Target';

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
interface LocatedScope {
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
interface CheckedTarget {
  metricCode: string;
  scope: LocatedScope;
  year: number;
  quarter: number | null;
  value: string;
}

/** Checks every field of a `setTarget` input; refuses it with every problem found. */
async function checkTarget(db: Database, input: SetTargetInput): Promise<CheckedTarget> {
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

/** `REVENUE_USD of RBN in 2025 Q2`: a target named for people. */
function targetName(target: Pick<TargetRow, 'metricCode' | 'scopeCode' | 'year' | 'quarter'>): string {
  return `${target.metricCode} of ${target.scopeCode} in ${target.year}${target.quarter ? ` Q${target.quarter}` : ''}`;
}

/** The stored target of a key, locked until the transaction ends; undefined when there is none. */
async function lockTarget(tx: Transaction, target: CheckedTarget): Promise<TargetRow | undefined> {
  const [row] = await tx
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.metricCode, target.metricCode),
        eq(targets.scopeCode, target.scope.scopeCode),
        eq(targets.year, target.year),
        sql`${targets.quarter} IS NOT DISTINCT FROM ${target.quarter}::integer`,
      ),
    )
    .for('update');
  return row;
}

/** The refusal of a save over a version other than the one stored, with both values. */
function conflict(current: TargetRow, expectedVersion: number | null | undefined, yourValue: string) {
  const currentValue = canonicalDecimal(current.value);
  const expected = expectedVersion ?? 0;
  const read = expected === 0 ? 'when you read it, it had no value' : `you read version ${expected}`;
  return new VersionConflictError(
    `${targetName(current)} is now ${currentValue} (version ${current.version}, set by ${current.setBy} at ${current.setAt.toISOString()}), but ${read}: your value ${yourValue} was not saved. Look at the current value; to replace it, save again with expectedVersion ${current.version}.`,
    expected,
    current.version,
    yourValue,
    currentValue,
    current.setBy,
  );
}

/** Creates a target at version 1, with its first version and its audit entry. */
async function createTarget(
  tx: Transaction,
  viewer: Viewer,
  target: CheckedTarget,
  expectedVersion: number | null | undefined,
): Promise<TargetRow> {
  if (expectedVersion != null) {
    const name = targetName({ ...target, scopeCode: target.scope.scopeCode });
    throw new InvalidInputError([
      {
        field: 'expectedVersion',
        message: `${name} has no value yet, so it has no version ${expectedVersion}: leave expectedVersion empty to create it`,
      },
    ]);
  }
  const { scope } = target;
  const [created] = await tx
    .insert(targets)
    .values({
      metricCode: target.metricCode,
      scopeType: scope.scopeType,
      scopeCode: scope.scopeCode,
      regionCode: scope.regionCode,
      countryIso3: scope.countryIso3,
      year: target.year,
      quarter: target.quarter,
      value: target.value,
      version: 1,
      setBy: viewer.email,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    // Someone created it since the lock was looked for: theirs stands.
    const theirs = await lockTarget(tx, target);
    if (!theirs) throw new Error('The target was neither created nor found.');
    throw conflict(theirs, null, target.value);
  }
  await tx.insert(targetVersions).values({
    targetId: created.id,
    version: 1,
    value: created.value,
    previousValue: null,
    setBy: viewer.email,
    setAt: created.setAt,
  });
  await recordAudit(tx, viewer, {
    action: 'CREATE',
    entity: TARGET_ENTITY,
    entityId: created.id,
    regionCode: scope.writerRegion,
    after: created,
  });
  return created;
}

/** Replaces a target's value, bumping its version, with the version kept and its audit entry. */
async function replaceTarget(
  tx: Transaction,
  viewer: Viewer,
  current: TargetRow,
  target: CheckedTarget,
): Promise<TargetRow> {
  const [updated] = await tx
    .update(targets)
    .set({ value: target.value, version: current.version + 1, setBy: viewer.email, setAt: sql`now()` })
    .where(eq(targets.id, current.id))
    .returning();
  if (!updated) throw new Error('The target was not updated.');
  await tx.insert(targetVersions).values({
    targetId: updated.id,
    version: updated.version,
    value: updated.value,
    previousValue: current.value,
    setBy: viewer.email,
    setAt: updated.setAt,
  });
  await recordAudit(tx, viewer, {
    action: 'UPDATE',
    entity: TARGET_ENTITY,
    entityId: updated.id,
    regionCode: target.scope.writerRegion,
    before: current,
    after: updated,
  });
  return updated;
}

/**
 * Sets a target's value: creates it (version 1) or replaces it when `expectedVersion` is the
 * version stored, bumping the version. Each change appends to `target_versions` and to the
 * audit trail, in one transaction. Saving the value already stored changes nothing.
 */
export async function setTarget(context: Context, input: SetTargetInput): Promise<TargetRow> {
  return writeChange(context, async (tx, viewer) => {
    const target = await checkTarget(tx, input);
    assertMayWrite(viewer, target.scope.writerRegion);
    const current = await lockTarget(tx, target);
    if (!current) return createTarget(tx, viewer, target, input.expectedVersion);
    if (input.expectedVersion !== current.version) throw conflict(current, input.expectedVersion, target.value);
    if (canonicalDecimal(current.value) === target.value) return current;
    return replaceTarget(tx, viewer, current, target);
  });
}
