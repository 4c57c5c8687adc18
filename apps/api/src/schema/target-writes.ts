import { recordAudit, type Transaction, targets, targetVersions } from '@panorama/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';
import { canonicalDecimal } from './decimal-input';
import { InvalidInputError, VersionConflictError } from './errors';
import { type CheckedTarget, checkTarget, type SetTargetInput } from './target-checks';
import { assertMayWrite, writeChange } from './write-access';

export type TargetRow = typeof targets.$inferSelect;

/** The name of targets in the audit trail. */
const TARGET_ENTITY = 'Target';

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
