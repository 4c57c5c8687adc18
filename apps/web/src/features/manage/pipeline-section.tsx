import {
  type FormEvent,
  Fragment,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDate, formatEnum } from '../../components/data-table/cell-format';
import { formatPercent, formatUsd } from '../../components/format/number';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { graphql, type ResultOf, type VariablesOf } from '../../lib/graphql';
import { decimalText, decimalValue, normalizeDecimal } from './decimal-input';
import {
  type Feedback,
  Field,
  FormAlert,
  feedbackOf,
  NO_FEEDBACK,
  StatusMessage,
  useFocusOnFeedback,
} from './form-controls';
import { readOutcome } from './mutation-outcome';

/** The region's open opportunities, soonest expected close first. */
export const ManagePipeline_Query = graphql(`
  query ManagePipeline($regionCode: String!) {
    region(code: $regionCode) {
      id
      opportunities(filter: { open: true }, first: 200) {
        totalCount
        nodes {
          id
          name
          stage
          amountUsd
          probability
          weightedAmountUsd
          expectedCloseDate
          prospectName
          partner {
            id
            name
          }
          country {
            iso3
            name
          }
        }
      }
    }
  }
`);

export type ManagedOpportunity = NonNullable<
  ResultOf<typeof ManagePipeline_Query>['region']
>['opportunities']['nodes'][number];

export const ManageMoveOpportunity_Mutation = graphql(`
  mutation ManageMoveOpportunity($id: ID!, $stage: OpportunityStage!) {
    moveOpportunity(id: $id, stage: $stage) {
      __typename
      ... on MutationMoveOpportunitySuccess {
        data {
          id
          name
          stage
          open
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

export const ManageUpdateOpportunity_Mutation = graphql(`
  mutation ManageUpdateOpportunity($id: ID!, $input: UpdateOpportunityInput!) {
    updateOpportunity(id: $id, input: $input) {
      __typename
      ... on MutationUpdateOpportunitySuccess {
        data {
          id
          name
          amountUsd
          probability
          weightedAmountUsd
          expectedCloseDate
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

type Stage = VariablesOf<typeof ManageMoveOpportunity_Mutation>['stage'];
type UpdateOpportunityInput = VariablesOf<typeof ManageUpdateOpportunity_Mutation>['input'];

/** The stages, in the pipeline's order; WON and LOST close an opportunity. */
export const STAGES: readonly Stage[] = ['IDENTIFIED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'];
const OPPORTUNITY_FIELDS = ['name', 'amountUsd', 'probability', 'expectedCloseDate'] as const;
const OPPORTUNITY_CONTEXT = { additionalTypenames: ['Opportunity'] };

export interface PipelineSectionProps {
  regionCode: string;
  canWrite: boolean;
}

/** The region's open opportunities: writers move them between stages and change their figures. */
export function PipelineSection({ regionCode, canWrite }: PipelineSectionProps) {
  const t = useT();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [result, reexecute] = useQuery({
    query: ManagePipeline_Query,
    variables: { regionCode },
    context: OPPORTUNITY_CONTEXT,
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfter.current) return;
    const selector = focusAfter.current;
    focusAfter.current = null;
    sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  function onMoved(opportunity: ManagedOpportunity, stage: Stage) {
    const closed = stage === 'WON' || stage === 'LOST';
    setStatus(
      t(closed ? 'manage.pipeline.movedClosed' : 'manage.pipeline.moved', {
        name: opportunity.name,
        stage: formatEnum(stage),
      }),
    );
    // A closed opportunity leaves the list: the focus goes to the section's heading.
    if (closed) headingRef.current?.focus();
  }

  const opportunities = result.data?.region?.opportunities;
  let body: ReactNode;
  if (!result.data) {
    body =
      result.error && !result.fetching ? (
        <ErrorState title={t('manage.pipeline.error')} detail={result.error.message} onRetry={refetch} />
      ) : (
        <LoadingState label={t('manage.pipeline.loading')} lines={5} />
      );
  } else if (!opportunities || opportunities.nodes.length === 0) {
    body = <EmptyState title={t('manage.pipeline.empty')} />;
  } else {
    body = (
      <>
        {opportunities.totalCount > opportunities.nodes.length ? (
          <p className="manage-section__note">
            {t('manage.pipeline.soonest', { shown: opportunities.nodes.length, total: opportunities.totalCount })}
          </p>
        ) : null}
        <div className="table-scroll manage-table-scroll">
          <table className="data-table manage-table" aria-busy={result.fetching || undefined}>
            <caption className="visually-hidden">{t('manage.pipeline.caption', { code: regionCode })}</caption>
            <thead>
              <tr>
                <th scope="col" className="manage-table__opportunity">
                  {t('columns.opportunity')}
                </th>
                <th scope="col">{t('columns.office')}</th>
                <th scope="col">{t('columns.expectedClose')}</th>
                <th scope="col" className="numeric">
                  {t('columns.amount')}
                </th>
                <th scope="col" className="numeric">
                  {t('columns.probability')}
                </th>
                <th scope="col" className="numeric">
                  {t('pipeline.weighted')}
                </th>
                <th scope="col">{t('category.stage')}</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('manage.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {opportunities.nodes.map((opportunity) => (
                <Fragment key={opportunity.id}>
                  <OpportunityRow
                    opportunity={opportunity}
                    canWrite={canWrite}
                    editing={editing === opportunity.id}
                    onEdit={() => setEditing(editing === opportunity.id ? null : opportunity.id)}
                    onMoved={(stage) => onMoved(opportunity, stage)}
                  />
                  {editing === opportunity.id ? (
                    <tr id={`opportunity-form-${opportunity.id}`} className="manage-table__form-row">
                      <td colSpan={8}>
                        <OpportunityForm
                          opportunity={opportunity}
                          onSaved={(name) => {
                            setStatus(t('manage.pipeline.updated', { name }));
                            focusAfter.current = `[data-edit-opportunity="${opportunity.id}"]`;
                            setEditing(null);
                          }}
                          onCancel={() => {
                            focusAfter.current = `[data-edit-opportunity="${opportunity.id}"]`;
                            setEditing(null);
                          }}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <section ref={sectionRef} className="card manage-section" aria-labelledby={headingId}>
      <header className="manage-section__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('manage.pipeline.title')}
        </h2>
        <p className="manage-section__lead">{t('manage.pipeline.lead', { code: regionCode })}</p>
      </header>
      <StatusMessage message={status} />
      {body}
    </section>
  );
}

interface OpportunityRowProps {
  opportunity: ManagedOpportunity;
  canWrite: boolean;
  editing: boolean;
  onEdit: () => void;
  onMoved: (stage: Stage) => void;
}

/** One opportunity: its figures, and for writers a stage select with its Move button, and Edit. */
function OpportunityRow({ opportunity, canWrite, editing, onEdit, onMoved }: OpportunityRowProps) {
  const t = useT();
  const stageId = useId();
  const [stage, setStage] = useState<Stage>(opportunity.stage);
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [{ fetching }, move] = useMutation(ManageMoveOpportunity_Mutation);
  const cellRef = useRef<HTMLTableCellElement>(null);
  useFocusOnFeedback(cellRef, feedback.shownAt);
  // The stage stored may change under the select (a refetch): the select follows it.
  useEffect(() => setStage(opportunity.stage), [opportunity.stage]);

  async function onMove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fetching || stage === opportunity.stage) return;
    setFeedback(NO_FEEDBACK);
    const result = await move({ id: opportunity.id, stage });
    const outcome = readOutcome(result.error, result.data?.moveOpportunity);
    if (outcome.kind === 'success') onMoved(stage);
    else setFeedback(feedbackOf(outcome, [], t));
  }

  const who = opportunity.partner?.name ?? opportunity.prospectName;
  return (
    <tr>
      <th scope="row">
        <span className="manage-table__name">{opportunity.name}</span>
        {who ? <span className="manage-table__sub">{who}</span> : null}
      </th>
      <td>{opportunity.country?.name ?? t('fieldNeeds.bureauWide')}</td>
      <td>
        <time dateTime={opportunity.expectedCloseDate}>{formatDate(opportunity.expectedCloseDate)}</time>
      </td>
      <td className="numeric">{formatUsd(opportunity.amountUsd)}</td>
      <td className="numeric">{formatPercent(opportunity.probability)}</td>
      <td className="numeric">{formatUsd(opportunity.weightedAmountUsd)}</td>
      <td ref={cellRef}>
        {canWrite ? (
          <form className="manage-stage" onSubmit={onMove}>
            <label htmlFor={stageId} className="visually-hidden">
              {t('manage.pipeline.stageOf', { name: opportunity.name })}
            </label>
            <select id={stageId} value={stage} onChange={(event) => setStage(event.currentTarget.value as Stage)}>
              {STAGES.map((option) => (
                <option key={option} value={option}>
                  {formatEnum(option)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="button manage-button--small"
              aria-disabled={fetching || stage === opportunity.stage || undefined}
            >
              {fetching ? t('manage.pipeline.moving') : t('manage.pipeline.move')}
              <span className="visually-hidden"> {opportunity.name}</span>
            </button>
          </form>
        ) : (
          formatEnum(opportunity.stage)
        )}
        <FormAlert alert={feedback.alert} />
      </td>
      {canWrite ? (
        <td className="manage-table__actions">
          <button
            type="button"
            className="button manage-button--small manage-button--secondary"
            data-edit-opportunity={opportunity.id}
            aria-expanded={editing}
            aria-controls={editing ? `opportunity-form-${opportunity.id}` : undefined}
            onClick={onEdit}
          >
            {t('manage.edit')}
            <span className="visually-hidden"> {opportunity.name}</span>
          </button>
        </td>
      ) : null}
    </tr>
  );
}

interface OpportunityFormProps {
  opportunity: ManagedOpportunity;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

/** Changes an opportunity's name, amount, probability or expected close; only what changed is sent. */
function OpportunityForm({ opportunity, onSaved, onCancel }: OpportunityFormProps) {
  const t = useT();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(opportunity.name);
  const [amount, setAmount] = useState(decimalText(opportunity.amountUsd));
  const [probability, setProbability] = useState(decimalText(opportunity.probability));
  const [closeDate, setCloseDate] = useState(opportunity.expectedCloseDate);
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [{ fetching }, update] = useMutation(ManageUpdateOpportunity_Mutation);
  useFocusOnFeedback(formRef, feedback.shownAt);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fetching) return;
    setFeedback(NO_FEEDBACK);
    const input: UpdateOpportunityInput = {};
    const amountText = normalizeDecimal(amount);
    const probabilityText = normalizeDecimal(probability);
    if (name !== opportunity.name) input.name = name;
    if (decimalValue(amountText) !== opportunity.amountUsd) input.amountUsd = amountText;
    if (decimalValue(probabilityText) !== opportunity.probability) input.probability = probabilityText;
    if (closeDate !== opportunity.expectedCloseDate) input.expectedCloseDate = closeDate;
    if (Object.keys(input).length === 0) {
      onCancel();
      return;
    }
    const result = await update({ id: opportunity.id, input });
    const outcome = readOutcome(result.error, result.data?.updateOpportunity);
    if (outcome.kind === 'success') onSaved(outcome.data.name);
    else setFeedback(feedbackOf(outcome, OPPORTUNITY_FIELDS, t));
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !fetching) {
      event.preventDefault();
      onCancel();
    }
  }

  const amountValue = decimalValue(normalizeDecimal(amount));
  const probabilityValue = decimalValue(normalizeDecimal(probability));
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
        {t('manage.pipeline.editTitle', { name: opportunity.name })}
      </h3>
      <FormAlert alert={feedback.alert} />
      <div className="manage-form__fields">
        <Field label={t('manage.pipeline.name')} problems={feedback.byField.name} className="manage-field--wide">
          {(control) => (
            <input
              {...control}
              type="text"
              required
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label={t('manage.pipeline.amount')}
          hint={
            <>
              {t('manage.value.hintUsd')}
              {amountValue !== null ? (
                <>
                  {' '}
                  <strong>{t('manage.value.preview', { value: formatUsd(amountValue) })}</strong>
                </>
              ) : null}
            </>
          }
          problems={feedback.byField.amountUsd}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              required
              value={amount}
              onChange={(event) => setAmount(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label={t('manage.pipeline.probability')}
          hint={
            <>
              {t('manage.value.hintRate')}
              {probabilityValue !== null ? (
                <>
                  {' '}
                  <strong>{t('manage.value.preview', { value: formatPercent(probabilityValue) })}</strong>
                </>
              ) : null}
            </>
          }
          problems={feedback.byField.probability}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              required
              value={probability}
              onChange={(event) => setProbability(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t('manage.pipeline.expectedClose')} problems={feedback.byField.expectedCloseDate}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              value={closeDate}
              onChange={(event) => setCloseDate(event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <div className="manage-form__actions">
        <button type="submit" className="button" aria-disabled={fetching || undefined}>
          {fetching ? t('manage.form.saving') : t('manage.pipeline.save')}
        </button>
        <button type="button" className="button manage-button--secondary" onClick={onCancel}>
          {t('manage.form.cancel')}
        </button>
      </div>
    </form>
  );
}
