import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useMutation, useQuery } from 'urql';
import { formatLongDate } from '../../components/format/date';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { graphql, type ResultOf, type VariablesOf } from '../../lib/graphql';
import {
  type Feedback,
  Field,
  FormAlert,
  feedbackOf,
  NO_FEEDBACK,
  StatusMessage,
  useFocusOnFeedback,
} from './form-controls';
import { todayUtc } from './format-time';
import { readOutcome } from './mutation-outcome';
import { type RegionPartnership, useRegionPartnerships } from './partnerships';

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

export const ManageCreateStory_Mutation = graphql(`
  mutation ManageCreateStory($input: CreateStoryInput!) {
    createStory(input: $input) {
      __typename
      ... on MutationCreateStorySuccess {
        data {
          id
          title
        }
      }
      ... on InvalidInputError {
        message
        problems {
          field
          message
        }
      }
    }
  }
`);

export const ManageUpdateStory_Mutation = graphql(`
  mutation ManageUpdateStory($id: ID!, $input: UpdateStoryInput!) {
    updateStory(id: $id, input: $input) {
      __typename
      ... on MutationUpdateStorySuccess {
        data {
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
      ... on InvalidInputError {
        message
        problems {
          field
          message
        }
      }
    }
  }
`);

export const ManageDeleteStory_Mutation = graphql(`
  mutation ManageDeleteStory($id: ID!) {
    deleteStory(id: $id) {
      __typename
      ... on MutationDeleteStorySuccess {
        data
      }
      ... on InvalidInputError {
        message
        problems {
          field
          message
        }
      }
    }
  }
`);

type UpdateStoryInput = VariablesOf<typeof ManageUpdateStory_Mutation>['input'];

const STORY_FIELDS = ['title', 'date', 'summary', 'countryIso3', 'partnershipId'] as const;
const STORY_CONTEXT = { additionalTypenames: ['Story'] };

interface Country {
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

interface StoryItemProps {
  story: ManagedStory;
  canWrite: boolean;
  confirmingDelete: boolean;
  onEdit: () => void;
  onAskDelete: () => void;
  onCancelDelete: () => void;
  onDeleted: () => void;
}

/** One story, with its Edit and Delete buttons; Delete asks first. */
function StoryItem({
  story,
  canWrite,
  confirmingDelete,
  onEdit,
  onAskDelete,
  onCancelDelete,
  onDeleted,
}: StoryItemProps) {
  const t = useT();
  const titleId = useId();
  const [{ fetching }, deleteStory] = useMutation(ManageDeleteStory_Mutation);
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const confirmRef = useRef<HTMLFieldSetElement>(null);
  useFocusOnFeedback(confirmRef, feedback.shownAt);
  useEffect(() => {
    if (confirmingDelete) confirmRef.current?.querySelector<HTMLElement>('[data-keep-story]')?.focus();
  }, [confirmingDelete]);

  async function confirmDelete() {
    if (fetching) return;
    const result = await deleteStory({ id: story.id });
    const outcome = readOutcome(result.error, result.data?.deleteStory);
    if (outcome.kind === 'success') onDeleted();
    else setFeedback(feedbackOf(outcome, [], t));
  }

  return (
    <article className="manage-story" aria-labelledby={titleId}>
      <h3 id={titleId} className="manage-item__title">
        {story.title}
      </h3>
      <p className="manage-item__meta">
        <time dateTime={story.date}>{formatLongDate(story.date)}</time>
        {story.country ? ` · ${story.country.name}` : null}
        {story.partnership ? ` · ${story.partnership.name}` : null}
      </p>
      <p className="manage-item__body">{story.summary}</p>
      {canWrite && !confirmingDelete ? (
        <div className="manage-item__actions">
          <button
            type="button"
            className="button manage-button--small manage-button--secondary"
            data-edit-story={story.id}
            onClick={onEdit}
          >
            {t('manage.edit')}
            <span className="visually-hidden"> {story.title}</span>
          </button>
          <button
            type="button"
            className="button manage-button--small manage-button--danger"
            data-delete-story={story.id}
            onClick={onAskDelete}
          >
            {t('manage.stories.delete')}
            <span className="visually-hidden"> {story.title}</span>
          </button>
        </div>
      ) : null}
      {canWrite && confirmingDelete ? (
        <fieldset ref={confirmRef} className="manage-confirm">
          <legend>{t('manage.stories.confirm', { title: story.title })}</legend>
          <FormAlert alert={feedback.alert} />
          <div className="manage-item__actions">
            <button
              type="button"
              className="button manage-button--small manage-button--danger"
              aria-disabled={fetching || undefined}
              onClick={() => void confirmDelete()}
            >
              {fetching ? t('manage.stories.deleting') : t('manage.stories.confirmDelete')}
            </button>
            <button
              type="button"
              className="button manage-button--small manage-button--secondary"
              data-keep-story
              onClick={onCancelDelete}
            >
              {t('manage.stories.keep')}
            </button>
          </div>
        </fieldset>
      ) : null}
    </article>
  );
}

interface StoryFormProps {
  regionCode: string;
  countries: readonly Country[];
  partnerships: readonly RegionPartnership[];
  /** The story to change; none: a new story. */
  story?: ManagedStory;
  /** Saved: the story's title as stored. */
  onSaved: (title: string) => void;
  onCancel: () => void;
}

/** Adds a story, or changes one (only the fields that changed are sent). */
function StoryForm({ regionCode, countries, partnerships, story, onSaved, onCancel }: StoryFormProps) {
  const t = useT();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(story?.title ?? '');
  const [date, setDate] = useState(story?.date ?? todayUtc());
  const [summary, setSummary] = useState(story?.summary ?? '');
  const [countryIso3, setCountryIso3] = useState(story?.country?.iso3 ?? '');
  const [partnershipId, setPartnershipId] = useState(story?.partnership?.id ?? '');
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [created, createStory] = useMutation(ManageCreateStory_Mutation);
  const [updated, updateStory] = useMutation(ManageUpdateStory_Mutation);
  const fetching = created.fetching || updated.fetching;
  useFocusOnFeedback(formRef, feedback.shownAt);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fetching) return;
    setFeedback(NO_FEEDBACK);
    if (story) {
      const input: UpdateStoryInput = {};
      if (title !== story.title) input.title = title;
      if (date !== story.date) input.date = date;
      if (summary !== story.summary) input.summary = summary;
      if (countryIso3 !== (story.country?.iso3 ?? '')) input.countryIso3 = countryIso3 || null;
      if (partnershipId !== (story.partnership?.id ?? '')) input.partnershipId = partnershipId || null;
      const result = await updateStory({ id: story.id, input });
      const outcome = readOutcome(result.error, result.data?.updateStory);
      if (outcome.kind === 'success') onSaved(outcome.data.title);
      else setFeedback(feedbackOf(outcome, STORY_FIELDS, t));
    } else {
      const result = await createStory({
        input: {
          regionCode,
          title,
          date,
          summary,
          countryIso3: countryIso3 || null,
          partnershipId: partnershipId || null,
        },
      });
      const outcome = readOutcome(result.error, result.data?.createStory);
      if (outcome.kind === 'success') onSaved(outcome.data.title);
      else setFeedback(feedbackOf(outcome, STORY_FIELDS, t));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !fetching) {
      event.preventDefault();
      onCancel();
    }
  }

  // A story about a partnership the list no longer holds (ended, or beyond the first page) keeps it.
  const partnershipOptions =
    story?.partnership && !partnerships.some((option) => option.id === story.partnership?.id)
      ? [story.partnership, ...partnerships]
      : partnerships;

  return (
    <form
      ref={formRef}
      className="manage-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <h3 id={headingId} className="manage-form__title">
        {story ? t('manage.stories.editTitle', { title: story.title }) : t('manage.stories.newTitle')}
      </h3>
      <FormAlert alert={feedback.alert} />
      <div className="manage-form__fields">
        <Field
          label={t('manage.stories.fieldTitle')}
          hint={t('manage.form.maxLength', { max: 200 })}
          problems={feedback.byField.title}
          className="manage-field--wide"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              required
              maxLength={200}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t('manage.stories.date')} hint={t('manage.form.notFuture')} problems={feedback.byField.date}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              max={todayUtc()}
              value={date}
              onChange={(event) => setDate(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t('manage.stories.country')} problems={feedback.byField.countryIso3}>
          {(control) => (
            <select {...control} value={countryIso3} onChange={(event) => setCountryIso3(event.currentTarget.value)}>
              <option value="">{t('manage.form.noCountry')}</option>
              {countries.map((country) => (
                <option key={country.iso3} value={country.iso3}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('manage.stories.partnership')} problems={feedback.byField.partnershipId}>
          {(control) => (
            <select
              {...control}
              value={partnershipId}
              onChange={(event) => setPartnershipId(event.currentTarget.value)}
            >
              <option value="">{t('manage.form.noPartnership')}</option>
              {partnershipOptions.map((partnership) => (
                <option key={partnership.id} value={partnership.id}>
                  {partnership.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('manage.stories.summary')}
          hint={t('manage.form.maxLength', { max: 4000 })}
          problems={feedback.byField.summary}
          className="manage-field--wide"
        >
          {(control) => (
            <textarea
              {...control}
              required
              rows={4}
              maxLength={4000}
              value={summary}
              onChange={(event) => setSummary(event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <div className="manage-form__actions">
        <button type="submit" className="button" aria-disabled={fetching || undefined}>
          {fetching ? t('manage.form.saving') : story ? t('manage.stories.save') : t('manage.stories.add')}
        </button>
        <button type="button" className="button manage-button--secondary" onClick={onCancel}>
          {t('manage.form.cancel')}
        </button>
      </div>
    </form>
  );
}
