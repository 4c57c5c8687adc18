// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, REGIONAL_RBN, regionAnswer } from './manage-test-data';
import { description, open, plain } from './manage-test-render';

afterEach(cleanup);

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
