import { type Database, loginThrottle } from '@panorama/db';
import { eq, sql } from 'drizzle-orm';

/** How sign-in failures are slowed down, then locked out, per account. */
export interface ThrottlePolicy {
  /** Failures in a row that lock the account's sign-in. */
  maxFailures: number;
  /** How long the lock lasts. */
  lockSeconds: number;
  /** The delay after the first failure; it doubles with each further one, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  maxFailures: 5,
  lockSeconds: 900,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
};

/** When the account's sign-in is locked until, or null when it is not locked. */
export async function lockedUntil(db: Database, email: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(sql`${loginThrottle.email} = ${email} AND ${loginThrottle.lockedUntil} > now()`);
  return row?.lockedUntil ?? null;
}

/**
 * Counts a failure; returns how long to wait before answering, and the lock's end when this
 * failure locked the account. A lock that has run out starts the count again.
 */
export async function recordFailure(
  db: Database,
  email: string,
  policy: ThrottlePolicy,
): Promise<{ delayMs: number; lockedUntil: Date | null }> {
  const [row] = await db
    .insert(loginThrottle)
    .values({ email, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.email,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.lockedUntil} <= now() THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        lastFailureAt: sql`now()`,
        lockedUntil: sql`CASE WHEN ${loginThrottle.lockedUntil} <= now() THEN NULL ELSE ${loginThrottle.lockedUntil} END`,
      },
    })
    .returning({ failures: loginThrottle.failures });
  const failures = row?.failures ?? 1;
  let locked: Date | null = null;
  if (failures >= policy.maxFailures) {
    const [lock] = await db
      .update(loginThrottle)
      .set({ lockedUntil: sql`now() + make_interval(secs => ${policy.lockSeconds})` })
      .where(eq(loginThrottle.email, email))
      .returning({ lockedUntil: loginThrottle.lockedUntil });
    locked = lock?.lockedUntil ?? null;
  }
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
  return { delayMs, lockedUntil: locked };
}

/** A successful sign-in forgets the failures before it. */
export async function clearFailures(db: Database, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.email, email));
}
