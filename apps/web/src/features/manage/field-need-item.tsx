import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { formatEnum } from '../../components/data-table/cell-format';
import { formatLongDate } from '../../components/format/date';
import { objectiveName } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { graphql } from '../../lib/graphql';
import type { ManagedFieldNeed } from './field-needs-section';
import { type Feedback, FormAlert, feedbackOf, NO_FEEDBACK, useFocusOnFeedback } from './form-controls';
import { ChoiceField } from './form-fields';
import { readOutcome } from './mutation-outcome';
import type { RegionPartnership } from './partnerships';

export const ManageMatchFieldNeed_Mutation = graphql(`
  mutation ManageMatchFieldNeed($id: ID!, $partnershipId: ID!) {
    matchFieldNeed(id: $id, partnershipId: $partnershipId) {
      __typename
      ... on MutationMatchFieldNeedSuccess {
        data {
          id
          title
          status
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

export const ManageCloseFieldNeed_Mutation = graphql(`
  mutation ManageCloseFieldNeed($id: ID!) {
    closeFieldNeed(id: $id) {
      __typename
      ... on MutationCloseFieldNeedSuccess {
        data {
          id
          title
          status
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

export interface FieldNeedItemProps {
  need: ManagedFieldNeed;
  canWrite: boolean;
  partnerships: readonly RegionPartnership[];
  onMatched: (partnership: string) => void;
  onClosed: () => void;
}

/** One field need; an open or matched one can be matched to a partnership, and closed (after a confirmation). */
export function FieldNeedItem({ need, canWrite, partnerships, onMatched, onClosed }: FieldNeedItemProps) {
  const t = useT();
  const titleId = useId();
  const actionsRef = useRef<HTMLDivElement>(null);
  const [partnershipId, setPartnershipId] = useState(need.partnership?.id ?? '');
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [matching, match] = useMutation(ManageMatchFieldNeed_Mutation);
  const [closing, close] = useMutation(ManageCloseFieldNeed_Mutation);
  useFocusOnFeedback(actionsRef, feedback.shownAt);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirmingClose) actionsRef.current?.querySelector<HTMLElement>('[data-keep-need]')?.focus();
    else if (wasConfirming.current) actionsRef.current?.querySelector<HTMLElement>('[data-close-need]')?.focus();
    wasConfirming.current = confirmingClose;
  }, [confirmingClose]);

  async function onMatch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (matching.fetching) return;
    setFeedback(NO_FEEDBACK);
    if (!partnershipId) {
      setFeedback({
        byField: { partnershipId: [t('manage.needs.choosePartnership')] },
        alert: null,
        shownAt: Date.now(),
      });
      return;
    }
    const result = await match({ id: need.id, partnershipId });
    const outcome = readOutcome(result.error, result.data?.matchFieldNeed);
    if (outcome.kind === 'success') onMatched(outcome.data.partnership?.name ?? '');
    else setFeedback(feedbackOf(outcome, ['partnershipId'], t));
  }

  async function onConfirmClose() {
    if (closing.fetching) return;
    setFeedback(NO_FEEDBACK);
    const result = await close({ id: need.id });
    const outcome = readOutcome(result.error, result.data?.closeFieldNeed);
    if (outcome.kind === 'success') {
      setConfirmingClose(false);
      wasConfirming.current = false;
      onClosed();
    } else setFeedback(feedbackOf(outcome, [], t));
  }

  const open = need.status !== 'CLOSED';
  const options =
    need.partnership && !partnerships.some((option) => option.id === need.partnership?.id)
      ? [need.partnership, ...partnerships]
      : partnerships;
  return (
    <article className="manage-need" aria-labelledby={titleId}>
      <h3 id={titleId} className="manage-item__title" data-need-title={need.id} tabIndex={-1}>
        {need.title}
      </h3>
      <p className="manage-item__meta">
        <span className={`manage-pill manage-pill--${need.status.toLowerCase()}`}>{formatEnum(need.status)}</span>{' '}
        {t('manage.needs.identifiedOn', { date: formatLongDate(need.identifiedOn) })} ·{' '}
        {need.country?.name ?? t('fieldNeeds.bureauWide')}
        {need.sector ? ` · ${need.sector}` : null}
        {need.objective ? ` · ${objectiveName(need.objective)}` : null}
      </p>
      <p className="manage-item__body">{need.description}</p>
      {need.partnership ? (
        <p className="manage-item__meta">{t('manage.needs.answeredBy', { partnership: need.partnership.name })}</p>
      ) : null}
      {canWrite && open ? (
        <div ref={actionsRef} className="manage-need__actions">
          <FormAlert alert={feedback.alert} />
          <form className="manage-need__match" onSubmit={onMatch} noValidate>
            <ChoiceField
              label={t('manage.needs.partnershipFor', { title: need.title })}
              problems={feedback.byField.partnershipId}
              value={partnershipId}
              onChange={setPartnershipId}
              choices={[
                { value: '', label: t('manage.needs.choose') },
                ...options.map((partnership) => ({ value: partnership.id, label: partnership.name })),
              ]}
            />
            <button
              type="submit"
              className="button manage-button--small"
              aria-disabled={matching.fetching || undefined}
            >
              {matching.fetching
                ? t('manage.needs.matching')
                : need.status === 'MATCHED'
                  ? t('manage.needs.rematch')
                  : t('manage.needs.match')}
              <span className="visually-hidden"> {need.title}</span>
            </button>
          </form>
          {confirmingClose ? (
            <fieldset className="manage-confirm">
              <legend>{t('manage.needs.confirmClose', { title: need.title })}</legend>
              <div className="manage-item__actions">
                <button
                  type="button"
                  className="button manage-button--small manage-button--danger"
                  aria-disabled={closing.fetching || undefined}
                  onClick={() => void onConfirmClose()}
                >
                  {closing.fetching ? t('manage.needs.closing') : t('manage.needs.confirmCloseButton')}
                </button>
                <button
                  type="button"
                  className="button manage-button--small manage-button--secondary"
                  data-keep-need
                  onClick={() => setConfirmingClose(false)}
                >
                  {t('manage.needs.keepOpen')}
                </button>
              </div>
            </fieldset>
          ) : (
            <button
              type="button"
              className="button manage-button--small manage-button--secondary"
              data-close-need
              onClick={() => setConfirmingClose(true)}
            >
              {t('manage.needs.close')}
              <span className="visually-hidden"> {need.title}</span>
            </button>
          )}
        </div>
      ) : null}
    </article>
  );
}
