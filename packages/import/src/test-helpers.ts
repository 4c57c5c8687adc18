import { OBJECTIVES } from '@panorama/db';
import { buildReferenceData, type ReferenceData } from './reference';

/** Bytes of a string, as UTF-8. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A byte stream of `bytes` cut at the given offsets. */
export async function* cutAt(bytes: Uint8Array, ...offsets: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    yield bytes.subarray(start, offset);
    start = offset;
  }
}

/** A byte stream of `bytes` in chunks of `size`. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

/** A small hand-built reference: four bureaux, a few countries, Sudan moving from RBC to RBN in 2020. */
export const REFERENCE: ReferenceData = buildReferenceData({
  regions: ['RBB', 'RBC', 'RBN', 'HQ'],
  memberships: [
    { countryIso3: 'BGD', regionCode: 'RBB', validFrom: '2000-01-01', validTo: null },
    { countryIso3: 'EGY', regionCode: 'RBC', validFrom: '2000-01-01', validTo: null },
    { countryIso3: 'KEN', regionCode: 'RBN', validFrom: '2000-01-01', validTo: null },
    { countryIso3: 'SDN', regionCode: 'RBC', validFrom: '2000-01-01', validTo: '2019-12-31' },
    { countryIso3: 'SDN', regionCode: 'RBN', validFrom: '2020-01-01', validTo: null },
  ],
  objectives: OBJECTIVES.map((objective) => objective.code),
  partnershipRefs: ['PS-1'],
});
