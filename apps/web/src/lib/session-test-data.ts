import type { SessionUser, UserRole } from './session';

/** A signed-in user of each role, as `me` answers it (the demo accounts' names), for tests. */
export const TEST_USERS: Readonly<Record<UserRole, SessionUser>> = {
  ADMIN: { id: 'VXNlcjo0', email: 'admin@panorama.demo', name: 'Adam Admin', role: 'ADMIN', region: null },
  ANALYST: { id: 'VXNlcjoy', email: 'analyst@panorama.demo', name: 'Ana Analyst', role: 'ANALYST', region: null },
  LEADERSHIP: {
    id: 'VXNlcjox',
    email: 'leadership@panorama.demo',
    name: 'Lena Leadership',
    role: 'LEADERSHIP',
    region: null,
  },
  REGIONAL: {
    id: 'VXNlcjoz',
    email: 'nairobi@panorama.demo',
    name: 'Njeri Regional (Nairobi)',
    role: 'REGIONAL',
    region: { id: 'UmVnaW9uOlJCTg==', code: 'RBN', name: 'Eastern Africa' },
  },
};

/** A JSON answer of the API, as `fetch` gives it. */
export function graphqlResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
