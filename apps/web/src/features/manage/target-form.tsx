import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { formatMetricValueFull, type MetricUnit } from '../../components/kpi-card/metric-format';
import { metricLabel } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import type { VariablesOf } from '../../lib/graphql';
import { decimalText, decimalValue, normalizeDecimal } from './decimal-input';
import { type Feedback, Field, FormAlert, feedbackOf, NO_FEEDBACK, useFocusOnFeedback } from './form-controls';
import { ChoiceField } from './form-fields';
import { readOutcome, type VersionConflict } from './mutation-outcome';
import { TargetConflict } from './target-conflict';
import { type ManagedTarget, ManageSetTarget_Mutation } from './target-documents';
import { type CatalogMetric, periodLabel, sameKey, scopeLabel, unitOf } from './targets-model';

type SetTargetInput = VariablesOf<typeof ManageSetTarget_Mutation>['input'];

/** The fields of the form the API may find problems with. */
const FIELDS = ['metricCode', 'scopeCode', 'quarter', 'value', 'year'] as const;

export interface TargetFormProps {
  /** The region whose targets, and whose country offices' targets, the form sets. */
  regionCode: string;
  countries: readonly { iso3: string; name: string }[];
  catalog: readonly CatalogMetric[];
  year: number;
  /** The target to change; none: a new target. */
  target?: ManagedTarget;
  /** The targets of the year already loaded: a "new" target that exists replaces the version read. */
  existing?: readonly ManagedTarget[];
  /** Saved (the target as stored now). */
  onSaved: (target: ManagedTarget) => void;
  /** After a conflict, the user kept the value someone else saved (of this metric). */
  onKeptTheirs: (conflict: VersionConflict, metricCode: string) => void;
  onCancel: () => void;
}

/** The value a metric's target would have, in words, when the text reads as a number. */
function valuePreview(text: string, unit: MetricUnit, t: Translate): string | null {
  const value = decimalValue(normalizeDecimal(text));
  return value === null ? null : t('manage.value.preview', { value: formatMetricValueFull(value, unit) });
}

/** How to write a value of this unit. */
function valueHint(unit: MetricUnit, t: Translate): string {
  switch (unit) {
    case 'USD':
      return t('manage.value.hintUsd');
    case 'RATE':
      return t('manage.value.hintRate');
    case 'COUNT':
    case 'PEOPLE':
    case 'MEALS':
      return t('manage.value.hintWhole');
    default:
      return t('manage.value.hintDecimal');
  }
}

/**
 * Sets one target: a new one (metric, scope, quarter and value) or a new value for one that
 * exists. The API's problems show beside their fields. If someone saved the target since it was
 * read, both values show and the user keeps theirs, or overwrites it with the current version.
 */
export function TargetForm({
  regionCode,
  countries,
  catalog,
  year,
  target,
  existing = [],
  onSaved,
  onKeptTheirs,
  onCancel,
}: TargetFormProps) {
  const t = useT();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [metricCode, setMetricCode] = useState(target?.metricCode ?? catalog[0]?.code ?? '');
  const [scope, setScope] = useState(target ? `${target.scopeType}:${target.scopeCode}` : `REGION:${regionCode}`);
  const [quarter, setQuarter] = useState(target?.quarter ? String(target.quarter) : '');
  const [valueText, setValueText] = useState(target ? decimalText(target.value) : '');
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [conflict, setConflict] = useState<{ conflict: VersionConflict; input: SetTargetInput } | null>(null);
  const [{ fetching }, setTarget] = useMutation(ManageSetTarget_Mutation);
  useFocusOnFeedback(formRef, feedback.shownAt);
  const conflictRef = useRef<HTMLDivElement>(null);
  // The form opens on its first control: the metric of a new target, the value of one that exists.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);
  // A conflict takes the place of the buttons: the focus goes to it, which reads both values.
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const [scopeType = 'REGION', scopeCode = regionCode] = scope.split(':');
  const key = { metricCode, scopeType, scopeCode, quarter: quarter ? Number(quarter) : null };
  // A "new" target that exists already replaces the version loaded, as an edit would.
  const current = target ?? existing.find((candidate) => sameKey(candidate, key));
  const unit = unitOf(catalog, metricCode);
  const metric = catalog.find((candidate) => candidate.code === metricCode);
  const metricName = metric ? metricLabel(metric) : metricCode;
  const scopeName = scopeLabel(
    { scopeType, scopeCode, country: countries.find((country) => country.iso3 === scopeCode) },
    t,
  );
  const period = periodLabel(year, key.quarter, t);

  async function send(input: SetTargetInput) {
    setFeedback(NO_FEEDBACK);
    setConflict(null);
    const result = await setTarget({ input });
    const outcome = readOutcome(result.error, result.data?.setTarget);
    if (outcome.kind === 'success') {
      onSaved(outcome.data);
    } else if (outcome.kind === 'conflict') {
      setConflict({ conflict: outcome.conflict, input });
    } else {
      setFeedback(feedbackOf(outcome, FIELDS, t));
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fetching) return;
    void send({
      metricCode,
      scopeType: scopeType as SetTargetInput['scopeType'],
      scopeCode,
      year,
      quarter: key.quarter,
      value: normalizeDecimal(valueText),
      expectedVersion: current?.version ?? null,
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !fetching) {
      event.preventDefault();
      onCancel();
    }
  }

  const preview = valuePreview(valueText, unit, t);
  const hint = (
    <>
      {valueHint(unit, t)}
      {current
        ? ` ${t('manage.targets.currentValue', {
            value: formatMetricValueFull(current.value, unit),
            version: current.version,
          })}`
        : null}
      {preview ? (
        <>
          {' '}
          <strong>{preview}</strong>
        </>
      ) : null}
    </>
  );

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
        {target
          ? t('manage.targets.editTitle', { metric: metricName, scope: scopeName, period })
          : t('manage.targets.newTitle', { year })}
      </h3>
      <FormAlert alert={feedback.alert} />
      <div className="manage-form__fields">
        {target ? null : (
          <>
            <ChoiceField
              label={t('manage.targets.metric')}
              problems={feedback.byField.metricCode}
              value={metricCode}
              onChange={setMetricCode}
              choices={catalog.map((option) => ({ value: option.code, label: metricLabel(option) }))}
            />
            <ChoiceField
              label={t('manage.targets.scope')}
              problems={feedback.byField.scopeCode}
              value={scope}
              onChange={setScope}
              choices={[
                { value: `REGION:${regionCode}`, label: t('manage.targets.wholeRegion', { code: regionCode }) },
                ...countries.map((country) => ({ value: `COUNTRY:${country.iso3}`, label: country.name })),
              ]}
            />
            <ChoiceField
              label={t('manage.targets.period')}
              problems={[...(feedback.byField.quarter ?? []), ...(feedback.byField.year ?? [])]}
              value={quarter}
              onChange={setQuarter}
              choices={[
                { value: '', label: t('manage.targets.wholeYear', { year }) },
                ...[1, 2, 3, 4].map((option) => ({
                  value: String(option),
                  label: t('manage.targets.quarterOf', { quarter: option, year }),
                })),
              ]}
            />
          </>
        )}
        <Field
          label={t('manage.targets.value')}
          hint={hint}
          problems={feedback.byField.value}
          className="manage-field--wide manage-field--value"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              required
              // During a conflict the value sent is the one shown as "yours": it cannot change under it.
              readOnly={conflict !== null}
              value={valueText}
              onChange={(event) => setValueText(event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      {conflict ? (
        <TargetConflict
          ref={conflictRef}
          conflict={conflict.conflict}
          unit={unit}
          busy={fetching}
          onKeepTheirs={() => onKeptTheirs(conflict.conflict, metricCode)}
          onOverwrite={() =>
            void send({
              ...conflict.input,
              value: conflict.conflict.yourValue,
              expectedVersion: conflict.conflict.currentVersion,
            })
          }
        />
      ) : (
        <div className="manage-form__actions">
          <button type="submit" className="button" aria-disabled={fetching || undefined}>
            {fetching ? t('manage.form.saving') : t('manage.targets.save')}
          </button>
          <button type="button" className="button manage-button--secondary" onClick={onCancel}>
            {t('manage.form.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
