import { apiTokens, type Database } from '@panorama/db';
import { type SQL, sql } from 'drizzle-orm';
import { newSecret, secretHash } from './secrets';

export interface IssuedApiToken {
  /** The secret, to show once: only its hash is stored. */
  token: string;
  row: typeof apiTokens.$inferSelect;
}

/**
 * Creates an API token for a user: a random secret, stored as its SHA-256 with a short prefix
 * to tell tokens apart. `lastDay` (YYYY-MM-DD): it works to the end of that day, in UTC.
 */
export async function issueApiToken(
  db: Database,
  { userId, name, lastDay }: { userId: number; name: string; lastDay?: string | null },
): Promise<IssuedApiToken> {
  const token = newSecret('pan_t');
  const expiresAt: SQL | null = lastDay ? sql`(${lastDay}::date + 1)::timestamptz` : null;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, prefix: token.slice(0, 12), tokenHash: secretHash(token), expiresAt })
    .returning();
  if (!row) throw new Error('The API token was not stored.');
  return { token, row };
}
