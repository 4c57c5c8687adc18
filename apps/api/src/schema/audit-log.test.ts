import { auditLog } from '@panorama/db';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser, testEmail } from '../testing';

interface Entry {
  at: string;
  userEmail: string;
  action: string;
  entity: string;
  entityId: string;
  subjectId: string | null;
  regionCode: string | null;
  before: string | null;
  after: string | null;
  changedFields: string[];
}

interface AuditPage {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Entry[];
  };
}

const AUDIT_LOG = `query ($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { at userEmail action entity entityId subjectId regionCode before after changedFields }
  }
}`;

const SET_TARGET = `mutation ($input: SetTargetInput!) {
  setTarget(input: $input) { __typename ... on MutationSetTargetSuccess { data { id } } }
}`;

let api: TestServer;
let targetId: string;

beforeAll(async () => {
  api = await startTestServer();
  const entry = (user: TestUser, values: Omit<typeof auditLog.$inferInsert, 'userId' | 'userEmail'>) => ({
    userId: api.userIds[user],
    userEmail: testEmail(user),
    ...values,
  });
  await api.database.asOwner((db) =>
    db.insert(auditLog).values([
      entry('nairobi', {
        at: new Date('2025-01-10T12:00:00Z'),
        action: 'CREATE',
        entity: 'Target',
        entityId: '901',
        regionCode: 'RBN',
        after: { value: '100.0000', version: 1 },
      }),
      entry('bangkok', {
        at: new Date('2025-02-15T23:30:00Z'),
        action: 'UPDATE',
        entity: 'Story',
        entityId: '905',
        regionCode: 'RBB',
        before: { title: 'Old', summary: 'Same' },
        after: { title: 'New', summary: 'Same' },
      }),
      entry('admin', {
        at: new Date('2025-03-01T00:10:00Z'),
        action: 'UPDATE',
        entity: 'Target',
        entityId: '902',
        regionCode: null,
        before: { value: '1.0000' },
        after: { value: '2.0000' },
      }),
      entry('nairobi', {
        at: new Date('2025-03-31T23:59:00Z'),
        action: 'DELETE',
        entity: 'FieldNeed',
        entityId: '903',
        regionCode: 'RBN',
        before: { title: 'Gone' },
      }),
    ]),
  );
  const created = await api.graphql<{ setTarget: { data: { id: string } } }>(
    SET_TARGET,
    { input: { metricCode: 'REVENUE_USD', scopeType: 'REGION', scopeCode: 'RBN', year: 2025, value: '5' } },
    { as: 'nairobi' },
  );
  targetId = created.data?.setTarget.data.id ?? '';
});
afterAll(async () => {
  await api?.close();
});

async function readLog(filter: Record<string, unknown> | null = null, as: TestUser = 'admin', first = 20) {
  const response = await api.graphql<AuditPage>(AUDIT_LOG, { filter, first }, { as });
  expect(response.errors).toBeUndefined();
  return response.data?.auditLog ?? { totalCount: -1, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
}

/** `Target:<id>` of the target created through the API. */
const createdTarget = () => `Target:${decodeGlobalID(targetId).id}`;

const keys = (page: { nodes: Entry[] }) => page.nodes.map((entry) => `${entry.entity}:${entry.entityId}`);

describe('auditLog', () => {
  it('lists every change, newest first, with who, when, what, before and after', async () => {
    const page = await readLog();
    expect(page.totalCount).toBe(5);
    expect(keys(page).slice(1)).toEqual(['FieldNeed:903', 'Target:902', 'Story:905', 'Target:901']);
    const [latest] = page.nodes;
    expect(latest).toMatchObject({
      userEmail: testEmail('nairobi'),
      action: 'CREATE',
      entity: 'Target',
      subjectId: targetId,
      regionCode: 'RBN',
      before: null,
    });
    expect(JSON.parse(latest?.after ?? 'null')).toMatchObject({ metricCode: 'REVENUE_USD', value: '5.0000' });
    const story = page.nodes.find((entry) => entry.entity === 'Story');
    expect(story).toMatchObject({
      at: '2025-02-15T23:30:00.000Z',
      subjectId: encodeGlobalID('Story', '905'),
      changedFields: ['title'],
    });
    expect(JSON.parse(story?.before ?? 'null')).toEqual({ title: 'Old', summary: 'Same' });
  });

  it('pages with first and after', async () => {
    const first = await readLog(null, 'admin', 2);
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const response = await api.graphql<AuditPage>(AUDIT_LOG, { first: 10, after: first.pageInfo.endCursor });
    expect(keys(response.data?.auditLog ?? { nodes: [] })).toEqual(['Target:902', 'Story:905', 'Target:901']);
  });

  it.each([
    ['user emails', { userEmails: ['NAIROBI@test.panorama'] }, ['Target:created', 'FieldNeed:903', 'Target:901']],
    ['regions', { regionCodes: ['rbb'] }, ['Story:905']],
    ['entities', { entities: ['FieldNeed', 'Story'] }, ['FieldNeed:903', 'Story:905']],
    ['actions', { actions: ['UPDATE', 'DELETE'] }, ['FieldNeed:903', 'Target:902', 'Story:905']],
    ['a closed range of UTC days', { from: '2025-02-15', to: '2025-03-01' }, ['Target:902', 'Story:905']],
    ['a range open at its start', { to: '2025-01-10' }, ['Target:901']],
    ['several conditions at once', { entities: ['Target'], to: '2025-12-31', regionCodes: ['RBN'] }, ['Target:901']],
  ])('filters by %s', async (_name, filter, expected) => {
    const page = await readLog(filter);
    expect(keys(page)).toEqual(expected.map((key) => (key === 'Target:created' ? createdTarget() : key)));
    expect(page.totalCount).toBe(expected.length);
  });

  it('filters by user ID and by the global ID of what changed: an object’s history', async () => {
    const byUser = await readLog({ userIds: [encodeGlobalID('User', api.userIds.bangkok)] });
    expect(keys(byUser)).toEqual(['Story:905']);
    const history = await readLog({ subjectIds: [encodeGlobalID('Target', '901'), encodeGlobalID('Story', '905')] });
    expect(keys(history)).toEqual(['Story:905', 'Target:901']);
  });

  it('says which ID is wrong in a filter', async () => {
    const response = await api.graphql(AUDIT_LOG, { filter: { userIds: [encodeGlobalID('Story', '905')] } });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/userIds: pass the `id` of a User/);
  });

  it('is read by admins and leadership only', async () => {
    expect((await readLog(null, 'leadership')).totalCount).toBe(5);
    for (const user of ['analyst', 'nairobi', 'bangkok'] as const) {
      const response = await api.graphql(AUDIT_LOG, {}, { as: user });
      expect(response.errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
      expect(response.data?.auditLog ?? null).toBeNull();
    }
    const anonymous = await api.graphql(AUDIT_LOG, {}, { as: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('cannot be changed, even by the server', async () => {
    const refused = await api.database.db
      .delete(auditLog)
      .then(() => 'deleted')
      .catch(() => 'refused');
    expect(refused).toBe('refused');
    expect((await readLog()).totalCount).toBe(5);
  });
});
