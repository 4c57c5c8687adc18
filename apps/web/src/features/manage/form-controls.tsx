import { type ReactNode, type RefObject, useEffect, useId } from 'react';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { type MutationOutcome, sortProblems } from './mutation-outcome';

/** What a form shows after a refused write: problems beside their fields, and a summary above. */
export interface Feedback {
  byField: Readonly<Record<string, readonly string[]>>;
  alert: FormAlertContent | null;
  /** Changes each time feedback is shown, so that the form moves the focus to it. */
  shownAt: number;
}

export interface FormAlertContent {
  title: string;
  /** The API's own words, for the curious and for support. */
  detail?: string;
  /** Problems of fields the form does not show. */
  items?: readonly string[];
}

export const NO_FEEDBACK: Feedback = { byField: {}, alert: null, shownAt: 0 };

/**
 * The feedback of a write that did not succeed (a conflict is the target form's own business):
 * field problems go beside the `fields` the form shows, the rest and refusals into the summary.
 */
export function feedbackOf(outcome: MutationOutcome<unknown>, fields: readonly string[], t: Translate): Feedback {
  const shownAt = Date.now();
  switch (outcome.kind) {
    case 'invalid': {
      const { byField, others } = sortProblems(outcome.problems, fields);
      return {
        byField,
        alert: {
          title: t('manage.form.invalid'),
          items: others.map((problem) => t('manage.form.problem', { field: problem.field, message: problem.message })),
        },
        shownAt,
      };
    }
    case 'refused':
      return {
        byField: {},
        alert: {
          title: outcome.code === 'FORBIDDEN' ? t('manage.form.forbidden') : t('manage.form.unauthenticated'),
          detail: outcome.message,
        },
        shownAt,
      };
    case 'failed':
      return { byField: {}, alert: { title: t('manage.form.failed'), detail: outcome.message ?? undefined }, shownAt };
    default:
      return NO_FEEDBACK;
  }
}

/** The props a field gives its control: its id, what describes it, whether it was refused. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: string;
  /** How to fill it in: shown under the control, and read with it. */
  hint?: ReactNode;
  /** What the API refused in it (its words). */
  problems?: readonly string[];
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control, with its hint and the API's problems with it, all tied to it for screen readers. */
export function Field({ label, hint, problems = [], className = '', children }: FieldProps) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [problems.length > 0 ? problemId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={`manage-field ${problems.length > 0 ? 'manage-field--invalid' : ''} ${className}`.trim()}>
      <label className="manage-field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(problems.length > 0 ? { 'aria-invalid': true } : {}),
      })}
      {problems.length > 0 ? (
        <p id={problemId} className="manage-field__problem">
          <span aria-hidden="true">✕ </span>
          {problems.map((message) => t('manage.form.problem', { field: label, message })).join(' ')}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="manage-field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Why a write failed, above the form's fields: read out as soon as it appears. */
export function FormAlert({ alert }: { alert: FormAlertContent | null }) {
  if (!alert) return null;
  return (
    <div className="manage-alert" role="alert" tabIndex={-1}>
      <p className="manage-alert__title">{alert.title}</p>
      {alert.items && alert.items.length > 0 ? (
        <ul>
          {alert.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
      {alert.detail ? <p className="manage-alert__detail">{alert.detail}</p> : null}
    </div>
  );
}

/**
 * Moves the focus to the first field the API refused, else to the form's alert, each time new
 * feedback is shown: keyboard and screen-reader users land where the problem is.
 */
export function useFocusOnFeedback(formRef: RefObject<HTMLElement | null>, shownAt: number): void {
  useEffect(() => {
    if (!shownAt) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector('.manage-alert');
    if (target instanceof HTMLElement) target.focus();
  }, [formRef, shownAt]);
}

/** The polite announcement of a section: "Saved …". Always in the page, so that changes are read out. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p className={`manage-status ${message ? '' : 'manage-status--empty'}`.trim()} role="status">
      {message ? (
        <>
          <span aria-hidden="true">✓ </span>
          {message}
        </>
      ) : null}
    </p>
  );
}
