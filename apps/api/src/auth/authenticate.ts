import { apiTokens, DATA_VERSION, type Database, dataVersion, selectRows, sessions, users } from '@panorama/db';
import { parseCookie, stringifySetCookie } from 'cookie';
import { and, eq, gt, type SQL, sql } from 'drizzle-orm';
import { newSecret, secretHash } from './secrets';
import type { Viewer } from './viewer';

/** The session cookie: HTTP-only, SameSite=Lax, for the whole site. */
export const SESSION_COOKIE = 'panorama_session';

/** What a request carries to say who it is. */
export interface Credentials {
  cookie?: string | undefined;
  authorization?: string | undefined;
}

/** A credential that is present but wrong: the request is refused, not served as anonymous. */
export class InvalidCredentialsError extends Error {
  override name = 'InvalidCredentialsError';
}

const userColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  regionCode: users.regionCode,
};

/**
 * The viewer a request's credentials name, or null for an anonymous request. A Bearer token
 * wins over the cookie; an unknown, expired or revoked Bearer token is an error, while a stale
 * cookie is merely ignored (the browser then shows the sign-in page).
 */
export async function authenticate(db: Database, credentials: Credentials): Promise<Viewer | null> {
  return (await lookUp(db, credentials, false)).viewer;
}

/** {@link authenticate}, and the data version, read in the same statement when there is one. */
export async function authenticateAtDataVersion(
  db: Database,
  credentials: Credentials,
): Promise<{ viewer: Viewer | null; version: string }> {
  const { viewer, version } = await lookUp(db, credentials, true);
  return { viewer, version: version ?? (await dataVersion(db)) };
}

async function lookUp(
  db: Database,
  credentials: Credentials,
  withVersion: boolean,
): Promise<{ viewer: Viewer | null; version?: string | undefined }> {
  const versionColumn = withVersion ? sql`, ${DATA_VERSION} AS version` : sql``;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(credentials.authorization ?? '')?.[1];
  if (credentials.authorization !== undefined && credentials.authorization !== '') {
    if (!bearer) throw new InvalidCredentialsError('The Authorization header must be `Bearer <token>`.');
    // One statement: find the token's user, and note the use at most once a minute.
    const [row] = await selectRows<Omit<Viewer, 'via'> & { version?: string }>(
      db,
      sql`WITH found AS (
            SELECT t.id AS token_id, t.last_used_at, u.id, u.email, u.name, u.role, u.region_code
            FROM ${apiTokens} t JOIN ${users} u ON u.id = t.user_id
            WHERE t.token_hash = ${secretHash(bearer)} AND t.revoked_at IS NULL
              AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.active),
          touched AS (
            UPDATE ${apiTokens} SET last_used_at = now()
            WHERE id IN (SELECT token_id FROM found
                         WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
          SELECT id AS "userId", email, name, role, region_code AS "regionCode"${versionColumn} FROM found`,
    );
    if (!row) throw new InvalidCredentialsError('This API token is unknown, expired or revoked.');
    const { version, ...viewer } = row;
    return { viewer: { ...viewer, via: 'token' }, version };
  }
  const token = credentials.cookie ? parseCookie(credentials.cookie)[SESSION_COOKIE] : undefined;
  if (!token) return { viewer: null };
  const columns = withVersion ? { ...userColumns, version: sql<string>`${DATA_VERSION}` } : userColumns;
  const [row] = await db
    .select<typeof columns & { version?: SQL<string> }>(columns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, secretHash(token)), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)));
  if (!row) return { viewer: null };
  const { version, ...viewer } = row;
  return { viewer: { ...viewer, via: 'session' }, version };
}

/** Opens a session for a user; returns the secret the cookie carries. */
export async function startSession(db: Database, userId: number, ttlHours: number): Promise<string> {
  const token = newSecret('pan_s');
  await db.insert(sessions).values({
    tokenHash: secretHash(token),
    userId,
    expiresAt: sql`now() + make_interval(hours => ${ttlHours})`,
  });
  return token;
}

/** Ends the session a cookie names: the secret stops working at once, wherever it was copied. */
export async function endSession(db: Database, cookie: string | undefined): Promise<void> {
  const token = cookie ? parseCookie(cookie)[SESSION_COOKIE] : undefined;
  if (token) await db.delete(sessions).where(eq(sessions.tokenHash, secretHash(token)));
}

/** The `Set-Cookie` value that gives the browser its session, or (with null) takes it away. */
export function sessionCookie(token: string | null, options: { secure: boolean; ttlHours: number }): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: token ?? '',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: token ? options.ttlHours * 3600 : 0,
  });
}
