import { render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { createGraphqlClient } from '../../lib/urql';
import { ManageRegionPage } from './manage-page';
import { fakeApi, type Handler } from './manage-test-data';
import { TargetHistoryPage } from './target-history-page';

/**
 * The manage page's routes rendered on a fake API, and how its tests read the page: text as a
 * reader sees it, a control's description, a row of the targets table.
 */

/** Opens the dashboard at `url` with the manage routes, on a fake API. */
export function open(url: string, handlers: Record<string, Handler>) {
  const api = fakeApi(handlers);
  render(
    <StrictMode>
      <GraphqlProvider value={createGraphqlClient({ fetch: api.fetch })}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path="/regions/:code/manage" element={<ManageRegionPage />} />
            <Route path="/targets/:id" element={<TargetHistoryPage />} />
          </Routes>
        </MemoryRouter>
      </GraphqlProvider>
    </StrictMode>,
  );
  return api;
}

/** Text as a reader sees it: Intl separates numbers from units with no-break spaces. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

/** The accessible description of a control: what its aria-describedby names. */
export function description(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return plain(ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
}

/** A row of the table of RBN's targets for 2025, by its accessible name. */
export async function targetRow(name: RegExp | string) {
  const table = await screen.findByRole('table', { name: 'Targets of RBN, 2025' });
  return within(table).getByRole('row', { name });
}
