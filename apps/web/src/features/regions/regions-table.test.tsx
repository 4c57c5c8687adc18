import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type RegionRow, RegionsTable, totalRegionCounts } from './regions-table';

const regions: RegionRow[] = [
  {
    id: 'UmVnaW9uOlJCQg==',
    code: 'RBB',
    name: 'Regional Bureau for Asia and the Pacific',
    city: 'Bangkok',
    countryCount: 17,
    partnerCount: 1250,
  },
  {
    id: 'UmVnaW9uOlJCQw==',
    code: 'RBC',
    name: 'Regional Bureau for the Middle East',
    city: 'Cairo',
    countryCount: 14,
    partnerCount: 980,
  },
  {
    id: 'UmVnaW9uOkhR',
    code: 'HQ',
    name: 'Headquarters and global partnerships',
    city: null,
    countryCount: 0,
    partnerCount: 40,
  },
];

describe('totalRegionCounts', () => {
  it('adds up countries and partners', () => {
    expect(totalRegionCounts(regions)).toEqual({ countryCount: 31, partnerCount: 2270 });
    expect(totalRegionCounts([])).toEqual({ countryCount: 0, partnerCount: 0 });
  });
});

describe('RegionsTable', () => {
  const html = renderToStaticMarkup(<RegionsTable regions={regions} />);

  it('is a captioned table with scoped headers', () => {
    expect(html).toMatch(/<caption id="[^"]+">Regions/);
    expect(html).toContain('<th scope="col" class="numeric">Countries</th>');
    expect(html).toContain('<th scope="row">Regional Bureau for Asia and the Pacific</th>');
  });

  it('formats the counts and totals them in a footer row', () => {
    expect(html).toContain('<td class="numeric">1,250</td>');
    expect(html).toMatch(
      /<tfoot>.*Total \(3 regions\).*<td class="numeric">31<\/td><td class="numeric">2,270<\/td>.*<\/tfoot>/,
    );
  });

  it('shows each code as a badge, HQ set apart', () => {
    expect(html).toContain('<span class="badge badge--accent">RBB</span>');
    expect(html).toContain('<span class="badge badge--neutral">HQ</span>');
  });

  it('says when a region has no city', () => {
    expect(html).toContain('No city');
  });
});
