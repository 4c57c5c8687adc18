import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { App } from './app';
import { SessionProvider, type SessionUser } from './lib/session';
import { TEST_USERS } from './lib/session-test-data';

/** A fetch that never answers: queries stay loading. */
const pending = () => new Promise<Response>(() => {});

/**
 * Renders the app at a URL for a user already known (null: nobody signed in; 'ask': the API is
 * asked, and never answers), with a client whose requests never answer (the loading state).
 */
function renderAt(url: string, user: SessionUser | null | 'ask' = TEST_USERS.ANALYST): string {
  return renderToStaticMarkup(
    <MemoryRouter initialEntries={[url]}>
      <SessionProvider clientOptions={{ fetch: pending }} initialUser={user === 'ask' ? undefined : user}>
        <App />
      </SessionProvider>
    </MemoryRouter>,
  );
}

describe('App', () => {
  it('shows the shell with the overview at /', () => {
    const html = renderAt('/');
    expect(html).toContain('Panorama');
    expect(html).toContain('<h1>Overview</h1>');
    expect(html).toContain('<a class="primary-nav__link active" aria-current="page" href="/"');
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

  it('shows the shell, busy, while a page that loads on first use arrives', () => {
    const html = renderAt('/regions?year=2024');
    expect(html).toContain('primary-nav');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading');
    expect(html).not.toContain('<h1>Regions</h1>');
  });

  it('answers an unknown path with a page, not a blank screen', () => {
    expect(renderAt('/nowhere')).toContain('Page not found');
  });

  it('shows the loading state, and no page, while the API says who is signed in', () => {
    const html = renderAt('/regions', 'ask');
    expect(html).toContain('Checking your sign-in…');
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain('<h1>');
    expect(html).not.toContain('primary-nav');
  });

  it('shows the sign-in page at /sign-in to an anonymous visitor', () => {
    const html = renderAt('/sign-in', null);
    expect(html).toContain('<h1 id="');
    expect(html).toContain('>Sign in</h1>');
    expect(html).toContain('autoComplete="current-password"');
    expect(html).not.toContain('primary-nav');
  });

  it('tells a role that may not open a page so, in the shell', () => {
    const html = renderAt('/admin/users', TEST_USERS.REGIONAL);
    expect(html).toContain('<h1>Not available to your role</h1>');
    expect(html).toContain('Your role (Regional team) may not open this page.');
    expect(html).toContain('primary-nav');
  });
});
