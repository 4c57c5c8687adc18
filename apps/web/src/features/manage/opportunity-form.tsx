import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { formatPercent, formatUsd } from '../../components/format/number';
import { useT } from '../../i18n/language-provider';
import { graphql, type VariablesOf } from '../../lib/graphql';
import { decimalText, decimalValue, normalizeDecimal } from './decimal-input';
import { type Feedback, Field, FormAlert, feedbackOf, NO_FEEDBACK, useFocusOnFeedback } from './form-controls';
import { DecimalField } from './form-fields';
import { readOutcome } from './mutation-outcome';
import type { ManagedOpportunity } from './pipeline-section';

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

type UpdateOpportunityInput = VariablesOf<typeof ManageUpdateOpportunity_Mutation>['input'];

const OPPORTUNITY_FIELDS = ['name', 'amountUsd', 'probability', 'expectedCloseDate'] as const;

export interface OpportunityFormProps {
  opportunity: ManagedOpportunity;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

/** Changes an opportunity's name, amount, probability or expected close; only what changed is sent. */
export function OpportunityForm({ opportunity, onSaved, onCancel }: OpportunityFormProps) {
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
        <DecimalField
          label={t('manage.pipeline.amount')}
          hint={t('manage.value.hintUsd')}
          preview={amountValue !== null ? formatUsd(amountValue) : null}
          problems={feedback.byField.amountUsd}
          value={amount}
          onChange={setAmount}
        />
        <DecimalField
          label={t('manage.pipeline.probability')}
          hint={t('manage.value.hintRate')}
          preview={probabilityValue !== null ? formatPercent(probabilityValue) : null}
          problems={feedback.byField.probability}
          value={probability}
          onChange={setProbability}
        />
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
