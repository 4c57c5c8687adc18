import type { Database } from '@panorama/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { insertPartner, insertPartnership } from './schema/test-seed';
import { TEST_USERS, type TestUser } from './testing';

/**
 * What the authorization matrix of mutations (`authorization-writes.test.ts`) is made of: the
 * viewers, the places a change lands, the rules that say who may change what where, and how to
 * read the outcome of a try.
 */

export type Who = TestUser | 'anonymous';
export type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export const EVERYONE: readonly Who[] = ['anonymous', ...(Object.keys(TEST_USERS) as TestUser[])];

/**
 * Where a change lands: a region, a country office (KEN is RBN's, BGD is RBB's), Sudan in a year
 * when it belonged to RBC (2019) or to RBN (2020), or the whole organisation.
 */
export type Place = 'RBN' | 'RBB' | 'KEN' | 'BGD' | 'SDN 2019' | 'SDN 2020' | 'GLOBAL' | 'own account';

/** The region whose writers may change data of a place; null for GLOBAL. */
const REGION_OF: Record<Exclude<Place, 'own account'>, string | null> = {
  RBN: 'RBN',
  RBB: 'RBB',
  KEN: 'RBN',
  BGD: 'RBB',
  'SDN 2019': 'RBC',
  'SDN 2020': 'RBN',
  GLOBAL: null,
};

/** The rule of every region-scoped write: admins everywhere, regional users in their region, nobody else. */
export function regionalRule(who: Who, place: Place): Outcome {
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  if (who === 'admin') return 'ALLOWED';
  const { role, regionCode } = TEST_USERS[who];
  if (place === 'own account') throw new Error('not a region');
  return role === 'REGIONAL' && regionCode === REGION_OF[place] ? 'ALLOWED' : 'FORBIDDEN';
}

/** A rule by role only: the outcome of each viewer, wherever. */
export function byViewer(outcomes: Record<Who, Outcome>) {
  return (who: Who) => outcomes[who];
}

/** One try of a mutation: the document, its variables, and a probe of whether the data changed. */
export interface Attempt {
  query: string;
  variables: Record<string, unknown>;
  /** Whether the change is in the database; omitted when the mutation changes nothing to look at. */
  changed?: () => Promise<boolean>;
  /** Whether a successful try appends to the audit trail. */
  audited: boolean;
}

/** Who may call one mutation, on which places, and how to try it. */
export interface MatrixEntry {
  places: readonly Place[];
  outcome: (who: Who, place: Place) => Outcome;
  /** Prepares a fresh row at `place` (as the tables' owner) and the try that changes it. */
  prepare: (place: Place, who: Who) => Promise<Attempt>;
}

/** The region of a place; RBN for a place of no region (GLOBAL, an account). */
export const regionOfPlace = (place: Place) => REGION_OF[place as Exclude<Place, 'own account'>] ?? 'RBN';

/** The global ID of a partnership in each of RBN and RBB, to match field needs with. */
export const partnershipOf: Record<string, string> = {};

/** A partner and a partnership in each of RBN and RBB, kept in `partnershipOf`. */
export async function seedPartnerships(db: Database) {
  for (const regionCode of ['RBN', 'RBB']) {
    const partner = await insertPartner(db, { regionCode });
    partnershipOf[regionCode] = encodeGlobalID(
      'Partnership',
      (await insertPartnership(db, partner.id, { regionCode })).id,
    );
  }
}

/** What a response says: refused (by code), allowed, or something else worth showing. */
export function outcomeOf(response: {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}) {
  const error = response.errors?.[0];
  if (error) return String(error.extensions?.code === 'INTERNAL_SERVER_ERROR' ? error.message : error.extensions?.code);
  const [result] = Object.values(response.data ?? {});
  if (result && typeof result === 'object' && '__typename' in result) {
    const typename = String(result.__typename);
    return typename.endsWith('Success') ? 'ALLOWED' : typename;
  }
  return 'ALLOWED';
}
