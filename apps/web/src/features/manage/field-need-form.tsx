import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { objectiveName } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { graphql } from '../../lib/graphql';
import type { Country } from './field-needs-section';
import { type Feedback, Field, FormAlert, feedbackOf, NO_FEEDBACK, useFocusOnFeedback } from './form-controls';
import { ChoiceField } from './form-fields';
import { todayUtc } from './format-time';
import { readOutcome } from './mutation-outcome';

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

const NEED_FIELDS = ['title', 'description', 'countryIso3', 'objectiveCode', 'sector', 'identifiedOn'] as const;

export interface FieldNeedFormProps {
  regionCode: string;
  countries: readonly Country[];
  objectives: readonly { code: string; name: string }[];
  onSaved: (title: string) => void;
  onCancel: () => void;
}

/** Records a need a country office (or the bureau) identified. */
export function FieldNeedForm({ regionCode, countries, objectives, onSaved, onCancel }: FieldNeedFormProps) {
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
        <ChoiceField
          label={t('manage.needs.country')}
          problems={feedback.byField.countryIso3}
          value={countryIso3}
          onChange={setCountryIso3}
          choices={[
            { value: '', label: t('fieldNeeds.bureauWide') },
            ...countries.map((country) => ({ value: country.iso3, label: country.name })),
          ]}
        />
        <ChoiceField
          label={t('manage.needs.objective')}
          problems={feedback.byField.objectiveCode}
          value={objectiveCode}
          onChange={setObjectiveCode}
          choices={[
            { value: '', label: t('manage.needs.noObjective') },
            ...objectives.map((objective) => ({ value: objective.code, label: objectiveName(objective) })),
          ]}
        />
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
