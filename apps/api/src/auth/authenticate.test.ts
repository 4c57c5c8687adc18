import { bumpDataVersion, dataVersion } from '@panorama/db';
import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from './api-tokens';
import {
  authenticate,
  authenticateAtDataVersion,
  InvalidCredentialsError,
  SESSION_COOKIE,
  startSession,
} from './authenticate';
import { createUser } from './users';

/** Who the credentials name, and, for the response cache, the data version read with them. */

let database: TestDatabase;
let token: string;
let session: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const userId = await createUser(database.db, {
    email: 'regional@test.panorama',
    name: 'Regional',
    role: 'REGIONAL',
    regionCode: 'RBN',
    password: 'correct horse battery staple',
  });
  token = (await issueApiToken(database.db, { userId, name: 'tests' })).token;
  session = await startSession(database.db, userId, 1);
});
afterAll(async () => {
  await database?.close();
});

const REGIONAL = { email: 'regional@test.panorama', role: 'REGIONAL', regionCode: 'RBN' };

describe('authenticateAtDataVersion', () => {
  it('names the same viewer as authenticate, with the data version now', async () => {
    await bumpDataVersion(database.db);
    const version = await dataVersion(database.db);
    const cases = [
      { authorization: `Bearer ${token}` },
      { cookie: `${SESSION_COOKIE}=${session}` },
      {},
      { cookie: `${SESSION_COOKIE}=pan_s_stale` },
    ];
    const viewers = [{ ...REGIONAL, via: 'token' }, { ...REGIONAL, via: 'session' }, null, null];
    for (const [index, credentials] of cases.entries()) {
      const found = await authenticateAtDataVersion(database.db, credentials);
      const expected = viewers[index] ? expect.objectContaining(viewers[index]) : null;
      expect(found).toEqual({ viewer: expected, version });
      expect(await authenticate(database.db, credentials)).toEqual(expected);
    }
    await bumpDataVersion(database.db);
    const moved = await authenticateAtDataVersion(database.db, { authorization: `Bearer ${token}` });
    expect(moved.version).not.toBe(version);
    expect(moved.version).toBe(await dataVersion(database.db));
  });

  it('refuses a wrong Bearer token, as authenticate does', async () => {
    for (const check of [authenticate, authenticateAtDataVersion]) {
      await expect(check(database.db, { authorization: 'Bearer pan_t_unknown' })).rejects.toThrow(
        InvalidCredentialsError,
      );
      await expect(check(database.db, { authorization: 'Basic abc' })).rejects.toThrow(InvalidCredentialsError);
    }
  });
});
