// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ManageRegionLink } from './manage-link';
import { LEADERSHIP, REGIONAL_RBB, regionAnswer, revenueTarget, targetsAnswer } from './manage-test-data';
import { open, plain, targetRow } from './manage-test-render';

afterEach(cleanup);

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
