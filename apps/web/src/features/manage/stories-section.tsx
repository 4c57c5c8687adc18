import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { graphql, type ResultOf } from '../../lib/graphql';
import { StatusMessage } from './form-controls';
import { useRegionPartnerships } from './partnerships';
import { StoryForm } from './story-form';
import { StoryItem } from './story-item';

/** The region's stories from the field, newest first. */
export const ManageStories_Query = graphql(`
  query ManageStories($regionCode: String!) {
    region(code: $regionCode) {
      id
      stories(first: 100) {
        totalCount
        nodes {
          id
          title
          date
          summary
          country {
            iso3
            name
          }
          partnership {
            id
            name
          }
        }
      }
    }
  }
`);

export type ManagedStory = NonNullable<ResultOf<typeof ManageStories_Query>['region']>['stories']['nodes'][number];

const STORY_CONTEXT = { additionalTypenames: ['Story'] };

export interface Country {
  iso3: string;
  name: string;
}

export interface StoriesSectionProps {
  regionCode: string;
  countries: readonly Country[];
  canWrite: boolean;
}

/** The region's stories from the field: writers add, edit and delete them. */
export function StoriesSection({ regionCode, countries, canWrite }: StoriesSectionProps) {
  const t = useT();
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const [result, reexecute] = useQuery({
    query: ManageStories_Query,
    variables: { regionCode },
    context: STORY_CONTEXT,
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const { partnerships } = useRegionPartnerships(regionCode, !canWrite);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfter.current) return;
    const selector = focusAfter.current;
    focusAfter.current = null;
    sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  function close(focusSelector: string) {
    focusAfter.current = focusSelector;
    setCreating(false);
    setEditing(null);
    setDeleting(null);
  }

  const stories = result.data?.region?.stories;
  let body: ReactNode;
  if (!result.data) {
    body =
      result.error && !result.fetching ? (
        <ErrorState title={t('manage.stories.error')} detail={result.error.message} onRetry={refetch} />
      ) : (
        <LoadingState label={t('manage.stories.loading')} lines={4} />
      );
  } else if (!stories || stories.nodes.length === 0) {
    body = (
      <EmptyState title={t('manage.stories.empty')}>
        {canWrite ? <p>{t('manage.stories.emptyWriter')}</p> : null}
      </EmptyState>
    );
  } else {
    body = (
      <>
        {stories.totalCount > stories.nodes.length ? (
          <p className="manage-section__note">
            {t('manage.stories.latest', { shown: stories.nodes.length, total: stories.totalCount })}
          </p>
        ) : null}
        <ul className="manage-list" aria-busy={result.fetching || undefined}>
          {stories.nodes.map((story) => (
            <li key={story.id} className="manage-item">
              {editing === story.id ? (
                <StoryForm
                  regionCode={regionCode}
                  countries={countries}
                  partnerships={partnerships}
                  story={story}
                  onSaved={(title) => {
                    setStatus(t('manage.stories.updated', { title }));
                    close(`[data-edit-story="${story.id}"]`);
                  }}
                  onCancel={() => close(`[data-edit-story="${story.id}"]`)}
                />
              ) : (
                <StoryItem
                  story={story}
                  canWrite={canWrite}
                  confirmingDelete={deleting === story.id}
                  onEdit={() => {
                    setCreating(false);
                    setDeleting(null);
                    setEditing(story.id);
                  }}
                  onAskDelete={() => setDeleting(story.id)}
                  onCancelDelete={() => close(`[data-delete-story="${story.id}"]`)}
                  onDeleted={() => {
                    setStatus(t('manage.stories.deleted', { title: story.title }));
                    close('[data-new-story]');
                    refetch();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <section ref={sectionRef} className="card manage-section" aria-labelledby={headingId}>
      <header className="manage-section__header">
        <h2 id={headingId}>{t('manage.stories.title')}</h2>
        <p className="manage-section__lead">{t('manage.stories.lead', { code: regionCode })}</p>
      </header>
      {canWrite ? (
        <div className="manage-toolbar">
          <button
            type="button"
            className="button manage-toolbar__new"
            data-new-story
            aria-expanded={creating}
            onClick={() => {
              setEditing(null);
              setDeleting(null);
              setCreating(!creating);
            }}
          >
            {t('manage.stories.new')}
          </button>
        </div>
      ) : null}
      <StatusMessage message={status} />
      {creating && canWrite ? (
        <div className="manage-section__form">
          <StoryForm
            regionCode={regionCode}
            countries={countries}
            partnerships={partnerships}
            onSaved={(title) => {
              setStatus(t('manage.stories.created', { title }));
              close('[data-new-story]');
            }}
            onCancel={() => close('[data-new-story]')}
          />
        </div>
      ) : null}
      {body}
    </section>
  );
}
