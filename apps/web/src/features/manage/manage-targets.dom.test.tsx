// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  kenyaTarget,
  REGIONAL_RBN,
  regionAnswer,
  revenueTarget,
  setTargetConflict,
  setTargetInvalid,
  setTargetSuccess,
  targetsAnswer,
} from './manage-test-data';
import { description, open, plain, targetRow } from './manage-test-render';

afterEach(cleanup);

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
