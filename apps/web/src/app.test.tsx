import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { describe, expect, it } from 'vitest';
import { App } from './app';
import { createGraphqlClient } from './lib/urql';

/** Renders the app at a URL, with a client whose requests never answer (the loading state). */
function renderAt(url: string): string {
  const client = createGraphqlClient({ fetch: () => new Promise<Response>(() => {}) });
  return renderToStaticMarkup(
    <GraphqlProvider value={client}>
      <MemoryRouter initialEntries={[url]}>
        <App />
      </MemoryRouter>
    </GraphqlProvider>,
  );
}

describe('App', () => {
  it('shows the shell with the overview at /', () => {
    const html = renderAt('/');
    expect(html).toContain('Panorama');
    expect(html).toContain('<h1>Overview</h1>');
    expect(html).toContain('<a aria-current="page" class="primary-nav__link active" href="/"');
    expect(html).toContain('<a class="primary-nav__link" href="/regions"');
  });

  it('keeps the selected year in every link', () => {
    const html = renderAt('/?year=2021');
    expect(html).toContain('href="/regions?year=2021"');
    expect(html).toContain('href="/?year=2021"');
    expect(html).toContain('<option value="2021" selected="">2021</option>');
  });

  it('selects 2025 when the URL names no year, or an unknown one', () => {
    expect(renderAt('/regions')).toContain('<option value="2025" selected="">2025</option>');
    expect(renderAt('/regions?year=1999')).toContain('<option value="2025" selected="">2025</option>');
  });

  it('shows the regions page, busy, while its query runs', () => {
    const html = renderAt('/regions?year=2024');
    expect(html).toContain('<h1>Regions</h1>');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading regions…');
  });

  it('answers an unknown path with a page, not a blank screen', () => {
    expect(renderAt('/nowhere')).toContain('Page not found');
  });
});
