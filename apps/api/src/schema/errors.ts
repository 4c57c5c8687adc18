import { builder } from '../builder';

/** One input field's problem: which field, and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Input that breaks a rule; every problem is listed, not only the first. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '));
  }
}

/** A change saved over someone else's newer one: refused, with both values. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  constructor(
    message: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
    readonly yourValue: string,
    readonly currentValue: string,
    readonly currentSetBy: string,
  ) {
    super(message);
  }
}

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'A problem a mutation reports as data: what the user can fix.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, for people.' }),
  }),
});

const FieldProblemRef = builder.objectRef<FieldProblem>('FieldProblem').implement({
  description: 'A problem with one input field.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The input field, such as `value`.' }),
    message: t.exposeString('message', { description: 'Why it is refused, and what is allowed.' }),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  description: 'The input breaks one or more rules: nothing was saved.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    problems: t.field({
      type: [FieldProblemRef],
      description: 'Every problem found, one per field and rule.',
      resolve: (error) => error.problems,
    }),
  }),
});

builder.objectType(VersionConflictError, {
  name: 'VersionConflictError',
  description: 'Someone saved a newer value since you read it: nothing was saved. Both values are here.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    expectedVersion: t.exposeInt('expectedVersion', { description: 'The version you read and meant to replace.' }),
    currentVersion: t.exposeInt('currentVersion', { description: 'The version stored now.' }),
    yourValue: t.exposeString('yourValue', { description: 'The value you tried to save.' }),
    currentValue: t.exposeString('currentValue', { description: 'The value stored now.' }),
    currentSetBy: t.exposeString('currentSetBy', { description: 'Who saved the value stored now.' }),
  }),
});

/** The typed errors of mutations that validate input. */
export const INPUT_ERRORS = [InvalidInputError];
