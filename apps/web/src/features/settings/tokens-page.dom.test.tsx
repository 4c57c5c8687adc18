// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../lib/session';
import { graphqlResponse, TEST_USERS } from '../../lib/session-test-data';
import { TokensPage } from './tokens-page';

const SECRET = 'pan_t_0123456789abcdefghijklmnopqrstuv';

interface Token {
  __typename: 'ApiToken';
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The API of one analyst's tokens, faked: it creates, lists and revokes; records the operations. */
function fakeTokensApi() {
  const tokens: Token[] = [];
  const operations: string[] = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const { operationName, variables } = JSON.parse(String(init?.body)) as {
      operationName: string;
      variables: Record<string, unknown>;
    };
    operations.push(operationName);
    switch (operationName) {
      case 'TokensPage_Tokens':
        return graphqlResponse({ data: { myApiTokens: [...tokens].reverse() } });
      case 'TokensPage_CreateToken': {
        if (!String(variables.name).trim()) {
          return graphqlResponse({
            data: {
              createApiToken: {
                __typename: 'InvalidInputError',
                message: 'Invalid input',
                problems: [{ __typename: 'FieldProblem', field: 'name', message: 'must not be empty' }],
              },
            },
          });
        }
        const token: Token = {
          __typename: 'ApiToken',
          id: tokens.length + 1,
          name: String(variables.name),
          prefix: SECRET.slice(0, 12),
          createdAt: '2026-11-26T10:00:00.000Z',
          expiresAt: variables.expiresAt ? `${variables.expiresAt}T23:59:59.999Z` : null,
          lastUsedAt: null,
          revokedAt: null,
        };
        tokens.push(token);
        return graphqlResponse({
          data: {
            createApiToken: {
              __typename: 'MutationCreateApiTokenSuccess',
              data: { __typename: 'NewApiToken', token: SECRET, apiToken: token },
            },
          },
        });
      }
      case 'TokensPage_RevokeToken': {
        const token = tokens.find((each) => each.id === variables.id);
        if (token) token.revokedAt = '2026-11-26T11:00:00.000Z';
        return graphqlResponse({ data: { revokeApiToken: !!token } });
      }
      default:
        throw new Error(`No fake answer for ${operationName}`);
    }
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, operations };
}

function openTokensPage(fetch: typeof globalThis.fetch) {
  return render(
    <MemoryRouter initialEntries={['/settings/tokens']}>
      <SessionProvider clientOptions={{ fetch }} initialUser={TEST_USERS.ANALYST}>
        <TokensPage />
      </SessionProvider>
    </MemoryRouter>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the API tokens page', () => {
  it('shows the refusal of a token without a name by its field', async () => {
    const user = userEvent.setup();
    openTokensPage(fakeTokensApi().fetch);
    await screen.findByText('No tokens yet');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Name: must not be empty');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a new token’s secret once, with a warning and a copy button, then lists its prefix only', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const api = fakeTokensApi();
    openTokensPage(api.fetch);
    await screen.findByText('No tokens yet');

    await user.type(screen.getByLabelText('Name'), 'monthly report{Enter}');
    const notice = await screen.findByRole('region', { name: 'New token “monthly report”' });
    expect(document.activeElement).toBe(within(notice).getByRole('heading', { level: 2 }));
    expect(within(notice).getByText(/this is the only time it is shown/)).toBeTruthy();
    const secret = within(notice).getByLabelText('Token') as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(secret.readOnly).toBe(true);
    await user.click(within(notice).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await within(notice).findByText('Copied to the clipboard.')).toBeTruthy();

    const row = (await screen.findByText('monthly report', { selector: 'th' })).closest('tr');
    if (!row) throw new Error('no row for the token');
    expect(row.textContent).toContain(`${SECRET.slice(0, 12)}…`);
    expect(row.textContent).not.toContain(SECRET);
    expect(row.textContent).toContain('Never used');
    expect(row.textContent).toContain('Active');

    await user.click(within(notice).getByRole('button', { name: 'Done, I have copied it' }));
    expect(screen.queryByRole('region', { name: /New token/ })).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  });

  it('revokes a token only after a confirmation', async () => {
    const user = userEvent.setup();
    const api = fakeTokensApi();
    openTokensPage(api.fetch);
    await screen.findByText('No tokens yet');
    await user.type(screen.getByLabelText('Name'), 'ci{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Done, I have copied it' }));

    await user.click(await screen.findByRole('button', { name: 'Revoke ci' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke the token “ci”?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.operations).not.toContain('TokensPage_RevokeToken');

    await user.click(screen.getByRole('button', { name: 'Revoke ci' }));
    await user.click(screen.getByRole('button', { name: 'Revoke token' }));
    expect(await screen.findByText('The token “ci” was revoked.')).toBeTruthy();
    expect(api.operations).toContain('TokensPage_RevokeToken');
    const row = (await screen.findByText('Revoked', { exact: false, selector: '.token-status' })).closest('tr');
    expect(row?.textContent).toContain('ci');
    expect(screen.queryByRole('button', { name: 'Revoke ci' })).toBeNull();
  });
});
