import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { dataColumns } from './columns';
import { DataTable, type DataTableProps } from './data-table';

interface Partner {
  id: string;
  name: string;
  revenueUsd: number | null;
  externalRef: string;
}

const column = dataColumns<Partner>();
const columns = [
  column.text({ id: 'name', header: 'Name', value: (row) => row.name, rowHeader: true }),
  column.usd({ id: 'revenueUsd', header: 'Revenue', value: (row) => row.revenueUsd }),
  column.text({ id: 'externalRef', header: 'Reference', value: (row) => row.externalRef, csvOnly: true }),
];
const partners: Partner[] = [
  { id: 'a', name: 'Acme', revenueUsd: 1200.5, externalRef: 'P-1' },
  { id: 'b', name: 'Bluebay', revenueUsd: null, externalRef: 'P-2' },
  { id: 'c', name: 'Cedar', revenueUsd: 99000, externalRef: 'P-3' },
];

function render(props: Partial<DataTableProps<Partner>> = {}): string {
  return renderToStaticMarkup(
    <DataTable
      caption="Partners"
      columns={columns}
      data={partners}
      getRowId={(row) => row.id}
      csvFileName="partners"
      {...props}
    />,
  );
}

const noFetch = () => Promise.reject(new Error('not in tests'));

describe('DataTable, client mode', () => {
  it('is a captioned table in a keyboard-reachable scrolling region', () => {
    const html = render({ note: 'Gifts of 2025.' });
    expect(html).toMatch(/<section class="table-scroll data-table-scroll" aria-labelledby="([^"]+)" tabindex="0">/);
    expect(html).toMatch(/<caption id="[^"]+">Partners<span class="data-table__note">Gifts of 2025\.<\/span>/);
  });

  it('sorts by the initial sorting, missing values last, with aria-sort on the header', () => {
    const html = render({ initialSorting: [{ id: 'revenueUsd', desc: true }] });
    expect(html).toContain('<th scope="col" class="numeric" aria-sort="descending">');
    expect(html).toContain('<th scope="col" aria-sort="none"><button type="button" class="data-table__sort">');
    const order = ['Cedar', 'Acme', 'Bluebay'].map((name) => html.indexOf(`>${name}<`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('names rows by their header cell and right-aligns formatted figures', () => {
    const html = render();
    expect(html).toContain('<th scope="row">Acme</th><td class="numeric">$1,200.50</td>');
    expect(html).toContain('<td class="numeric">—</td>');
  });

  it('leaves CSV-only columns off the screen', () => {
    expect(render()).not.toContain('Reference');
  });

  it('shows every row without pagination, or a page of them with it', () => {
    expect(render()).not.toContain('data-table-pagination');
    const paged = render({ pageSize: 2 });
    expect(paged).toContain('1–2 of 3');
    expect(paged).not.toContain('>Cedar<');
    expect(paged).toMatch(/<button type="button" class="button data-table-button" disabled="">Previous<\/button>/);
  });

  it('offers a CSV export, disabled when there is nothing to export', () => {
    expect(render()).toContain('>Export CSV</button>');
    expect(render({ data: [] })).toContain('disabled="">Export CSV</button>');
  });

  it('shows the empty state in the table body', () => {
    const html = render({ data: [], emptyTitle: 'No partner matches', empty: <p>Clear the filters.</p> });
    expect(html).toContain('<td colSpan="2" class="data-table__placeholder">');
    expect(html).toContain('No partner matches');
    expect(html).toContain('Clear the filters.');
  });

  it('shows a skeleton while the first rows load, an overlay over rows already shown', () => {
    const empty = render({ data: [], loading: true, loadingLabel: 'Loading partners…' });
    expect(empty).toContain('aria-busy="true"');
    expect(empty).toContain('Loading partners…');
    expect(empty).not.toContain('data-table__overlay');
    const reloading = render({ loading: true, loadingLabel: 'Loading partners…' });
    expect(reloading).toContain('<div class="data-table__overlay"><p class="data-table__overlay-label" role="status">');
  });

  it('puts the toolbar before the table', () => {
    const html = render({ toolbar: <input aria-label="Search" />, toolbarLabel: 'Filter partners' });
    expect(html).toContain('role="group" aria-label="Filter partners"><input aria-label="Search"/>');
  });
});

describe('DataTable, server mode', () => {
  const server = {
    sorting: [{ id: 'name', desc: true }],
    onSortingChange: () => {},
    pagination: { pageIndex: 1, pageSize: 50 },
    onPaginationChange: () => {},
    rowCount: 1234,
    hasNextPage: true,
    fetchAllRows: noFetch,
  };

  it('renders the rows it is given, in the server’s order, and where the page stands', () => {
    const html = render({ server });
    expect(html.indexOf('>Acme<')).toBeLessThan(html.indexOf('>Cedar<'));
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('51–53 of 1,234');
    expect(html).toMatch(/class="button data-table-button">Previous<\/button>/);
    expect(html).toMatch(/class="button data-table-button">Next<\/button>/);
  });

  it('warns before exporting that only the first rows will come', () => {
    expect(render({ server: { ...server, rowCount: 54_321 } })).toContain('Exports the first 10,000 rows.');
    expect(render({ server })).not.toContain('Exports the first');
  });

  it('waits while a page loads', () => {
    expect(render({ server, loading: true })).toMatch(/disabled="">Next<\/button>/);
  });
});
