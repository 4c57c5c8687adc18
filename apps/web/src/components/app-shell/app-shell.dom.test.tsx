// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, type UserRole } from '../../lib/session';
import { TEST_USERS } from '../../lib/session-test-data';
import { AppShell } from './app-shell';

/** The shell at `url` for a user of `role`, with a page that names itself; the API never answers. */
function openShell(role: UserRole, url = '/') {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <SessionProvider clientOptions={{ fetch: () => new Promise<Response>(() => {}) }} initialUser={TEST_USERS[role]}>
        <Routes>
          <Route element={<AppShell />}>
            <Route path="*" element={<h1>Page</h1>} />
          </Route>
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
}

function linksOf(container: HTMLElement): { name: string; href: string | null; current: string | null }[] {
  return within(container)
    .getAllByRole('link')
    .map((link) => ({
      name: link.textContent ?? '',
      href: link.getAttribute('href'),
      current: link.getAttribute('aria-current'),
    }));
}

function primaryNav(): HTMLElement {
  return screen.getByRole('navigation', { name: 'Primary' });
}

/** Opens the user menu and gives its panel. */
async function openUserMenu(): Promise<HTMLElement> {
  const button = screen.getByRole('button', { name: /^Account:/ });
  expect(button.getAttribute('aria-expanded')).toBe('false');
  await userEvent.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('true');
  const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!panel) throw new Error('The user menu controls no panel');
  expect(panel.hidden).toBe(false);
  return panel;
}

const DATA_PAGES = ['Overview', 'Regions', 'Partners', 'Contributions', 'Explorer'];

beforeEach(() => {
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => Object.assign(new EventTarget(), { matches: false, media: '' })),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the navigation, by role', () => {
  it('ADMIN: the data pages, the import and the audit trail; API tokens and users in the user menu', async () => {
    openShell('ADMIN');
    expect(linksOf(primaryNav()).map((link) => link.name)).toEqual([
      'Overview',
      'Regions',
      'Partners',
      'Contributions',
      'Import',
      'Explorer',
      'Audit trail',
    ]);
    const panel = await openUserMenu();
    const account = within(panel).getByRole('navigation', { name: 'Account' });
    expect(linksOf(account)).toEqual([
      { name: 'API tokens', href: '/settings/tokens', current: null },
      { name: 'Users', href: '/admin/users', current: null },
    ]);
    expect(within(panel).getByText('admin@panorama.demo')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('LEADERSHIP: the data pages and the audit trail; no account pages', async () => {
    openShell('LEADERSHIP');
    expect(linksOf(primaryNav()).map((link) => link.name)).toEqual([...DATA_PAGES, 'Audit trail']);
    const panel = await openUserMenu();
    expect(within(panel).queryByRole('navigation')).toBeNull();
    expect(within(panel).queryByRole('link')).toBeNull();
    expect(within(panel).getByText('Leadership')).toBeTruthy();
  });

  it('ANALYST: the data pages; API tokens in the user menu; no audit, no users', async () => {
    openShell('ANALYST');
    expect(linksOf(primaryNav()).map((link) => link.name)).toEqual(DATA_PAGES);
    const panel = await openUserMenu();
    expect(linksOf(panel).map((link) => link.name)).toEqual(['API tokens']);
  });

  it('REGIONAL: its region beside the regions, shown in the header, and the import; no audit, tokens or users', async () => {
    openShell('REGIONAL', '/regions/RBN?year=2024');
    const links = linksOf(primaryNav());
    expect(links.map((link) => link.name)).toEqual([
      'Overview',
      'Regions',
      'My region RBN',
      'Partners',
      'Contributions',
      'Import',
      'Explorer',
    ]);
    // Its own panorama is "My region", not "Regions"; links keep the year.
    expect(links.filter((link) => link.current === 'page')).toEqual([
      { name: 'My region RBN', href: '/regions/RBN?year=2024', current: 'page' },
    ]);
    const button = screen.getByRole('button', { name: /^Account:/ });
    expect(button.textContent).toContain('Njeri Regional (Nairobi)');
    expect(button.textContent).toContain('Regional team');
    expect(button.textContent).toContain('RBN');
    const panel = await openUserMenu();
    expect(within(panel).queryByRole('link')).toBeNull();
    expect(within(panel).getByText('Eastern Africa (RBN)')).toBeTruthy();
  });

  it('REGIONAL: another region’s panorama is under "Regions"', () => {
    openShell('REGIONAL', '/regions/RBB');
    expect(linksOf(primaryNav()).filter((link) => link.current === 'page')).toEqual([
      { name: 'Regions', href: '/regions', current: 'page' },
    ]);
  });
});

describe('the user menu', () => {
  it('closes with Escape and gives the focus back to its button', async () => {
    openShell('ANALYST');
    const panel = await openUserMenu();
    await userEvent.keyboard('{Escape}');
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Account:/ }));
  });

  it('closes when one of its links is followed', async () => {
    openShell('ADMIN');
    const panel = await openUserMenu();
    await userEvent.click(within(panel).getByRole('link', { name: 'Users' }));
    expect(panel.hidden).toBe(true);
  });
});
