import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { CombinedError, Provider as GraphqlProvider } from 'urql';
import { describe, expect, it } from 'vitest';
import { createGraphqlClient } from '../../lib/urql';
import { PanoramaContent, PanoramaDashboard, PanoramaPage } from './panorama-page';
import { testPanoramaAnswer, testPanoramaAnswerWithoutPartners } from './panorama-test-data';

/** A client whose requests never answer: queries stay loading. */
function pendingClient() {
  return createGraphqlClient({ fetch: () => new Promise<Response>(() => {}) });
}

function render(element: React.ReactElement, url = '/regions/RBN'): string {
  return renderToStaticMarkup(
    <GraphqlProvider value={pendingClient()}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/regions/:code" element={element} />
        </Routes>
      </MemoryRouter>
    </GraphqlProvider>,
  );
}

const noop = () => {};

describe('PanoramaPage', () => {
  it('names the region of the address, the year, its controls and a busy state while it loads', () => {
    const html = render(<PanoramaPage />, '/regions/rbn?year=2024&asOf=2024-03-31');
    expect(html).toContain('<h1>RBN</h1>');
    expect(html).toContain('<strong>2024</strong>');
    expect(html).toContain('min="2024-01-01"');
    expect(html).toContain('max="2024-12-31"');
    expect(html).toContain('value="2024-03-31"');
    expect(html).toContain('Latest data');
    expect(html).toContain('>Print</button>');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading the panorama…');
  });
});

describe('PanoramaContent', () => {
  it('says what failed and offers to retry', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    const html = render(<PanoramaContent data={undefined} error={error} fetching={false} onRetry={noop} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('The panorama could not be loaded.');
    expect(html).toContain('>Retry</button>');
  });

  it('says what failed when the API answers no data', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Not authorised.' }] });
    const html = render(<PanoramaContent data={null} error={error} fetching={false} onRetry={noop} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('The panorama could not be loaded.');
    expect(html).toContain('[GraphQL] Not authorised.');
  });

  it('says when the region has no figures for the year, and still shows its stories', () => {
    const { panorama } = testPanoramaAnswer;
    const empty = {
      ...testPanoramaAnswer,
      panorama: { ...panorama, kpis: panorama.kpis.map((kpi) => ({ ...kpi, value: 0 })) },
    };
    const html = render(<PanoramaContent data={empty} error={undefined} fetching={false} onRetry={noop} />);
    expect(html).toContain('No figures for RBN in 2025 yet');
    expect(html).toContain('Fortified food for 317 children in Kenya');
  });
});

describe('PanoramaDashboard', () => {
  const html = render(<PanoramaDashboard data={testPanoramaAnswer} />);

  it('shows the key figures with the other regions’ average', () => {
    expect(html).toContain('Others&#x27; average: <strong title="$9,568,594.66">$9.6M</strong>');
    expect(html).toContain('RBN 9% higher');
    expect(html).toContain('RBN 7.3 points lower');
    expect(html).toMatch(/Meals provided/);
  });

  it('shows the objectives under their pillars with status pills', () => {
    expect(html).toContain('Grow private-sector income');
    expect(html).toContain('status-pill--at-risk');
    expect(html).toContain('No measure in the catalog yet');
    const pillar = (label: string) => html.indexOf(`>${label}<span class="panorama-objectives__pillar-lead">`);
    expect(pillar('Income')).toBeGreaterThan(0);
    expect(pillar('Income')).toBeLessThan(pillar('Impact'));
  });

  it('links the top partners to their pages, and lists countries, field needs and stories', () => {
    expect(html).toContain('href="/partners/UGFydG5lcjozMA%3D%3D"');
    expect(html).toContain('Sudan');
    expect(html).toContain('No country office');
    expect(html).toContain('panorama-need-status--open');
    expect(html).toContain('<time dateTime="2025-10-18">18 October 2025</time>');
    expect(html).toContain('Export CSV');
  });

  it('says who may see the top partners when the API withholds them, and still shows the rest', () => {
    const restricted = render(<PanoramaDashboard data={testPanoramaAnswerWithoutPartners} />);
    expect(restricted).toContain('Top partners');
    expect(restricted).toContain('visible to its own team and to leadership');
    expect(restricted).not.toContain('UGFydG5lcjozMA%3D%3D');
    expect(restricted).not.toContain('No partner gave yet');
    expect(restricted).toContain('Sudan');
  });
});
