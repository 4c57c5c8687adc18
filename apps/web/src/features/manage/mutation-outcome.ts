import type { CombinedError } from 'urql';

/**
 * What a write came back with, read once for every form: the API answers a mutation with its
 * result or a typed error (`InvalidInputError`, `VersionConflictError`) as data, and refuses
 * people who may not write with a GraphQL error (`extensions.code` FORBIDDEN or UNAUTHENTICATED).
 */

/** One field the API refused, and why (in English: the API's words). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Someone saved a target since it was read: both values, to choose between them. */
export interface VersionConflict {
  message: string;
  /** The version the form read (0: it read no value, and the target has one now). */
  expectedVersion: number;
  currentVersion: number;
  /** The value sent, as the API's canonical decimal text. */
  yourValue: string;
  currentValue: string;
  currentSetBy: string;
}

export type MutationOutcome<T> =
  | { kind: 'success'; data: T }
  | { kind: 'invalid'; message: string; problems: readonly FieldProblem[] }
  | { kind: 'conflict'; conflict: VersionConflict }
  | { kind: 'refused'; code: 'FORBIDDEN' | 'UNAUTHENTICATED'; message: string }
  | { kind: 'failed'; message: string | null };

/** A mutation's union result, as the documents of this folder select it (with `__typename`). */
type ResultUnion = { readonly __typename?: string };

type SuccessData<R> = R extends { readonly data: infer T } ? T : never;

function isRefusal(code: unknown): code is 'FORBIDDEN' | 'UNAUTHENTICATED' {
  return code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
}

/** Reads a mutation's answer: its transport or GraphQL error if any, else its union result. */
export function readOutcome<R extends ResultUnion>(
  error: CombinedError | undefined,
  result: R | null | undefined,
): MutationOutcome<SuccessData<R>> {
  const refusal = error?.graphQLErrors.find((graphqlError) => isRefusal(graphqlError.extensions?.code));
  if (refusal) {
    return {
      kind: 'refused',
      code: refusal.extensions.code as 'FORBIDDEN' | 'UNAUTHENTICATED',
      message: refusal.message,
    };
  }
  if (result && 'data' in result) return { kind: 'success', data: result.data as SuccessData<R> };
  if (result?.__typename === 'InvalidInputError') {
    const invalid = result as unknown as { message: string; problems: FieldProblem[] };
    return { kind: 'invalid', message: invalid.message, problems: invalid.problems };
  }
  if (result?.__typename === 'VersionConflictError') {
    return { kind: 'conflict', conflict: result as unknown as VersionConflict };
  }
  return { kind: 'failed', message: error?.message ?? null };
}

/** The problems of each field a form shows, and those of any other field (for the form's summary). */
export interface SortedProblems {
  byField: Readonly<Record<string, readonly string[]>>;
  others: readonly FieldProblem[];
}

/** Sorts the API's problems between the fields a form shows (`fields`) and the rest. */
export function sortProblems(problems: readonly FieldProblem[], fields: readonly string[]): SortedProblems {
  const byField: Record<string, string[]> = {};
  const others: FieldProblem[] = [];
  for (const problem of problems) {
    if (!fields.includes(problem.field)) {
      others.push(problem);
      continue;
    }
    const messages = byField[problem.field] ?? [];
    messages.push(problem.message);
    byField[problem.field] = messages;
  }
  return { byField, others };
}
