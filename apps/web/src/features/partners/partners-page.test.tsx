import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { describe, expect, it } from 'vitest';
import { rowsToCsv } from '../../components/data-table/table-csv';
import { createGraphqlClient } from '../../lib/urql';
import { isNotFoundError, isPartnerId } from './partner-id';
import { PartnerPage } from './partner-page';
import { type PartnerNode, partnerColumns, partnerPath, withRevenue } from './partners-columns';
import { PartnersPage, partnerFilter } from './partners-page';

const acme: PartnerNode = {
  id: 'UGFydG5lcjox',
  name: 'Acme',
  externalRef: 'P-00001',
  partnerType: 'CORPORATION',
  scope: 'GLOBAL',
  sector: 'Retail',
  region: { id: 'UmVnaW9uOkhR', code: 'HQ', name: 'Headquarters' },
  country: null,
};
const bluebay: PartnerNode = { ...acme, id: 'UGFydG5lcjoy', name: 'Bluebay', externalRef: 'P-00002' };

describe('withRevenue', () => {
  it('adds each partner’s revenue, 0 for a partner without gifts', () => {
    const rows = withRevenue([acme, bluebay], [{ partner: { id: acme.id }, values: [{ value: 1500.25 }] }]);
    expect(rows.map((row) => row.revenueUsd)).toEqual([1500.25, 0]);
  });

  it('leaves revenue undefined while it loads', () => {
    expect(withRevenue([acme], undefined)[0]?.revenueUsd).toBeUndefined();
  });
});

describe('partner columns', () => {
  it('export the partner’s values and the revenue in dollars', () => {
    const rows = withRevenue([acme], [{ partner: { id: acme.id }, values: [{ value: 1500.25 }] }]);
    expect(rowsToCsv(partnerColumns('Revenue 2025'), rows)).toBe(
      '\uFEFFName,Reference,Type,Scope,Region,Country,Revenue 2025 (USD)\r\n' +
        'Acme,P-00001,CORPORATION,GLOBAL,HQ,,1500.25\r\n',
    );
  });
});

describe('partnerFilter', () => {
  it('sends only the conditions set', () => {
    expect(partnerFilter(null, null, null)).toEqual({});
    expect(partnerFilter('acme', 'RBN', 'HNWI')).toEqual({
      search: 'acme',
      regionCodes: ['RBN'],
      partnerTypes: ['HNWI'],
    });
  });
});

describe('partner IDs', () => {
  it('recognises a partner’s global ID', () => {
    expect(isPartnerId('UGFydG5lcjo4NA==')).toBe(true);
    expect(isPartnerId(btoa('Region:RBN'))).toBe(false);
    expect(isPartnerId('not base64!')).toBe(false);
    expect(isPartnerId(undefined)).toBe(false);
  });

  it('puts the ID in the path safely', () => {
    expect(partnerPath('ab/c+d==')).toBe('/partners/ab%2Fc%2Bd%3D%3D');
  });

  it('reads "not found" in the API’s errors', () => {
    expect(isNotFoundError('Model partners(9999) not found')).toBe(true);
    expect(isNotFoundError('Invalid global ID: bad')).toBe(true);
    expect(isNotFoundError('Something went wrong')).toBe(false);
  });
});

function renderAt(url: string, element: ReactNode, path: string): string {
  const client = createGraphqlClient({ fetch: () => new Promise<Response>(() => {}) });
  return renderToStaticMarkup(
    <GraphqlProvider value={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={element} />
        </Routes>
      </MemoryRouter>
    </GraphqlProvider>,
  );
}

describe('PartnersPage', () => {
  const html = renderAt('/partners?q=acme&type=HNWI&year=2024', <PartnersPage />, '/partners');

  it('shows the search and filters of the URL while the partners load', () => {
    expect(html).toContain('<h1>Partners</h1>');
    expect(html).toMatch(
      /<input id="[^"]+" type="search" class="data-table-control data-table-control--search" [^>]*value="acme"/,
    );
    expect(html).toContain('<option value="HNWI" selected="">HNWI</option>');
    expect(html).toContain('Loading partners…');
    expect(html).toContain('Revenue 2024');
  });
});

describe('PartnerPage', () => {
  it('says at once when the address names no partner', () => {
    const html = renderAt('/partners/nonsense', <PartnerPage />, '/partners/:id');
    expect(html).toContain('<h1>Partner not found</h1>');
    expect(html).toContain('href="/partners"');
  });

  it('loads a partner’s ID', () => {
    const html = renderAt(`/partners/${encodeURIComponent('UGFydG5lcjo4NA==')}`, <PartnerPage />, '/partners/:id');
    expect(html).toContain('Loading the partner…');
  });
});
