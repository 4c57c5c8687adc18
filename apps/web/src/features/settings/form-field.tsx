import { type ReactNode, type RefObject, useId } from 'react';
import { useT } from '../../i18n/language-provider';
import './forms.css';

/** What a control needs to be named, described and marked invalid by its field. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FormFieldProps {
  label: string;
  /** What is expected, under the label. */
  hint?: string;
  /** What is wrong with the value, in words; the control is then marked invalid. */
  error?: string | undefined;
  /** The control, given its id and ARIA attributes. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control with its hint and its error message, wired for assistive technology. */
export function FormField({ label, hint, error, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-field form-field--invalid' : 'form-field'}>
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A problem an API mutation reports (`InvalidInputError.problems`): the input field and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The problems of the fields a form shows, by field, and the rest (fields it does not show). */
export function problemsByField<TField extends string>(
  problems: readonly FieldProblem[],
  fields: readonly TField[],
): { byField: Partial<Record<TField, string>>; others: string[] } {
  const byField: Partial<Record<TField, string>> = {};
  const others: string[] = [];
  for (const problem of problems) {
    const field = fields.find((each) => each === problem.field);
    if (field) byField[field] = byField[field] ? `${byField[field]} ${problem.message}` : problem.message;
    else others.push(`${problem.field}: ${problem.message}`);
  }
  return { byField, others };
}

interface ProblemSummaryProps {
  /** One line per problem: "Password: must have at least 12 characters". */
  problems: readonly string[];
  /** Focused when the form is refused, so that the problems are read out first. */
  summaryRef?: RefObject<HTMLDivElement | null>;
}

/** The problems of a refused form, above it: announced, and focused by the form. */
export function ProblemSummary({ problems, summaryRef }: ProblemSummaryProps) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div ref={summaryRef} className="form-problems" role="alert" tabIndex={-1}>
      <p className="form-problems__title">{t('accountForm.problems', { count: problems.length })}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
