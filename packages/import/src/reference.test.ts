import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData, regionOn } from './reference';

describe('loadReferenceData', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('loads the installed bureaux, countries, memberships and objectives', async () => {
    const reference = await loadReferenceData(database.db);
    expect([...reference.regions].sort()).toEqual(['HQ', 'RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP']);
    expect(reference.countries.has('SDN')).toBe(true);
    expect(reference.objectives.has('INC_GROWTH')).toBe(true);
    expect(regionOn(reference, 'SDN', '2019-12-31')).toBe('RBC');
    expect(regionOn(reference, 'SDN', '2020-01-01')).toBe('RBN');
    expect(reference.metrics.get('PARTNER_RETENTION_RATE')).toEqual({ unit: 'RATE', recorded: false });
  });
});
