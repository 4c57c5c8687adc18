import { partners } from '@panorama/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({
    seed: (db) =>
      db.insert(partners).values([
        {
          externalRef: 'P-1',
          name: 'Acme Foods',
          partnerType: 'CORPORATION',
          scope: 'LOCAL',
          regionCode: 'RBN',
          countryIso3: 'KEN',
        },
        { externalRef: 'P-2', name: 'Hope Foundation', partnerType: 'FOUNDATION', scope: 'GLOBAL', regionCode: 'HQ' },
      ]),
  });
});
afterAll(async () => {
  await api?.close();
});

interface RegionRow {
  id: string;
  code: string;
  name: string;
  city: string | null;
  countryCount: number;
  partnerCount: number;
  countries: { iso3: string }[];
}

describe('regions', () => {
  it('lists the six bureaux and HQ, each with its countries', async () => {
    const result = await api.graphql<{ regions: RegionRow[] }>(
      '{ regions { id code name city countryCount partnerCount countries { iso3 } } }',
    );
    expect(result.errors).toBeUndefined();
    const regions = result.data?.regions ?? [];
    expect(regions.map((region) => region.code)).toEqual(['HQ', 'RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP']);
    const nairobi = regions.find((region) => region.code === 'RBN');
    expect(nairobi?.city).toBe('Nairobi');
    expect(nairobi?.countries.map((country) => country.iso3)).toContain('SDN');
    expect(nairobi?.countryCount).toBe(nairobi?.countries.length);
    expect(nairobi?.partnerCount).toBe(1);
    const hq = regions.find((region) => region.code === 'HQ');
    expect(hq).toMatchObject({ countryCount: 0, partnerCount: 1, countries: [] });
  });

  it('finds one region by code, case-insensitively, and null for an unknown code', async () => {
    const result = await api.graphql<{ found: { name: string } | null; missing: null }>(
      '{ found: region(code: "rbp") { name } missing: region(code: "XYZ") { name } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.found?.name).toBe('Regional Bureau for Latin America and the Caribbean');
    expect(result.data?.missing).toBeNull();
  });

  it('lists countries, optionally of one bureau', async () => {
    const result = await api.graphql<{ countries: { iso3: string; region: { code: string } }[] }>(
      '{ countries(regionCode: "RBJ") { iso3 region { code } } }',
    );
    expect(result.errors).toBeUndefined();
    const countries = result.data?.countries ?? [];
    expect(countries.length).toBeGreaterThan(5);
    expect(new Set(countries.map((country) => country.region.code))).toEqual(new Set(['RBJ']));
  });

  it('round-trips global IDs through node(id) and nodes(ids)', async () => {
    const listed = await api.graphql<{
      region: { id: string };
      countries: { id: string; iso3: string }[];
      partners: { nodes: { id: string; name: string }[] };
    }>(
      '{ region(code: "RBN") { id } countries(regionCode: "RBN") { id iso3 } partners(first: 5) { nodes { id name } } }',
    );
    expect(listed.errors).toBeUndefined();
    const regionId = listed.data?.region.id;
    const kenya = listed.data?.countries.find((country) => country.iso3 === 'KEN');
    const partner = listed.data?.partners.nodes[0];

    const fetched = await api.graphql<{
      region: { __typename: string; code: string };
      country: { __typename: string; name: string };
      partner: { __typename: string; name: string; region: { code: string } };
      nodes: ({ id: string } | null)[];
    }>(
      `query ($region: ID!, $country: ID!, $partner: ID!) {
        region: node(id: $region) { __typename ... on Region { code } }
        country: node(id: $country) { __typename ... on Country { name } }
        partner: node(id: $partner) { __typename ... on Partner { name region { code } } }
        nodes(ids: [$partner, $region]) { id }
      }`,
      { region: regionId, country: kenya?.id, partner: partner?.id },
    );
    expect(fetched.errors).toBeUndefined();
    expect(fetched.data?.region).toEqual({ __typename: 'Region', code: 'RBN' });
    expect(fetched.data?.country).toEqual({ __typename: 'Country', name: 'Kenya' });
    expect(fetched.data?.partner).toEqual({ __typename: 'Partner', name: 'Acme Foods', region: { code: 'RBN' } });
    expect(fetched.data?.nodes).toEqual([{ id: partner?.id }, { id: regionId }]);
  });

  it('answers null for a well-formed ID of nothing', async () => {
    const missing = Buffer.from('Partner:999999').toString('base64');
    const result = await api.graphql<{ node: null; nodes: (null | { id: string })[] }>(
      `{ node(id: "${missing}") { id } nodes(ids: ["${missing}"]) { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toBeNull();
    expect(result.data?.nodes).toEqual([null]);
    const malformed = await api.graphql('{ node(id: "not-an-id") { id } }');
    expect(malformed.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/"not-an-id" is not a valid ID/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
