import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useT } from '../../i18n/language-provider';
import { graphql, type VariablesOf } from '../../lib/graphql';
import { type Feedback, Field, FormAlert, feedbackOf, NO_FEEDBACK, useFocusOnFeedback } from './form-controls';
import { ChoiceField } from './form-fields';
import { todayUtc } from './format-time';
import { readOutcome } from './mutation-outcome';
import type { RegionPartnership } from './partnerships';
import type { Country, ManagedStory } from './stories-section';

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

type UpdateStoryInput = VariablesOf<typeof ManageUpdateStory_Mutation>['input'];

const STORY_FIELDS = ['title', 'date', 'summary', 'countryIso3', 'partnershipId'] as const;

export interface StoryFormProps {
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
export function StoryForm({ regionCode, countries, partnerships, story, onSaved, onCancel }: StoryFormProps) {
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
        <ChoiceField
          label={t('manage.stories.country')}
          problems={feedback.byField.countryIso3}
          value={countryIso3}
          onChange={setCountryIso3}
          choices={[
            { value: '', label: t('manage.form.noCountry') },
            ...countries.map((country) => ({ value: country.iso3, label: country.name })),
          ]}
        />
        <ChoiceField
          label={t('manage.stories.partnership')}
          problems={feedback.byField.partnershipId}
          value={partnershipId}
          onChange={setPartnershipId}
          choices={[
            { value: '', label: t('manage.form.noPartnership') },
            ...partnershipOptions.map((partnership) => ({ value: partnership.id, label: partnership.name })),
          ]}
        />
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
