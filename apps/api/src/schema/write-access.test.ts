import { stories } from '@panorama/db';
import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer';
import { createContext } from '../context';
import { DEFAULT_AUTH_SETTINGS } from '../server';
import { localIdOf, writeChange } from './write-access';

const nairobi: Viewer = {
  userId: 1,
  email: 'rbn@example.org',
  name: 'Nairobi',
  role: 'REGIONAL',
  regionCode: 'RBN',
  via: 'token',
};

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.useAppRole();
});
afterAll(async () => {
  await database?.close();
});

describe('writeChange', () => {
  const story = (regionCode: string) => ({ title: 'T', summary: 'S', regionCode, storyDate: '2025-01-01' });

  it('writes as the viewer, so that row-level security lets a region’s own writes through', async () => {
    const context = createContext(database.db, nairobi, DEFAULT_AUTH_SETTINGS);
    const [row] = await writeChange(context, (tx) => tx.insert(stories).values(story('RBN')).returning());
    expect(row?.regionCode).toBe('RBN');
  });

  it('turns a refusal by the database’s policies into FORBIDDEN, and rolls everything back', async () => {
    const context = createContext(database.db, nairobi, DEFAULT_AUTH_SETTINGS);
    const before = await database.db.$count(stories);
    const refusal = await writeChange(context, async (tx) => {
      await tx.insert(stories).values(story('RBN'));
      await tx.insert(stories).values(story('RBB'));
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect((refusal as GraphQLError).extensions.code).toBe('FORBIDDEN');
    expect((refusal as GraphQLError).message).toMatch(/REGIONAL users their own region's \(yours: RBN\)/);
    expect(await database.db.$count(stories)).toBe(before);
  });
});

describe('localIdOf', () => {
  it('reads the id of a global ID of the type asked for, and nothing else', () => {
    expect(localIdOf(encodeGlobalID('Story', 42), 'Story')).toBe(42);
    expect(localIdOf(encodeGlobalID('Target', 42), 'Story')).toBeNull();
    expect(localIdOf(encodeGlobalID('Story', 'abc'), 'Story')).toBeNull();
    expect(localIdOf('not an id', 'Story')).toBeNull();
  });
});
