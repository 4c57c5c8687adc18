// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import { testOverviewAnswer } from '../features/overview/overview-test-data';
import { SessionProvider } from '../lib/session';
import { TEST_USERS } from '../lib/session-test-data';
import { LanguageProvider } from './language-provider';
import { LANGUAGE_STORAGE_KEY } from './language-storage';

/** The API, faked: the overview's answer, and a map without figures. */
function fakeApi(): typeof fetch {
  return async (_input, init) => {
    const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
    const data =
      operationName === 'OverviewPage_Overview' ? testOverviewAnswer : { metrics: { rows: [] }, regions: [] };
    return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
  };
}

/** Opens the dashboard at `/` as main.tsx renders it (a fresh visit each time), signed in as an analyst. */
function openDashboard() {
  return render(
    <StrictMode>
      <LanguageProvider>
        <MemoryRouter initialEntries={['/']}>
          <SessionProvider clientOptions={{ fetch: fakeApi() }} initialUser={TEST_USERS.ANALYST}>
            <App />
          </SessionProvider>
        </MemoryRouter>
      </LanguageProvider>
    </StrictMode>,
  );
}

/** Text as a reader sees it: Intl separates numbers from units with no-break spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

function languageSelect(): HTMLSelectElement {
  return screen.getByRole('combobox', { name: /^(Language|Langue|Idioma)$/ });
}

/** The headline card of a metric, found by its (translated) label, and its value. */
async function revenueCard(label: string): Promise<{ value: string; status: string }> {
  const card = await screen.findByRole('article', { name: label });
  return {
    value: plain(card.querySelector('data')?.textContent ?? null),
    status: plain(card.querySelector('.status-pill')?.textContent ?? null),
  };
}

function navLabels(): string[] {
  const nav = screen.getByRole('navigation', { name: /^(Primary|Navigation principale|Navegación principal)$/ });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

beforeEach(() => {
  localStorage.clear();
  // jsdom has no media queries (the theme follows the system's) and lays nothing out (the charts watch their size).
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => Object.assign(new EventTarget(), { matches: false, media: '' })),
  );
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.documentElement.lang = '';
});

describe('choosing the language', () => {
  it('shows the dashboard in English, then French, then Spanish, and remembers the choice', async () => {
    const user = userEvent.setup();
    const view = openDashboard();

    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    expect(await revenueCard('Revenue')).toEqual({ value: '$67.9M', status: '✓Revenue status: On track' });
    expect(screen.getByText('Figures from 1 January to 30 June 2025')).toBeTruthy();
    expect(navLabels()).toEqual(['Overview', 'Regions', 'Partners', 'Contributions', 'Explorer']);
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Overview · Panorama');
    expect([...languageSelect().options].map((option) => [option.value, option.text, option.lang])).toEqual([
      ['en', 'English', 'en'],
      ['fr', 'Français', 'fr'],
      ['es', 'Español', 'es'],
    ]);

    await user.selectOptions(languageSelect(), 'fr');
    expect(screen.getByRole('heading', { level: 1, name: 'Vue d’ensemble' })).toBeTruthy();
    expect(await revenueCard('Recettes')).toEqual({
      value: '67,9 M $US',
      status: '✓Statut de Recettes : En bonne voie',
    });
    expect(screen.getByText('Chiffres du 1er janvier au 30 juin 2025')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Partenaires actifs' }).title).toBe(
      'Partenaires distincts ayant au moins une contribution dans la période.',
    );
    expect(navLabels()).toEqual(['Vue d’ensemble', 'Régions', 'Partenaires', 'Contributions', 'Explorateur']);
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Vue d’ensemble · Panorama');

    await user.selectOptions(languageSelect(), 'es');
    expect(screen.getByRole('heading', { level: 1, name: 'Resumen' })).toBeTruthy();
    expect(await revenueCard('Ingresos')).toEqual({
      value: '67,9 M US$',
      status: '✓Estado de Ingresos: En buen camino',
    });
    expect(screen.getByText('Cifras del 1 de enero al 30 de junio de 2025')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Socios activos' })).toBeTruthy();
    expect(navLabels()).toEqual(['Resumen', 'Regiones', 'Socios', 'Contribuciones', 'Explorador']);
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es');
    expect(document.documentElement.lang).toBe('es');

    // A new visit opens in the language chosen.
    view.unmount();
    openDashboard();
    expect(await screen.findByRole('heading', { level: 1, name: 'Resumen' })).toBeTruthy();
    expect(languageSelect().value).toBe('es');
    expect(await revenueCard('Ingresos')).toMatchObject({ value: '67,9 M US$' });
    expect(document.documentElement.lang).toBe('es');
  });

  it('is a labelled select in the tab order, which keeps the focus as the page changes language', async () => {
    const user = userEvent.setup();
    openDashboard();
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    screen.getByRole('combobox', { name: 'Year' }).focus();
    await user.tab();
    expect(document.activeElement).toBe(languageSelect());

    await user.selectOptions(languageSelect(), 'fr');
    expect(await screen.findByRole('heading', { level: 1, name: 'Vue d’ensemble' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Langue' }));
  });

  it('opens in the first of the browser’s languages it speaks when none was chosen', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-CH', 'es-419', 'fr']);
    openDashboard();
    expect(await screen.findByRole('heading', { level: 1, name: 'Resumen' })).toBeTruthy();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });

  it('opens in English when the browser asks for none of the three, or the stored choice is no language', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE']);
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    openDashboard();
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});
