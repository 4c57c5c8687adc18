import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/** How long typing pauses before a search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

interface ToolbarProps {
  /** A heading set at the start of the row (a section's title). */
  heading?: ReactNode;
  /** Search input, filter selects… */
  children?: ReactNode;
  /** Set at the end of the row: the export button. */
  actions?: ReactNode;
  /** Names the group for assistive technology: "Filter partners". */
  label: string;
}

/** The row above a table: its search and filters, then its actions. */
export function Toolbar({ heading, children, actions, label }: ToolbarProps) {
  return (
    <div className="data-table-toolbar">
      {heading}
      {children ? (
        // biome-ignore lint/a11y/useSemanticElements: a row of filters, not a fieldset answering one question.
        <div className="data-table-toolbar__filters" role="group" aria-label={label}>
          {children}
        </div>
      ) : null}
      {actions ? <div className="data-table-toolbar__actions">{actions}</div> : null}
    </div>
  );
}

interface SearchInputProps {
  label: string;
  /** The search in effect (from the URL). */
  value: string;
  /** Called once typing pauses, with the trimmed text. */
  onChange: (value: string) => void;
  placeholder?: string;
  delayMs?: number;
}

/** A search box that waits for typing to pause before searching; Escape clears it. */
export function SearchInput({ label, value, onChange, placeholder, delayMs = SEARCH_DEBOUNCE_MS }: SearchInputProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const lastSent = useRef(value);

  // The URL changed under us (back button, a link, "clear filters"): show its search. The echo of
  // our own change is skipped, so a trailing space being typed is not trimmed away.
  useEffect(() => {
    if (value === lastSent.current) return;
    lastSent.current = value;
    setText(value);
  }, [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = trimmed;
      onChangeRef.current(trimmed);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);

  return (
    <div className="data-table-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        className="data-table-control data-table-control--search"
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            setText('');
          }
        }}
      />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

interface ToolbarSelectProps {
  label: string;
  /** The selected value; null for the "all" option. */
  value: string | null;
  options: readonly SelectOption[];
  onChange: (value: string | null) => void;
  /** The option that removes the filter: "All regions". */
  allLabel: string;
  disabled?: boolean;
}

/** A filter select with an "all" option first. */
export function ToolbarSelect({ label, value, options, onChange, allLabel, disabled }: ToolbarSelectProps) {
  const id = useId();
  return (
    <div className="data-table-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="data-table-control"
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value || null)}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface DateInputProps {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onChange: (value: string) => void;
}

/** A day, as an ISO date (`2025-03-07`). */
export function DateInput({ label, value, min, max, onChange }: DateInputProps) {
  const id = useId();
  return (
    <div className="data-table-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        className="data-table-control"
        value={value}
        min={min}
        max={max}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </div>
  );
}
