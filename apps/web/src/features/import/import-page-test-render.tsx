import { cleanup, render, screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import type { UserRole } from '../../lib/session';
import { SessionProvider } from '../../lib/session';
import { graphqlResponse, TEST_USERS } from '../../lib/session-test-data';
import { ImportPage } from './import-page';

/**
 * The import page rendered for its tests (`import-page-*.dom.test.tsx`), with a fake import
 * endpoint and fake downloads, and how its tests read the page and its files.
 */

export const HEADER =
  'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref';
export const GIFTS = [
  HEADER,
  'E-1,2024-06-15,100.00,CORPORATE,CASH,P-1,"Harbour, Ltd",CORPORATION,RBN,KEN,INC_GROWTH,',
  'E-2,2024-06-16,0.50,CORPORATE,IN_KIND,P-1,"Harbour, Ltd",CORPORATION,RBN,,INC_GROWTH,',
].join('\r\n');

export function csvFile(text: string, name = 'gifts.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

/** A request the page sent to the import: where, how, and the file it sent. */
export interface SentImport {
  url: URL;
  init: RequestInit;
}

/**
 * Fakes, for each test of the file, the import endpoint and the downloads: the requests the page
 * sent (`sent`), the answers still to give, in turn (`answers`; a request with no answer left
 * never ends), and the files the page offered to download (`downloads`). Emptied before each test.
 */
export function fakeImportRequests() {
  const sent: SentImport[] = [];
  const answers: Response[] = [];
  const downloads: { fileName: string; blob: Blob }[] = [];

  /** Answers the import requests with `answers`, in turn; records each. */
  function fakeImportFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    sent.push({ url: new URL(String(input), 'http://panorama.test'), init });
    const answer = answers.shift();
    return answer ? Promise.resolve(answer) : new Promise<Response>(() => {});
  }

  beforeEach(() => {
    sent.length = 0;
    answers.length = 0;
    downloads.length = 0;
    vi.stubGlobal('fetch', vi.fn(fakeImportFetch));
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:test/${blobs.size + 1}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob) downloads.push({ fileName: this.download, blob });
    });
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  return { sent, answers, downloads };
}

export function openImportPage(role: UserRole = 'REGIONAL', path = '/import') {
  // The page talks to /api/import with the global fetch; GraphQL is not asked.
  const graphqlFetch = vi.fn(async () => graphqlResponse({ data: {} }));
  return render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider clientOptions={{ fetch: graphqlFetch }} initialUser={TEST_USERS[role]}>
        <ImportPage />
      </SessionProvider>
    </MemoryRouter>,
  );
}

export function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

export const counts = (inserted: number, updated = 0, unchanged = 0, rejected = 0) => ({
  inserted,
  updated,
  unchanged,
  rejected,
});

/** The figure a count of the answer shows, by its label. */
export function countShown(label: string): string | null | undefined {
  const term = screen.getAllByText(label, { selector: 'dt' })[0];
  return term?.nextElementSibling?.textContent;
}

export async function chooseFile(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(screen.getByLabelText('Choose a file'), file);
}
