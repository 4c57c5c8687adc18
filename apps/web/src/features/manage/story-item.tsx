import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { formatLongDate } from '../../components/format/date';
import { useT } from '../../i18n/language-provider';
import { graphql } from '../../lib/graphql';
import { type Feedback, FormAlert, feedbackOf, NO_FEEDBACK, useFocusOnFeedback } from './form-controls';
import { readOutcome } from './mutation-outcome';
import type { ManagedStory } from './stories-section';

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

export interface StoryItemProps {
  story: ManagedStory;
  canWrite: boolean;
  confirmingDelete: boolean;
  onEdit: () => void;
  onAskDelete: () => void;
  onCancelDelete: () => void;
  onDeleted: () => void;
}

/** One story, with its Edit and Delete buttons; Delete asks first. */
export function StoryItem({
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
