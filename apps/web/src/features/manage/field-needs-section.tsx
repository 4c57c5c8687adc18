import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useMutation, useQuery } from 'urql';
import { formatEnum } from '../../components/data-table/cell-format';
import { formatLongDate } from '../../components/format/date';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { objectiveName } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { graphql, type ResultOf } from '../../lib/graphql';
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

/** The region's field needs, and the strategy's objectives a new need may serve. */
export const ManageFieldNeeds_Query = graphql(`
  query ManageFieldNeeds($regionCode: String!) {
    region(code: $regionCode) {
      id
      fieldNeeds(first: 200) {
        totalCount
        nodes {
          id
          title
          description
          status
          sector
          identifiedOn
          country {
            iso3
            name
          }
          partnership {
            id
            name
          }
          objective {
            code
            name
          }
        }
      }
    }
    objectives {
      code
      name
    }
  }
`);

export type ManagedFieldNeed = NonNullable<
  ResultOf<typeof ManageFieldNeeds_Query>['region']
>['fieldNeeds']['nodes'][number];

export const ManageRecordFieldNeed_Mutation = graphql(`
  mutation ManageRecordFieldNeed($input: RecordFieldNeedInput!) {
    recordFieldNeed(input: $input) {
      __typename
      ... on MutationRecordFieldNeedSuccess {
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

const NEED_FIELDS = ['title', 'description', 'countryIso3', 'objectiveCode', 'sector', 'identifiedOn'] as const;
const NEED_CONTEXT = { additionalTypenames: ['FieldNeed'] };
const STATUS_ORDER: Readonly<Record<string, number>> = { OPEN: 0, MATCHED: 1, CLOSED: 2 };

interface Country {
  iso3: string;
  name: string;
}

export interface FieldNeedsSectionProps {
  regionCode: string;
  countries: readonly Country[];
  canWrite: boolean;
}

/** The region's field needs, open ones first: writers record new ones, match open ones and close them. */
export function FieldNeedsSection({ regionCode, countries, canWrite }: FieldNeedsSectionProps) {
  const t = useT();
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const [result, reexecute] = useQuery({
    query: ManageFieldNeeds_Query,
    variables: { regionCode },
    context: NEED_CONTEXT,
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const { partnerships } = useRegionPartnerships(regionCode, !canWrite);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfter.current) return;
    const selector = focusAfter.current;
    focusAfter.current = null;
    sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  const needs = useMemo(
    () =>
      [...(result.data?.region?.fieldNeeds.nodes ?? [])].sort(
        (a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3),
      ),
    [result.data],
  );

  function closeForm() {
    focusAfter.current = '[data-new-need]';
    setCreating(false);
  }

  let body: ReactNode;
  if (!result.data) {
    body =
      result.error && !result.fetching ? (
        <ErrorState title={t('manage.needs.error')} detail={result.error.message} onRetry={refetch} />
      ) : (
        <LoadingState label={t('manage.needs.loading')} lines={4} />
      );
  } else if (needs.length === 0) {
    body = (
      <EmptyState title={t('fieldNeeds.empty')}>{canWrite ? <p>{t('manage.needs.emptyWriter')}</p> : null}</EmptyState>
    );
  } else {
    body = (
      <ul className="manage-list" aria-busy={result.fetching || undefined}>
        {needs.map((need) => (
          <li key={need.id} className="manage-item">
            <FieldNeedItem
              need={need}
              canWrite={canWrite}
              partnerships={partnerships}
              onMatched={(partnership) => setStatus(t('manage.needs.matched', { title: need.title, partnership }))}
              onClosed={() => {
                setStatus(t('manage.needs.closed', { title: need.title }));
                focusAfter.current = `[data-need-title="${need.id}"]`;
              }}
            />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section ref={sectionRef} className="card manage-section" aria-labelledby={headingId}>
      <header className="manage-section__header">
        <h2 id={headingId}>{t('manage.needs.title')}</h2>
        <p className="manage-section__lead">{t('manage.needs.lead', { code: regionCode })}</p>
      </header>
      {canWrite ? (
        <div className="manage-toolbar">
          <button
            type="button"
            className="button manage-toolbar__new"
            data-new-need
            aria-expanded={creating}
            onClick={() => setCreating(!creating)}
          >
            {t('manage.needs.new')}
          </button>
        </div>
      ) : null}
      <StatusMessage message={status} />
      {creating && canWrite ? (
        <div className="manage-section__form">
          <FieldNeedForm
            regionCode={regionCode}
            countries={countries}
            objectives={result.data?.objectives ?? []}
            onSaved={(title) => {
              setStatus(t('manage.needs.recorded', { title }));
              closeForm();
            }}
            onCancel={closeForm}
          />
        </div>
      ) : null}
      {body}
    </section>
  );
}

interface FieldNeedItemProps {
  need: ManagedFieldNeed;
  canWrite: boolean;
  partnerships: readonly RegionPartnership[];
  onMatched: (partnership: string) => void;
  onClosed: () => void;
}

/** One field need; an open or matched one can be matched to a partnership, and closed (after a confirmation). */
function FieldNeedItem({ need, canWrite, partnerships, onMatched, onClosed }: FieldNeedItemProps) {
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
            <Field
              label={t('manage.needs.partnershipFor', { title: need.title })}
              problems={feedback.byField.partnershipId}
            >
              {(control) => (
                <select
                  {...control}
                  value={partnershipId}
                  onChange={(event) => setPartnershipId(event.currentTarget.value)}
                >
                  <option value="">{t('manage.needs.choose')}</option>
                  {options.map((partnership) => (
                    <option key={partnership.id} value={partnership.id}>
                      {partnership.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
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

interface FieldNeedFormProps {
  regionCode: string;
  countries: readonly Country[];
  objectives: readonly { code: string; name: string }[];
  onSaved: (title: string) => void;
  onCancel: () => void;
}

/** Records a need a country office (or the bureau) identified. */
function FieldNeedForm({ regionCode, countries, objectives, onSaved, onCancel }: FieldNeedFormProps) {
  const t = useT();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [countryIso3, setCountryIso3] = useState('');
  const [objectiveCode, setObjectiveCode] = useState('');
  const [sector, setSector] = useState('');
  const [identifiedOn, setIdentifiedOn] = useState(todayUtc());
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [{ fetching }, record] = useMutation(ManageRecordFieldNeed_Mutation);
  useFocusOnFeedback(formRef, feedback.shownAt);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fetching) return;
    setFeedback(NO_FEEDBACK);
    const result = await record({
      input: {
        regionCode,
        title,
        description,
        countryIso3: countryIso3 || null,
        objectiveCode: objectiveCode || null,
        sector: sector || null,
        identifiedOn: identifiedOn || null,
      },
    });
    const outcome = readOutcome(result.error, result.data?.recordFieldNeed);
    if (outcome.kind === 'success') onSaved(outcome.data.title);
    else setFeedback(feedbackOf(outcome, NEED_FIELDS, t));
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !fetching) {
      event.preventDefault();
      onCancel();
    }
  }

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
        {t('manage.needs.newTitle')}
      </h3>
      <FormAlert alert={feedback.alert} />
      <div className="manage-form__fields">
        <Field
          label={t('manage.needs.fieldTitle')}
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
        <Field label={t('manage.needs.country')} problems={feedback.byField.countryIso3}>
          {(control) => (
            <select {...control} value={countryIso3} onChange={(event) => setCountryIso3(event.currentTarget.value)}>
              <option value="">{t('fieldNeeds.bureauWide')}</option>
              {countries.map((country) => (
                <option key={country.iso3} value={country.iso3}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('manage.needs.objective')} problems={feedback.byField.objectiveCode}>
          {(control) => (
            <select
              {...control}
              value={objectiveCode}
              onChange={(event) => setObjectiveCode(event.currentTarget.value)}
            >
              <option value="">{t('manage.needs.noObjective')}</option>
              {objectives.map((objective) => (
                <option key={objective.code} value={objective.code}>
                  {objectiveName(objective)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('manage.needs.sector')} hint={t('manage.needs.sectorHint')} problems={feedback.byField.sector}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={100}
              value={sector}
              onChange={(event) => setSector(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label={t('manage.needs.identified')}
          hint={t('manage.form.notFuture')}
          problems={feedback.byField.identifiedOn}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              max={todayUtc()}
              value={identifiedOn}
              onChange={(event) => setIdentifiedOn(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label={t('manage.needs.description')}
          hint={t('manage.form.maxLength', { max: 4000 })}
          problems={feedback.byField.description}
          className="manage-field--wide"
        >
          {(control) => (
            <textarea
              {...control}
              required
              rows={4}
              maxLength={4000}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <div className="manage-form__actions">
        <button type="submit" className="button" aria-disabled={fetching || undefined}>
          {fetching ? t('manage.form.saving') : t('manage.needs.record')}
        </button>
        <button type="button" className="button manage-button--secondary" onClick={onCancel}>
          {t('manage.form.cancel')}
        </button>
      </div>
    </form>
  );
}
