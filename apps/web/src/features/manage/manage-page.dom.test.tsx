// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { createGraphqlClient } from '../../lib/urql';
import { ManageRegionLink } from './manage-link';
import { ManageRegionPage } from './manage-page';
import {
  ADMIN,
  fakeApi,
  type Handler,
  kenyaTarget,
  LEADERSHIP,
  REGIONAL_RBB,
  REGIONAL_RBN,
  regionAnswer,
  revenueTarget,
  setTargetConflict,
  setTargetInvalid,
  setTargetSuccess,
  targetsAnswer,
} from './manage-test-data';
import { TargetHistoryPage } from './target-history-page';

afterEach(cleanup);

/** Opens the dashboard at `url` with the manage routes, on a fake API. */
function open(url: string, handlers: Record<string, Handler>) {
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
function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

/** The accessible description of a control: what its aria-describedby names. */
function description(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return plain(ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
}

async function targetRow(name: RegExp | string) {
  const table = await screen.findByRole('table', { name: 'Targets of RBN, 2025' });
  return within(table).getByRole('row', { name });
}

describe('the targets of a region, for its regional team', () => {
  it('lists the targets of the region and its country offices, each value in its unit', async () => {
    open('/regions/RBN/manage?year=2025', {
      ManageRegionPage: () => ({ data: regionAnswer(REGIONAL_RBN) }),
      ManageTargets: () => ({ data: targetsAnswer([kenyaTarget, revenueTarget]) }),
      ManagePartnerships: () => ({ data: { region: { id: 'r', partnerships: { nodes: [] } } } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Regional Bureau for Eastern Africa' })).toBeTruthy();
    expect(screen.getByText('You may change the data of RBN, your region.')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Targets of RBN, 2025' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => plain(row.textContent));
    expect(rows[0]).toContain('RevenueRBN (whole region)2025$1,000,000.001demo15 Dec 2024, 09:00 UTC');
    expect(rows[1]).toContain('Beneficiaries reachedKenya202512,000 people3nairobi@panorama.demo');
    expect(screen.getByRole('link', { name: 'History Revenue, RBN (whole region), 2025' }).getAttribute('href')).toBe(
      '/targets/VGFyZ2V0OjE%3D',
    );
    expect(screen.getByRole('button', { name: 'New target' })).toBeTruthy();
  });

  it('shows the API’s problems beside the field they concern, and moves the focus there', async () => {
    const user = userEvent.setup();
    const api = open('/regions/RBN/manage', {
      ManageRegionPage: () => ({ data: regionAnswer(REGIONAL_RBN) }),
      ManageTargets: () => ({ data: targetsAnswer([revenueTarget]) }),
      ManageSetTarget: () => ({
        data: setTargetInvalid([
          { field: 'value', message: 'is in US dollars: at most 2 decimal places (cents); got 12.345' },
        ]),
      }),
    });
    await user.click(within(await targetRow(/^Revenue/)).getByRole('button', { name: /^Edit/ }));
    const value = screen.getByRole('textbox', { name: 'Value' });
    expect(document.activeElement).toBe(value);
    expect(description(value)).toContain('Now $1,000,000.00 (version 1): saving replaces it.');
    await user.clear(value);
    await user.type(value, '12.345');
    expect(description(value)).toContain('Reads as $12.35.');
    await user.click(screen.getByRole('button', { name: 'Save the target' }));

    expect(await screen.findByText('Nothing was saved: correct what is marked, then save again.')).toBeTruthy();
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(description(value)).toContain('Value is in US dollars: at most 2 decimal places (cents); got 12.345');
    expect(document.activeElement).toBe(value);
    expect(api.calls('ManageSetTarget')[0]?.variables).toEqual({
      input: {
        metricCode: 'REVENUE_USD',
        scopeType: 'REGION',
        scopeCode: 'RBN',
        year: 2025,
        quarter: null,
        value: '12.345',
        expectedVersion: 1,
      },
    });
  });

  it('shows both values on a version conflict, and overwriting resends with the current version', async () => {
    const user = userEvent.setup();
    let saves = 0;
    const api = open('/regions/RBN/manage', {
      ManageRegionPage: () => ({ data: regionAnswer(REGIONAL_RBN) }),
      ManageTargets: () => ({ data: targetsAnswer([revenueTarget]) }),
      ManageSetTarget: () => {
        saves += 1;
        return saves === 1
          ? {
              data: setTargetConflict({
                expectedVersion: 1,
                currentVersion: 2,
                yourValue: '1300000',
                currentValue: '1200000',
                currentSetBy: 'ana@panorama.demo',
              }),
            }
          : { data: setTargetSuccess({ ...revenueTarget, value: 1_300_000, version: 3, setBy: 'me' }) };
      },
    });
    await user.click(within(await targetRow(/^Revenue/)).getByRole('button', { name: /^Edit/ }));
    const value = screen.getByRole('textbox', { name: 'Value' });
    await user.clear(value);
    await user.type(value, '1,300,000');
    await user.keyboard('{Enter}');

    const conflict = await screen.findByRole('alert');
    expect(plain(conflict.textContent)).toContain(
      'ana@panorama.demo saved $1,200,000.00 while you edited: keep theirs, or overwrite it with yours.',
    );
    expect(plain(conflict.textContent)).toContain('Saved by ana@panorama.demo (version 2)$1,200,000.00');
    expect(plain(conflict.textContent)).toContain('Yours$1,300,000.00');
    expect(document.activeElement).toBe(conflict);
    expect(api.calls('ManageSetTarget')[0]?.variables).toMatchObject({
      input: { value: '1300000', expectedVersion: 1 },
    });

    await user.click(within(conflict).getByRole('button', { name: 'Overwrite with yours' }));
    const status = await screen.findByText(/Saved Revenue/);
    expect(plain(status.closest('[role="status"]')?.textContent)).toBe(
      '✓ Saved Revenue, RBN (whole region), 2025: $1,300,000.00 (version 3).',
    );
    expect(api.calls('ManageSetTarget')[1]?.variables).toEqual({
      input: {
        metricCode: 'REVENUE_USD',
        scopeType: 'REGION',
        scopeCode: 'RBN',
        year: 2025,
        quarter: null,
        value: '1300000',
        expectedVersion: 2,
      },
    });
    // The form closed and the focus went back to the row's Edit button.
    expect(screen.queryByRole('textbox', { name: 'Value' })).toBeNull();
    expect(document.activeElement?.getAttribute('data-edit-target')).toBe(revenueTarget.id);
  });

  it('keeps their value on request: the form closes and the targets are read again', async () => {
    const user = userEvent.setup();
    const api = open('/regions/RBN/manage', {
      ManageRegionPage: () => ({ data: regionAnswer(ADMIN) }),
      ManageTargets: () => ({ data: targetsAnswer([revenueTarget]) }),
      ManageSetTarget: () => ({
        data: setTargetConflict({
          expectedVersion: 1,
          currentVersion: 2,
          yourValue: '5',
          currentValue: '1200000',
          currentSetBy: 'ana@panorama.demo',
        }),
      }),
    });
    await user.click(within(await targetRow(/^Revenue/)).getByRole('button', { name: /^Edit/ }));
    await user.type(screen.getByRole('textbox', { name: 'Value' }), '{Control>}a{/Control}5{Enter}');
    const reads = api.calls('ManageTargets').length;
    await user.click(await screen.findByRole('button', { name: 'Keep theirs' }));
    expect(await screen.findByText('Kept the value ana@panorama.demo saved: $1,200,000.00.')).toBeTruthy();
    expect(api.calls('ManageSetTarget')).toHaveLength(1);
    expect(api.calls('ManageTargets').length).toBeGreaterThan(reads);
  });

  it('creates a new target of a country office, for a quarter', async () => {
    const user = userEvent.setup();
    const api = open('/regions/RBN/manage?targetYear=2026', {
      ManageRegionPage: () => ({ data: regionAnswer(REGIONAL_RBN) }),
      ManageTargets: () => ({ data: targetsAnswer([]) }),
      ManageSetTarget: () => ({
        data: setTargetSuccess({
          ...kenyaTarget,
          id: 'VGFyZ2V0Ojk=',
          metricCode: 'PARTNER_RETENTION_RATE',
          scopeCode: 'UGA',
          country: { iso3: 'UGA', name: 'Uganda' },
          year: 2026,
          quarter: 2,
          value: 0.85,
          version: 1,
        }),
      }),
    });
    expect(await screen.findByText('No targets for 2026')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New target' }));
    const form = screen.getByRole('form', { name: 'New target for 2026' });
    expect(document.activeElement).toBe(within(form).getByRole('combobox', { name: 'Metric' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Metric' }), 'PARTNER_RETENTION_RATE');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Scope' }), 'COUNTRY:UGA');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Period' }), '2');
    await user.type(within(form).getByRole('textbox', { name: 'Value' }), '0.85');
    expect(description(within(form).getByRole('textbox', { name: 'Value' }))).toBe(
      'A share from 0 to 1: 0.85 for 85%. Reads as 85%.',
    );
    await user.click(within(form).getByRole('button', { name: 'Save the target' }));
    expect(await screen.findByText('Saved Partner retention, Uganda, Q2 2026: 85% (version 1).')).toBeTruthy();
    expect(api.calls('ManageSetTarget')[0]?.variables).toEqual({
      input: {
        metricCode: 'PARTNER_RETENTION_RATE',
        scopeType: 'COUNTRY',
        scopeCode: 'UGA',
        year: 2026,
        quarter: 2,
        value: '0.85',
        expectedVersion: null,
      },
    });
    expect(api.calls('ManageTargets')[0]?.variables).toEqual({ regionCode: 'RBN', year: 2026 });
  });

  it('says why a refused write was refused', async () => {
    const user = userEvent.setup();
    open('/regions/RBN/manage', {
      ManageRegionPage: () => ({ data: regionAnswer(REGIONAL_RBN) }),
      ManageTargets: () => ({ data: targetsAnswer([revenueTarget]) }),
      ManageSetTarget: () => ({
        data: null,
        errors: [{ message: 'Your role (REGIONAL of RBN) may not change this.', extensions: { code: 'FORBIDDEN' } }],
      }),
    });
    await user.click(within(await targetRow(/^Revenue/)).getByRole('button', { name: /^Edit/ }));
    await user.type(screen.getByRole('textbox', { name: 'Value' }), '1');
    await user.click(screen.getByRole('button', { name: 'Save the target' }));
    const alert = await screen.findByRole('alert');
    expect(plain(alert.textContent)).toBe(
      'Nothing was saved: you may not change the data of this region.Your role (REGIONAL of RBN) may not change this.',
    );
    expect(document.activeElement).toBe(alert);
  });
});

describe('the page for people who may not write the region', () => {
  it('is read-only for leadership, and says who edits', async () => {
    const api = open('/regions/RBN/manage', {
      ManageRegionPage: () => ({ data: regionAnswer(LEADERSHIP) }),
      ManageTargets: () => ({ data: targetsAnswer([revenueTarget]) }),
    });
    const notice = await screen.findByRole('note', { name: 'Read only' });
    expect(plain(notice.textContent)).toContain(
      'Your role (Leadership) reads this data but does not change it: the regional team of RBN and administrators do.',
    );
    const row = await targetRow(/^Revenue/);
    expect(within(row).queryByRole('button')).toBeNull();
    expect(within(row).getByRole('link', { name: /^History/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New target' })).toBeNull();
    // Nobody asks for the partnerships the forms would need.
    expect(api.calls('ManagePartnerships')).toHaveLength(0);
  });

  it('is read-only for the regional team of another region', async () => {
    open('/regions/RBN/manage?section=stories', {
      ManageRegionPage: () => ({ data: regionAnswer(REGIONAL_RBB) }),
      ManageStories: () => ({ data: { region: { id: 'r', stories: { totalCount: 0, nodes: [] } } } }),
    });
    const notice = await screen.findByRole('note', { name: 'Read only' });
    expect(plain(notice.textContent)).toContain('You change the data of RBB, your region.');
    expect(await screen.findByText('No stories from the field yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New story' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Stories' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('the stories, pipeline and field needs', () => {
  const story = {
    id: 'U3Rvcnk6MQ==',
    title: 'Fortified food in Kenya',
    date: '2025-03-01',
    summary: 'What happened.',
    country: { iso3: 'KEN', name: 'Kenya' },
    partnership: null,
  };

  it('edits a story, sending only what changed', async () => {
    const user = userEvent.setup();
    const api = open('/regions/RBN/manage?section=stories', {
      ManageRegionPage: () => ({ data: regionAnswer(REGIONAL_RBN) }),
      ManageStories: () => ({ data: { region: { id: 'r', stories: { totalCount: 1, nodes: [story] } } } }),
      ManagePartnerships: () => ({ data: { region: { id: 'r', partnerships: { nodes: [] } } } }),
      ManageUpdateStory: () => ({
        data: {
          updateStory: {
            __typename: 'MutationUpdateStorySuccess',
            data: { ...story, __typename: 'Story', title: 'Fortified food for 317 children' },
          },
        },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit Fortified food in Kenya' }));
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Fortified food for 317 children');
    await user.click(screen.getByRole('button', { name: 'Save the story' }));
    expect(await screen.findByText('Saved “Fortified food for 317 children”.')).toBeTruthy();
    expect(api.calls('ManageUpdateStory')[0]?.variables).toEqual({
      id: story.id,
      input: { title: 'Fortified food for 317 children' },
    });
  });

  it('deletes a story only once confirmed', async () => {
    const user = userEvent.setup();
    const api = open('/regions/RBN/manage?section=stories', {
      ManageRegionPage: () => ({ data: regionAnswer(ADMIN) }),
      ManageStories: () => ({ data: { region: { id: 'r', stories: { totalCount: 1, nodes: [story] } } } }),
      ManagePartnerships: () => ({ data: { region: { id: 'r', partnerships: { nodes: [] } } } }),
      ManageDeleteStory: () => ({
        data: { deleteStory: { __typename: 'MutationDeleteStorySuccess', data: story.id } },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Delete Fortified food in Kenya' }));
    const confirm = screen.getByRole('group', {
      name: 'Delete “Fortified food in Kenya”? It leaves the panorama; the audit trail keeps it.',
    });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep it' }));
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(api.calls('ManageDeleteStory')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete Fortified food in Kenya' }));
    await user.click(screen.getByRole('button', { name: 'Delete the story' }));
    expect(await screen.findByText('Deleted “Fortified food in Kenya”.')).toBeTruthy();
    expect(api.calls('ManageDeleteStory')[0]?.variables).toEqual({ id: story.id });
  });

  it('moves an opportunity to another stage', async () => {
    const user = userEvent.setup();
    const opportunity = {
      id: 'T3Bwb3J0dW5pdHk6MQ==',
      name: 'Maplebay Seeds: market access',
      stage: 'IDENTIFIED' as const,
      amountUsd: 678_000,
      probability: 0.8,
      weightedAmountUsd: 542_400,
      expectedCloseDate: '2025-02-13',
      prospectName: 'Maplebay Seeds Holdings',
      partner: null,
      country: null,
    };
    const api = open('/regions/RBN/manage?section=pipeline', {
      ManageRegionPage: () => ({ data: regionAnswer(REGIONAL_RBN) }),
      ManagePipeline: () => ({
        data: { region: { id: 'r', opportunities: { totalCount: 1, nodes: [opportunity] } } },
      }),
      ManageMoveOpportunity: () => ({
        data: {
          moveOpportunity: {
            __typename: 'MutationMoveOpportunitySuccess',
            data: { id: opportunity.id, name: opportunity.name, stage: 'PROPOSAL', open: true },
          },
        },
      }),
    });
    const table = await screen.findByRole('table', { name: 'Open opportunities of RBN' });
    expect(plain(within(table).getAllByRole('row')[1]?.textContent)).toContain(
      'Maplebay Seeds: market accessMaplebay Seeds HoldingsBureau-wideFeb 13, 2025$678,000.0080%$542,400.00',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Stage of Maplebay Seeds: market access' }),
      'PROPOSAL',
    );
    await user.click(screen.getByRole('button', { name: 'Move Maplebay Seeds: market access' }));
    expect(await screen.findByText('Moved “Maplebay Seeds: market access” to Proposal.')).toBeTruthy();
    expect(api.calls('ManageMoveOpportunity')[0]?.variables).toEqual({ id: opportunity.id, stage: 'PROPOSAL' });
  });

  it('matches an open field need to a partnership of the region', async () => {
    const user = userEvent.setup();
    const need = {
      id: 'RmllbGROZWVkOjE4',
      title: 'Mobile money in Djibouti',
      description: 'Cash transfers need a mobile-money partner.',
      status: 'OPEN' as const,
      sector: 'Telecoms',
      identifiedOn: '2025-01-10',
      country: null,
      partnership: null,
      objective: null,
    };
    const api = open('/regions/RBN/manage?section=needs', {
      ManageRegionPage: () => ({ data: regionAnswer(REGIONAL_RBN) }),
      ManageFieldNeeds: () => ({
        data: { region: { id: 'r', fieldNeeds: { totalCount: 1, nodes: [need] } }, objectives: [] },
      }),
      ManagePartnerships: () => ({
        data: {
          region: {
            id: 'r',
            partnerships: { nodes: [{ id: 'UGFydG5lcnNoaXA6MQ==', name: 'Telco: cash transfers', status: 'ACTIVE' }] },
          },
        },
      }),
      ManageMatchFieldNeed: () => ({
        data: {
          matchFieldNeed: {
            __typename: 'MutationMatchFieldNeedSuccess',
            data: {
              id: need.id,
              title: need.title,
              status: 'MATCHED',
              partnership: { id: 'UGFydG5lcnNoaXA6MQ==', name: 'Telco: cash transfers' },
            },
          },
        },
      }),
    });
    const select = await screen.findByRole('combobox', { name: 'Partnership that answers “Mobile money in Djibouti”' });
    await user.click(screen.getByRole('button', { name: 'Match Mobile money in Djibouti' }));
    expect(description(select)).toContain('is needed: choose the partnership that answers it.');
    expect(api.calls('ManageMatchFieldNeed')).toHaveLength(0);
    await screen.findByRole('option', { name: 'Telco: cash transfers' });
    await user.selectOptions(select, 'UGFydG5lcnNoaXA6MQ==');
    await user.click(screen.getByRole('button', { name: 'Match Mobile money in Djibouti' }));
    expect(await screen.findByText('Matched “Mobile money in Djibouti” to Telco: cash transfers.')).toBeTruthy();
    expect(api.calls('ManageMatchFieldNeed')[0]?.variables).toEqual({
      id: need.id,
      partnershipId: 'UGFydG5lcnNoaXA6MQ==',
    });
  });
});

describe('a target’s history', () => {
  it('lists every value, newest first, with the value each replaced', async () => {
    open('/targets/VGFyZ2V0OjE%3D', {
      TargetHistory: () => ({
        data: {
          node: {
            __typename: 'Target',
            ...revenueTarget,
            value: 1_300_000,
            version: 2,
            region: { code: 'RBN', name: 'Regional Bureau for Eastern Africa' },
            country: null,
            versions: [
              {
                version: 2,
                value: 1_300_000,
                previousValue: 1_000_000,
                setBy: 'ana@panorama.demo',
                setAt: '2025-03-07T14:05:00Z',
              },
              { version: 1, value: 1_000_000, previousValue: null, setBy: 'demo', setAt: '2024-12-15T09:00:00Z' },
            ],
          },
          metricCatalog: regionAnswer(ADMIN).metricCatalog,
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Revenue' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Targets of RBN' }).getAttribute('href')).toBe(
      '/regions/RBN/manage?targetYear=2025',
    );
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => plain(row.textContent));
    expect(rows).toEqual([
      '2$1,300,000.00$1,000,000.00ana@panorama.demo7 Mar 2025, 14:05 UTC',
      '1$1,000,000.00—None: the first valuedemo15 Dec 2024, 09:00 UTC',
    ]);
  });
});

describe('the link from a panorama', () => {
  it('opens the region’s manage page with the filters that travel', () => {
    render(
      <MemoryRouter initialEntries={['/regions/RBN?year=2024&asOf=2024-06-30']}>
        <ManageRegionLink code="RBN" />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'Edit targets and updates' }).getAttribute('href')).toBe(
      '/regions/RBN/manage?year=2024&asOf=2024-06-30',
    );
  });
});
