import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { rowsToCsv } from '../../components/data-table/table-csv';
import type { RegionComparison } from './region-comparison';
import { type ComparedMetric, RegionsTable, regionColumns } from './regions-table';

const revenue: ComparedMetric = { code: 'REVENUE_USD', label: 'Revenue', unit: 'USD', additive: true };

const rows: RegionComparison[] = [
  {
    id: 'UmVnaW9uOlJCQg==',
    code: 'RBB',
    name: 'Regional Bureau for Asia and the Pacific',
    city: 'Bangkok',
    value: 1250000.5,
    target: 1000000,
    attainment: 1.2500005,
    previous: 1100000,
    change: 0.136364,
    status: 'ON_TRACK',
    rank: 2,
    share: 0.25,
  },
  {
    id: 'UmVnaW9uOkhR',
    code: 'HQ',
    name: 'Headquarters and global partnerships',
    city: null,
    value: 3750000,
    target: null,
    attainment: null,
    previous: 4000000,
    change: -0.0625,
    status: null,
    rank: 1,
    share: 0.75,
  },
];

function render(search = '?year=2025'): string {
  return renderToStaticMarkup(
    <MemoryRouter initialEntries={[`/regions${search}`]}>
      <RegionsTable rows={rows} metric={revenue} year={2025} note="The whole of 2025." />
    </MemoryRouter>,
  );
}

describe('RegionsTable', () => {
  const html = render();

  it('is a captioned table with the period in a note', () => {
    expect(html).toMatch(
      /<caption id="[^"]+">Revenue by region, 2025<span class="data-table__note">The whole of 2025\./,
    );
  });

  it('has sortable headers, sorted by actual value, highest first', () => {
    expect(html).toContain('<th scope="col" class="numeric" aria-sort="descending"><button type="button"');
    expect(html).toMatch(/aria-sort="none"><button type="button" class="data-table__sort"><span>Region<\/span>/);
    expect(html.indexOf('Headquarters and global partnerships')).toBeLessThan(html.indexOf('Asia and the Pacific'));
  });

  it('formats figures for people, right-aligned, dollars compact', () => {
    expect(html).toContain('<td class="numeric">$1.3M</td>');
    expect(html).toContain('<td class="numeric">125%</td>');
    expect(html).toContain('<td class="numeric">-6.3%</td>');
    expect(html).toContain('<td class="numeric">+13.6%</td>');
    expect(html).toContain('<td class="numeric">—</td>');
  });

  it('names each row by its region, a link that keeps the search parameters', () => {
    expect(html).toContain(
      '<th scope="row" class="wide"><a href="/regions/RBB?year=2025" data-discover="true">Regional Bureau for Asia and the Pacific</a></th>',
    );
  });

  it('shows each code as a badge, HQ set apart', () => {
    expect(html).toContain('<span class="badge badge--accent">RBB</span>');
    expect(html).toContain('<span class="badge badge--neutral">HQ</span>');
  });

  it('offers a CSV export', () => {
    expect(html).toContain('Export CSV');
  });
});

describe('regionColumns', () => {
  it('exports values, not formatted text, with units in the headers', () => {
    const csv = rowsToCsv(regionColumns(revenue, 2025), rows);
    const [header, first] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(
      'Rank,Code,Region,Actual (USD),Target (USD),Attainment (ratio),Status,2024 (USD),Change (ratio),Share (ratio)',
    );
    expect(first).toBe(
      '2,RBB,Regional Bureau for Asia and the Pacific,1250000.5,1000000,1.2500005,ON_TRACK,1100000,0.136364,0.25',
    );
  });
});
