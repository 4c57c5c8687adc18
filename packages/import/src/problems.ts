/**
 * One thing wrong with an imported file: where (1-based physical line of the record, and the
 * column when the problem is about one value), the value found, and what is allowed instead.
 */
export interface Problem {
  line: number;
  /** The column's name as the format spells it; null for a whole-record or whole-file problem. */
  column: string | null;
  /** The offending value as found in the file (trimmed); null when there is none to show. */
  value: string | null;
  /** What is wrong and what is allowed, in words a regional team can act on. */
  reason: string;
}

/**
 * A file that cannot be read at all (not UTF-8, broken quoting, no header, a wrong header):
 * nothing in it can be imported. Carries every problem found before giving up.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(describeProblem).join('\n'));
    this.problems = problems;
  }
}

/** A problem as one sentence: `line 12, amount_usd "-5": must be ≥ 0`. */
export function describeProblem(problem: Problem): string {
  const where = problem.column === null ? `line ${problem.line}` : `line ${problem.line}, ${problem.column}`;
  const value = problem.value === null ? '' : ` ${JSON.stringify(problem.value)}`;
  return `${where}${value}: ${problem.reason}`;
}
