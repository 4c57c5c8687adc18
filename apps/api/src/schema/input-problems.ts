import { type FieldProblem, InvalidInputError } from './errors';

/**
 * The problems found in one mutation's input. Every check adds to it, so that the user learns
 * of every problem at once; `throwIfAny` then refuses the input with all of them.
 */
export class InputProblems {
  private readonly found: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.found.push({ field, message });
  }

  /** Refuses the input with every problem found, if any. */
  throwIfAny(): void {
    if (this.found.length > 0) throw new InvalidInputError([...this.found]);
  }
}

/** A title-like text: trimmed, not empty, at most `maxLength` characters. Null when refused. */
export function requiredText(problems: InputProblems, field: string, value: string, maxLength: number): string | null {
  const text = value.trim();
  if (!text) {
    problems.add(field, `must not be empty: write 1 to ${maxLength} characters`);
    return null;
  }
  if (text.length > maxLength) {
    problems.add(field, `is ${text.length} characters long: at most ${maxLength} are allowed`);
    return null;
  }
  return text;
}

/** An optional text: trimmed, empty means none, at most `maxLength` characters. */
export function optionalText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  maxLength: number,
): string | null {
  const text = value?.trim() ?? '';
  if (text.length > maxLength) {
    problems.add(field, `is ${text.length} characters long: at most ${maxLength} are allowed`);
    return null;
  }
  return text || null;
}

/** A code such as a region code or an ISO3 code, trimmed and in capitals; empty means none. */
export function normalizedCode(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  return code || null;
}

/** Today's date in UTC, `YYYY-MM-DD`. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A day that must not be in the future, such as the day something happened or was identified. */
export function checkNotFuture(problems: InputProblems, field: string, day: string): void {
  const today = todayUtc();
  if (day > today) problems.add(field, `is in the future: give a day on or before today (${today}, UTC)`);
}
