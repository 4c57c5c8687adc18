import { describe, expect, it } from 'vitest';
import { Geography, HQ } from './geography';
import { Random } from './random';

describe('Geography', () => {
  const geography = new Geography(new Random(2021).fork('geography'));

  it('places Sudan under Cairo until 2019 and under Nairobi from 2020', () => {
    expect(geography.regionOn('SDN', '2019-12-31')).toBe('RBC');
    expect(geography.regionOn('SDN', '2020-01-01')).toBe('RBN');
    expect(geography.countriesOn('RBC', '2019-06-30')).toContain('SDN');
    expect(geography.countriesOn('RBN', '2019-06-30')).not.toContain('SDN');
    expect(geography.countriesOn('RBN', '2021-06-30')).toContain('SDN');
    expect(geography.regionOn('KEN', '2019-01-01')).toBe('RBN');
  });

  it('draws only countries of the region on that date, and none for HQ', () => {
    const random = new Random(3);
    for (let draw = 0; draw < 2_000; draw++) {
      const date = draw % 2 === 0 ? '2019-05-01' : '2024-05-01';
      const country = geography.pickCountry(random, 'RBC', date);
      expect(country !== null && geography.belongsOn(country, 'RBC', date)).toBe(true);
    }
    expect(geography.pickCountry(random, HQ, '2024-05-01')).toBeNull();
    expect(geography.placeName('VEN')).toBe('Venezuela');
    expect(geography.placeName('RBB')).toBe('Asia and the Pacific');
  });
});
