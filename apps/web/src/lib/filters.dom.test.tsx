// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Filters, useFilters } from './filters';

const STORAGE_KEY = 'panorama.filters';
const DEFAULTS: Filters = { year: 2025, asOf: null, regionCode: null, incomeStream: null, partnerType: null };

/** What the page under test can do: change the filters, move through history. */
let controls: { setFilters: (changes: Partial<Filters>) => void; go: (delta: number) => void } | undefined;

/** A page that shows its filters and its address, as any page of the dashboard reads them. */
function FiltersProbe() {
  const [filters, setFilters] = useFilters();
  const location = useLocation();
  const navigate = useNavigate();
  controls = { setFilters, go: (delta) => navigate(delta) };
  return (
    <>
      <output aria-label="Filters">{JSON.stringify(filters)}</output>
      <output aria-label="Address">{`${location.pathname}${location.search}`}</output>
    </>
  );
}

/** Opens the dashboard at `url` in a router of its own (a new tab), as main.tsx renders it. */
function open(url: string) {
  return render(
    <StrictMode>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="*" element={<FiltersProbe />} />
        </Routes>
      </MemoryRouter>
    </StrictMode>,
  );
}

function shownFilters(): Filters {
  return JSON.parse(screen.getByLabelText('Filters').textContent ?? 'null') as Filters;
}

function shownAddress(): string {
  return screen.getByLabelText('Address').textContent ?? '';
}

function setFilters(changes: Partial<Filters>) {
  act(() => controls?.setFilters(changes));
}

function go(delta: number) {
  act(() => controls?.go(delta));
}

beforeEach(() => {
  localStorage.clear();
  controls = undefined;
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('useFilters through a router', () => {
  it('writes every filter into the URL, keeping other parameters, and reads back the same', () => {
    open('/contributions?kind=CASH');
    expect(shownFilters()).toEqual(DEFAULTS);

    const chosen: Filters = {
      year: 2023,
      asOf: '2023-06-30',
      regionCode: 'RBN',
      incomeStream: 'CORPORATE',
      partnerType: 'FOUNDATION',
    };
    setFilters(chosen);
    expect(shownAddress()).toBe(
      '/contributions?kind=CASH&year=2023&asOf=2023-06-30&region=RBN&stream=CORPORATE&type=FOUNDATION',
    );
    expect(shownFilters()).toEqual(chosen);

    // The address is a link to the same view: opened elsewhere, it reads the same filters.
    const link = shownAddress();
    cleanup();
    localStorage.clear();
    open(link);
    expect(shownFilters()).toEqual(chosen);
    expect(shownAddress()).toBe(link);
  });

  it('changes one filter at a time, leaving the others as they are', () => {
    open('/?year=2022&region=RBB');
    setFilters({ incomeStream: 'HNWI' });
    expect(shownFilters()).toEqual({ ...DEFAULTS, year: 2022, regionCode: 'RBB', incomeStream: 'HNWI' });
    expect(shownAddress()).toBe('/?year=2022&region=RBB&stream=HNWI');
  });

  it('leaves the defaults out of the URL', () => {
    open('/regions?year=2023&asOf=2023-03-31&region=RBN&stream=HNWI&type=CORPORATION&metric=ACTIVE_PARTNERS');
    setFilters({ year: 2025, asOf: null, regionCode: null, incomeStream: null, partnerType: null });
    expect(shownAddress()).toBe('/regions?metric=ACTIVE_PARTNERS');
    expect(shownFilters()).toEqual(DEFAULTS);

    setFilters({ year: 2025, regionCode: 'RBN' });
    expect(shownAddress()).toBe('/regions?metric=ACTIVE_PARTNERS&region=RBN');
  });

  it('ignores what is not a filter value in a hand-edited URL', () => {
    open('/?year=1999&asOf=2024-01-01&region=%3Cscript%3E&stream=corporate');
    expect(shownFilters()).toEqual({ ...DEFAULTS, incomeStream: 'CORPORATE' });
  });

  it('pushes a history entry per change: the back button restores the previous filters', () => {
    open('/');
    setFilters({ regionCode: 'RBN' });
    setFilters({ year: 2022, incomeStream: 'HNWI' });
    expect(shownAddress()).toBe('/?region=RBN&year=2022&stream=HNWI');

    go(-1);
    expect(shownAddress()).toBe('/?region=RBN');
    expect(shownFilters()).toEqual({ ...DEFAULTS, regionCode: 'RBN' });

    // Back to where the dashboard opened: its own (default) filters, not the remembered ones.
    go(-1);
    expect(shownAddress()).toBe('/');
    expect(shownFilters()).toEqual(DEFAULTS);

    go(1);
    expect(shownFilters()).toEqual({ ...DEFAULTS, regionCode: 'RBN' });
    go(1);
    expect(shownFilters()).toEqual({ ...DEFAULTS, regionCode: 'RBN', year: 2022, incomeStream: 'HNWI' });
  });

  it('remembers the choice in localStorage, and the next visit opens with it', () => {
    open('/');
    setFilters({ year: 2023, regionCode: 'RBN', partnerType: 'HNWI' });
    expect(localStorage.getItem(STORAGE_KEY)).toBe('year=2023&region=RBN&type=HNWI');
    cleanup();

    // A new visit, to an address without filters: the remembered ones apply, and show in the URL.
    open('/contributions?kind=IN_KIND');
    const remembered = { ...DEFAULTS, year: 2023, regionCode: 'RBN', partnerType: 'HNWI' };
    expect(shownFilters()).toEqual(remembered);
    expect(shownAddress()).toBe('/contributions?kind=IN_KIND&year=2023&region=RBN&type=HNWI');

    // The restored view is where that visit starts: changing a filter and going back returns to it.
    setFilters({ regionCode: 'RBB' });
    go(-1);
    expect(shownFilters()).toEqual(remembered);
  });

  it('lets a link with filters win over the remembered ones', () => {
    localStorage.setItem(STORAGE_KEY, 'year=2023&region=RBN');
    open('/?year=2021');
    expect(shownFilters()).toEqual({ ...DEFAULTS, year: 2021 });
    expect(shownAddress()).toBe('/?year=2021');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('year=2023&region=RBN');
  });

  it('remembers going back to the defaults too', () => {
    open('/');
    setFilters({ year: 2023, regionCode: 'RBN' });
    setFilters({ year: 2025, regionCode: null });
    expect(localStorage.getItem(STORAGE_KEY)).toBe('');
    cleanup();

    open('/');
    expect(shownFilters()).toEqual(DEFAULTS);
    expect(shownAddress()).toBe('/');
  });

  it('restores only what is valid from storage', () => {
    localStorage.setItem(STORAGE_KEY, 'year=2031&region=rbn&stream=%3Cx%3E&asOf=2020-01-01');
    open('/');
    expect(shownFilters()).toEqual({ ...DEFAULTS, regionCode: 'RBN' });
    expect(shownAddress()).toBe('/?region=RBN');
  });

  it('still works when storage is unavailable (private browsing)', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    open('/');
    setFilters({ regionCode: 'RBP' });
    expect(shownAddress()).toBe('/?region=RBP');
    expect(shownFilters()).toEqual({ ...DEFAULTS, regionCode: 'RBP' });
  });
});
