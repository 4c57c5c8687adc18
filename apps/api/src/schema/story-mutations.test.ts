import { stories } from '@panorama/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testEmail } from '../testing';
import { insertPartner, insertPartnership, insertStory } from './test-seed';
import {
  ERROR_SELECTION,
  latestAudit,
  type MutationResult,
  problemFields,
  problemWith,
  rowCounts,
  successOf,
} from './write-testing';

interface StoryData {
  id: string;
  title: string;
  summary: string;
  date: string;
  region: { code: string };
  country: { iso3: string } | null;
  partnership: { id: string } | null;
}

const STORY_FIELDS = 'id title summary date region { code } country { iso3 } partnership { id }';

const CREATE = `mutation ($input: CreateStoryInput!) {
  createStory(input: $input) { __typename ... on MutationCreateStorySuccess { data { ${STORY_FIELDS} } } ${ERROR_SELECTION} }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateStoryInput!) {
  updateStory(id: $id, input: $input) { __typename ... on MutationUpdateStorySuccess { data { ${STORY_FIELDS} } } ${ERROR_SELECTION} }
}`;
const DELETE = `mutation ($id: ID!) {
  deleteStory(id: $id) { __typename ... on MutationDeleteStorySuccess { data } ${ERROR_SELECTION} }
}`;

type Response<T> = Record<string, MutationResult<T>>;

let api: TestServer;
let rbnPartnership: string;
let rbbPartnership: string;

beforeAll(async () => {
  api = await startTestServer({
    seed: async (db) => {
      const partner = await insertPartner(db, { regionCode: 'RBN' });
      rbnPartnership = encodeGlobalID('Partnership', (await insertPartnership(db, partner.id)).id);
      const other = await insertPartner(db, { regionCode: 'RBB' });
      rbbPartnership = encodeGlobalID('Partnership', (await insertPartnership(db, other.id, { regionCode: 'RBB' })).id);
    },
  });
});
afterAll(async () => {
  await api?.close();
});

const storyId = (id: number) => encodeGlobalID('Story', id);

describe('createStory', () => {
  it('adds a story to a region, with its audit entry', async () => {
    const before = await rowCounts(api);
    const story = successOf(
      await api.graphql<Response<StoryData>>(
        CREATE,
        {
          input: {
            regionCode: 'rbn',
            countryIso3: 'KEN',
            partnershipId: rbnPartnership,
            title: '  Flour reaches schools ',
            summary: 'Fortified flour in 200 schools.',
            date: '2025-03-01',
          },
        },
        { as: 'nairobi' },
      ),
    );
    expect(story).toMatchObject({
      title: 'Flour reaches schools',
      date: '2025-03-01',
      region: { code: 'RBN' },
      country: { iso3: 'KEN' },
      partnership: { id: rbnPartnership },
    });
    expect(await rowCounts(api)).toMatchObject({ stories: before.stories + 1, auditLog: before.auditLog + 1 });
    const [entry] = await latestAudit(api);
    expect(entry).toMatchObject({
      action: 'CREATE',
      entity: 'Story',
      regionCode: 'RBN',
      userEmail: testEmail('nairobi'),
      before: null,
    });
    expect(entry?.after).toMatchObject({ title: 'Flour reaches schools', storyDate: '2025-03-01' });
  });

  it('refuses, all at once, an empty title, a date in the future, a country and a partnership of another region', async () => {
    const before = await rowCounts(api);
    const response = await api.graphql<Response<StoryData>>(CREATE, {
      input: {
        regionCode: 'RBN',
        countryIso3: 'BGD',
        partnershipId: rbbPartnership,
        title: ' ',
        summary: 'x'.repeat(4001),
        date: '2999-01-01',
      },
    });
    expect(problemFields(response)).toEqual(['title', 'summary', 'date', 'countryIso3', 'partnershipId']);
    expect(problemWith(response, 'countryIso3')).toMatch(/BGD belonged to RBB.*not to RBN/);
    expect(problemWith(response, 'partnershipId')).toMatch(/not a partnership of RBN/);
    expect(problemWith(response, 'summary')).toMatch(/at most 4000/);
    expect(await rowCounts(api)).toEqual(before);
  });

  it('refuses an unknown region, listing the regions', async () => {
    const response = await api.graphql<Response<StoryData>>(CREATE, {
      input: { regionCode: 'XYZ', title: 'T', summary: 'S', date: '2025-01-01' },
    });
    expect(problemFields(response)).toEqual(['regionCode']);
    expect(problemWith(response, 'regionCode')).toMatch(/not a region: XYZ; use one of HQ, RBB, RBC/);
  });

  it('refuses an ID that is not a partnership’s', async () => {
    const response = await api.graphql<Response<StoryData>>(CREATE, {
      input: { regionCode: 'RBN', title: 'T', summary: 'S', date: '2025-01-01', partnershipId: storyId(1) },
    });
    expect(problemFields(response)).toEqual(['partnershipId']);
  });
});

describe('updateStory', () => {
  it('changes the fields given, keeps the others, clears a field set to null, and records before and after', async () => {
    const row = await api.database.asOwner((db) => insertStory(db, { countryIso3: 'KEN', title: 'Old title' }));
    const story = successOf(
      await api.graphql<Response<StoryData>>(
        UPDATE,
        { id: storyId(row.id), input: { title: 'New title', countryIso3: null } },
        { as: 'nairobi' },
      ),
    );
    expect(story).toMatchObject({ title: 'New title', summary: row.summary, date: row.storyDate, country: null });
    const [entry] = await latestAudit(api);
    expect(entry).toMatchObject({ action: 'UPDATE', entity: 'Story', entityId: String(row.id), regionCode: 'RBN' });
    expect(entry?.before).toMatchObject({ title: 'Old title', countryIso3: 'KEN' });
    expect(entry?.after).toMatchObject({ title: 'New title', countryIso3: null });
  });

  it('writes nothing when nothing changes', async () => {
    const row = await api.database.asOwner((db) => insertStory(db));
    const before = await rowCounts(api);
    successOf(await api.graphql<Response<StoryData>>(UPDATE, { id: storyId(row.id), input: { title: row.title } }));
    expect(await rowCounts(api)).toEqual(before);
  });

  it('refuses to empty a title or remove the date, and an ID that names no story', async () => {
    const row = await api.database.asOwner((db) => insertStory(db));
    const response = await api.graphql<Response<StoryData>>(UPDATE, {
      id: storyId(row.id),
      input: { title: '', date: null },
    });
    expect(problemFields(response)).toEqual(['title', 'date']);
    const missing = await api.graphql<Response<StoryData>>(UPDATE, { id: storyId(999_999), input: { title: 'x' } });
    expect(problemFields(missing)).toEqual(['id']);
    expect(problemWith(missing, 'id')).toMatch(/not the ID of a Story/);
    const wrongType = await api.graphql<Response<StoryData>>(UPDATE, {
      id: encodeGlobalID('Target', row.id),
      input: { title: 'x' },
    });
    expect(problemFields(wrongType)).toEqual(['id']);
    const [stored] = await api.database.db.select().from(stories).where(eq(stories.id, row.id));
    expect(stored?.title).toBe(row.title);
  });
});

describe('deleteStory', () => {
  it('deletes a story, returns its ID, and keeps what it was in the audit trail', async () => {
    const row = await api.database.asOwner((db) => insertStory(db, { title: 'Going away' }));
    const deleted = successOf(await api.graphql<Response<string>>(DELETE, { id: storyId(row.id) }, { as: 'nairobi' }));
    expect(deleted).toBe(storyId(row.id));
    expect(await api.database.db.$count(stories, eq(stories.id, row.id))).toBe(0);
    const [entry] = await latestAudit(api);
    expect(entry).toMatchObject({ action: 'DELETE', entity: 'Story', entityId: String(row.id), after: null });
    expect(entry?.before).toMatchObject({ title: 'Going away' });
  });

  it('refuses a story that does not exist', async () => {
    expect(problemFields(await api.graphql<Response<string>>(DELETE, { id: storyId(999_999) }))).toEqual(['id']);
  });
});
