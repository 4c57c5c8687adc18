import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { CombinedError, Provider as GraphqlProvider } from 'urql';
import { describe, expect, it } from 'vitest';
import { createGraphqlClient } from '../../lib/urql';
import { OverviewContent, OverviewDashboard, OverviewPage } from './overview-page';
import { testOverviewAnswer } from './overview-test-data';

/** A client whose requests never answer: queries stay loading. */
function pendingClient() {
  return createGraphqlClient({ fetch: () => new Promise<Response>(() => {}) });
}

function render(element: React.ReactElement, url = '/'): string {
  return renderToStaticMarkup(
    <GraphqlProvider value={pendingClient()}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/" element={element} />
        </Routes>
      </MemoryRouter>
    </GraphqlProvider>,
  );
}

describe('OverviewPage', () => {
  it('shows its heading, the as-of control and a busy state while the overview loads', () => {
    const html = render(<OverviewPage />, '/?year=2024&asOf=2024-03-31');
    expect(html).toContain('<h1>Overview</h1>');
    expect(html).toContain('type="date"');
    expect(html).toMatch(/min="2024-01-01" max="2024-12-31" aria-describedby="[^"]+" value="2024-03-31"/);
    expect(html).toContain('Figures from 1 January to 31 March 2024');
    expect(html).toContain('Latest data');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading the overview…');
  });

  it('says which year it reads before the API says which day', () => {
    const html = render(<OverviewPage />, '/?year=2023');
    expect(html).toContain('Figures for 2023');
    expect(html).not.toContain('Latest data');
  });
});

describe('OverviewContent', () => {
  const noop = () => {};

  it('says what failed and offers to retry', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    const html = render(
      <OverviewContent data={undefined} error={error} fetching={false} year={2025} regionCode={null} onRetry={noop} />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('The overview could not be loaded.');
    expect(html).toContain('[Network] Failed to fetch');
    expect(html).toContain('>Retry</button>');
  });

  it('says when the API answers no data, with the error', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Not authorised.' }] });
    const html = render(
      <OverviewContent data={null} error={error} fetching={false} year={2025} regionCode={null} onRetry={noop} />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('The overview could not be loaded.');
    expect(html).toContain('[GraphQL] Not authorised.');
  });

  it('says when the year has no figures yet', () => {
    const { overview } = testOverviewAnswer;
    const empty = {
      ...testOverviewAnswer,
      overview: { ...overview, kpis: overview.kpis.map((kpi) => ({ ...kpi, value: 0 })) },
    };
    const html = render(
      <OverviewContent data={empty} error={undefined} fetching={false} year={2025} regionCode={null} onRetry={noop} />,
    );
    expect(html).toContain('No figures for 2025 yet');
    expect(html).toContain('between 1 January and 30 June 2025');
    expect(html).not.toContain('Key figures');
  });
});

describe('OverviewDashboard', () => {
  const html = render(<OverviewDashboard data={testOverviewAnswer} />);

  it('shows the headline figures, then the supporting ones', () => {
    expect(html).toContain('<h2 id="_R_');
    expect(html).toContain('Key figures');
    expect(html).toContain('>$67.9M<');
    expect(html).toContain('<span class="visually-hidden">up 32% on last year</span>');
    expect(html).toContain('Impact, innovation and enablers');
    expect(html).toContain('5.6M<span class="kpi-card__unit"> meals</span>');
    expect(html.indexOf('Weighted pipeline')).toBeLessThan(html.indexOf('Meals provided'));
  });

  it('marks the expected pace at asOf on progress bars', () => {
    expect(html).toContain('title="Expected by 30 June: 49.6% of target"');
  });

  it('draws the regional, monthly and income-stream charts with labels for screen readers', () => {
    expect(html).toContain('aria-label="Revenue by region to date against the full-year target, 2025"');
    expect(html).toContain('<th scope="row">RBN · Nairobi</th><td>$10.5M</td><td>$10M</td>');
    expect(html).toContain('aria-label="Revenue by month, 2025 and 2024"');
    expect(html).toContain('<th scope="row">Jul</th><td>—</td><td>$3.2M</td>');
    expect(html).toContain('<th scope="row">Major donors</th>');
  });

  it('lists objectives under their pillars, with status in words', () => {
    expect(html).toContain('Progress by objective');
    expect(html.indexOf('Grow private-sector income')).toBeLessThan(html.indexOf('Tailored support to each bureau'));
    expect(html).toContain('<span class="visually-hidden">Tailored support to each bureau status: </span>Off track');
    expect(html).toContain('No measure in the catalog yet');
    expect(html).toContain('Each objective&#x27;s measures from 1 January to 30 June 2025');
  });

  it('loads the map with its own query', () => {
    expect(html).toContain('Country offices');
    expect(html).toContain('Loading the map…');
    expect(html).toContain('<option value="BENEFICIARIES_REACHED">Beneficiaries reached</option>');
  });
});
