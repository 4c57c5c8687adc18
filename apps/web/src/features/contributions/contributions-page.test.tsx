import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { describe, expect, it } from 'vitest';
import { rowsToCsv } from '../../components/data-table/table-csv';
import { createGraphqlClient } from '../../lib/urql';
import { type ContributionNode, contributionColumns } from './contribution-columns';
import { contributionRange, isIsoDay } from './contribution-range';
import { ContributionsPage, contributionFilter } from './contributions-page';

describe('contributionRange', () => {
  it('defaults to the selected year, up to asOf when chosen', () => {
    expect(contributionRange(2025, null, null, null)).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      narrowed: false,
    });
    expect(contributionRange(2025, '2025-06-30', null, null)).toMatchObject({ to: '2025-06-30', narrowed: false });
  });

  it('narrows to the days of the URL within the year', () => {
    expect(contributionRange(2025, null, '2025-03-01', '2025-03-31')).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-31',
      narrowed: true,
    });
  });

  it('ignores days outside the year, impossible days, and a start after the end', () => {
    expect(contributionRange(2024, null, '2025-03-01', '2023-01-01')).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(contributionRange(2025, null, '2025-02-30', null).from).toBe('2025-01-01');
    expect(contributionRange(2025, null, '2025-05-01', '2025-04-01')).toMatchObject({
      from: '2025-05-01',
      to: '2025-12-31',
    });
  });
});

describe('isIsoDay', () => {
  it('accepts real days only', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2025-1-1')).toBe(false);
    expect(isIsoDay(null)).toBe(false);
  });
});

describe('contributionFilter', () => {
  it('sends the dates and only the conditions set', () => {
    expect(contributionFilter({ from: '2025-01-01', to: '2025-12-31' }, null, null, null)).toEqual({
      dateFrom: '2025-01-01',
      dateTo: '2025-12-31',
    });
    expect(contributionFilter({ from: '2025-01-01', to: '2025-06-30' }, 'RBN', 'CORPORATE', 'IN_KIND')).toEqual({
      dateFrom: '2025-01-01',
      dateTo: '2025-06-30',
      regionCodes: ['RBN'],
      incomeStreams: ['CORPORATE'],
      kinds: ['IN_KIND'],
    });
  });
});

describe('contribution columns', () => {
  const gift: ContributionNode = {
    id: 'Q29udHJpYnV0aW9uOjE=',
    date: '2025-03-07',
    externalRef: 'C-0000001',
    amountUsd: 1234.5,
    incomeStream: 'CORPORATE',
    kind: 'IN_KIND',
    partner: { id: 'UGFydG5lcjox', name: 'Acme, Inc.' },
    region: { id: 'UmVnaW9uOlJCTg==', code: 'RBN' },
    country: { id: 'Q291bnRyeTpLRU4=', iso3: 'KEN', name: 'Kenya' },
    objective: { id: 'T2JqZWN0aXZlOjE=', code: 'INC_GROWTH', name: 'Grow private-sector income' },
    partnership: null,
  };

  it('export values an import would accept: ISO dates, plain amounts, enum values', () => {
    const csv = rowsToCsv(contributionColumns(), [gift]);
    expect(csv).toBe(
      '\uFEFFDate,Reference,Partner,Amount (USD),Stream,Kind,Region,Country,Objective,Partnership\r\n' +
        '2025-03-07,C-0000001,"Acme, Inc.",1234.5,CORPORATE,IN_KIND,RBN,Kenya,Grow private-sector income,\r\n',
    );
  });

  it('leave the partner out on a partner’s own page', () => {
    expect(rowsToCsv(contributionColumns({ withoutPartner: true }), [gift])).not.toContain('Partner,');
  });
});

describe('ContributionsPage', () => {
  const client = createGraphqlClient({ fetch: () => new Promise<Response>(() => {}) });
  const html = renderToStaticMarkup(
    <GraphqlProvider value={client}>
      <MemoryRouter initialEntries={['/contributions?year=2024&region=RBN&kind=CASH']}>
        <ContributionsPage />
      </MemoryRouter>
    </GraphqlProvider>,
  );

  it('shows the year’s range and the filters of the URL while loading', () => {
    expect(html).toContain('<h1>Contributions</h1>');
    expect(html).toContain('from Jan 1, 2024 to Dec 31, 2024');
    expect(html).toContain('<option value="CASH" selected="">Cash</option>');
    expect(html).toContain('value="2024-01-01"');
    expect(html).toContain('Loading contributions…');
  });
});
