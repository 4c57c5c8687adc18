import type { ReactNode } from 'react';
import { useT } from '../../i18n/language-provider';
import { Field } from './form-controls';

/** One option of a {@link ChoiceField}: what it sends, what it says. */
export interface Choice {
  value: string;
  label: string;
}

interface ChoiceFieldProps {
  label: string;
  problems?: readonly string[];
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
}

/** A labelled choice among `choices`, in their order (an empty value first, for "none"). */
export function ChoiceField({ label, problems, value, onChange, choices }: ChoiceFieldProps) {
  return (
    <Field label={label} problems={problems}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface DecimalFieldProps {
  label: string;
  /** How to write it. */
  hint: ReactNode;
  /** The value as typed, formatted for reading back; null while it does not read as a number. */
  preview: string | null;
  problems?: readonly string[];
  value: string;
  onChange: (value: string) => void;
}

/**
 * A required decimal, typed as text (so that nothing is rounded on the way), with how to write it
 * and, once it reads as a number, what it reads as.
 */
export function DecimalField({ label, hint, preview, problems, value, onChange }: DecimalFieldProps) {
  const t = useT();
  return (
    <Field
      label={label}
      hint={
        <>
          {hint}
          {preview !== null ? (
            <>
              {' '}
              <strong>{t('manage.value.preview', { value: preview })}</strong>
            </>
          ) : null}
        </>
      }
      problems={problems}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          required
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
