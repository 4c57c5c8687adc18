import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { formatDate, formatEnum } from '../../components/data-table/cell-format';
import { formatPercent, formatUsd } from '../../components/format/number';
import { useT } from '../../i18n/language-provider';
import { graphql, type VariablesOf } from '../../lib/graphql';
import { type Feedback, FormAlert, feedbackOf, NO_FEEDBACK, useFocusOnFeedback } from './form-controls';
import { readOutcome } from './mutation-outcome';
import type { ManagedOpportunity } from './pipeline-section';

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

export type Stage = VariablesOf<typeof ManageMoveOpportunity_Mutation>['stage'];

/** The stages, in the pipeline's order; WON and LOST close an opportunity. */
export const STAGES: readonly Stage[] = ['IDENTIFIED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'];

export interface OpportunityRowProps {
  opportunity: ManagedOpportunity;
  canWrite: boolean;
  editing: boolean;
  onEdit: () => void;
  onMoved: (stage: Stage) => void;
}

/** One opportunity: its figures, and for writers a stage select with its Move button, and Edit. */
export function OpportunityRow({ opportunity, canWrite, editing, onEdit, onMoved }: OpportunityRowProps) {
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
