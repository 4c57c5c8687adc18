import { type Database, type OpportunityStage, opportunities, recordAudit, type Transaction } from '@panorama/db';
import { eq, sql } from 'drizzle-orm';
import { builder } from '../builder';
import type { Context } from '../context';
import { canonicalDecimal, checkDecimal, MONEY_RULE, RATE_RULE } from './decimal-input';
import { OpportunityStageEnum } from './enums';
import { InvalidInputError } from './errors';
import { InputProblems, requiredText } from './input-problems';
import { Opportunity } from './opportunity';
import {
  assertMayWrite,
  isUnchanged,
  localIdOf,
  scopesRefusal,
  unknownId,
  writeChange,
  writeScopes,
} from './write-access';

/** The name of opportunities in the audit trail and in their global IDs. */
const OPPORTUNITY = 'Opportunity';
const NAME_LENGTH = 200;

type OpportunityRow = typeof opportunities.$inferSelect;
type OpportunityChanges = Partial<
  Pick<OpportunityRow, 'stage' | 'name' | 'amountUsd' | 'probability' | 'expectedCloseDate'>
>;

/** Omitted fields are kept. */
interface UpdateOpportunityInput {
  name?: string | null;
  amountUsd?: string | null;
  probability?: string | null;
  expectedCloseDate?: string | null;
}

/** The region of the opportunity a global ID names; undefined when it names none. */
async function opportunityRegion(db: Database, globalId: string): Promise<string | undefined> {
  const id = localIdOf(globalId, OPPORTUNITY);
  if (id === null) return undefined;
  const [row] = await db
    .select({ regionCode: opportunities.regionCode })
    .from(opportunities)
    .where(eq(opportunities.id, id));
  return row?.regionCode;
}

/** The opportunity a global ID names, locked until the change is written; refused when there is none. */
async function lockOpportunity(tx: Transaction, globalId: string): Promise<OpportunityRow> {
  const id = localIdOf(globalId, OPPORTUNITY);
  const [row] = id === null ? [] : await tx.select().from(opportunities).where(eq(opportunities.id, id)).for('update');
  if (!row) throw unknownId(OPPORTUNITY);
  return row;
}

/**
 * Applies checked changes to an opportunity the viewer may write, with the audit entry; `check`
 * reads the locked row and returns the changes, refusing bad input. Nothing different: no write.
 */
async function changeOpportunity(
  context: Context,
  globalId: string,
  check: (before: OpportunityRow) => OpportunityChanges,
): Promise<OpportunityRow> {
  return writeChange(context, async (tx, viewer) => {
    const before = await lockOpportunity(tx, globalId);
    assertMayWrite(viewer, before.regionCode);
    const changes = check(before);
    if (isUnchanged(before, changes)) return before;
    const [updated] = await tx
      .update(opportunities)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(opportunities.id, before.id))
      .returning();
    if (!updated) throw new Error('The opportunity was not updated.');
    await recordAudit(tx, viewer, {
      action: 'UPDATE',
      entity: OPPORTUNITY,
      entityId: updated.id,
      regionCode: updated.regionCode,
      before,
      after: updated,
    });
    return updated;
  });
}

/** The checked changes of `updateOpportunity`, decimals in the columns' text form so that equal values compare equal. */
function checkUpdate(before: OpportunityRow, input: UpdateOpportunityInput): OpportunityChanges {
  const problems = new InputProblems();
  const changes: OpportunityChanges = {};
  for (const field of ['name', 'amountUsd', 'probability', 'expectedCloseDate'] as const) {
    if (input[field] === null) problems.add(field, 'cannot be removed: omit it to keep the current value');
  }
  if (input.name != null) {
    const name = requiredText(problems, 'name', input.name, NAME_LENGTH);
    if (name) changes.name = name;
  }
  if (input.amountUsd != null) {
    const amount = checkDecimal(problems, 'amountUsd', input.amountUsd, MONEY_RULE);
    if (amount !== null) changes.amountUsd = sameDecimal(before.amountUsd, amount);
  }
  if (input.probability != null) {
    const probability = checkDecimal(problems, 'probability', input.probability, RATE_RULE);
    if (probability !== null) changes.probability = sameDecimal(before.probability, probability);
  }
  if (input.expectedCloseDate != null) changes.expectedCloseDate = input.expectedCloseDate;
  problems.throwIfAny();
  return changes;
}

/** The stored text when it is the same number (`0.2500` for `0.25`), so that an unchanged value is seen as such. */
function sameDecimal(stored: string, value: string): string {
  return canonicalDecimal(stored) === value ? stored : value;
}

const UpdateOpportunityInputRef = builder.inputType('UpdateOpportunityInput', {
  description: 'The fields of an opportunity to change: omitted fields are kept.',
  fields: (t) => ({
    name: t.string({ required: false, description: `What it is called, 1 to ${NAME_LENGTH} characters.` }),
    amountUsd: t.string({
      required: false,
      description:
        'The expected amount in US dollars, as decimal text, such as "250000.00": zero or more, to the cent.',
    }),
    probability: t.string({
      required: false,
      description: 'The chance it closes as WON, as decimal text from 0 to 1, such as "0.35".',
    }),
    expectedCloseDate: t.field({ type: 'Date', required: false, description: 'The day it is expected to close.' }),
  }),
});

const WHO_WRITES = 'ADMIN users write every region’s pipeline; REGIONAL users their own region’s.';

builder.mutationFields((t) => ({
  moveOpportunity: t.field({
    type: Opportunity,
    description: `Moves an opportunity to another stage of the pipeline: forward, back, or to WON or LOST (which closes it; moving it back to an open stage reopens it). ${WHO_WRITES}`,
    errors: { types: [InvalidInputError] },
    args: {
      id: t.arg.id({ required: true, description: 'The opportunity (`Opportunity.id`).' }),
      stage: t.arg({ type: OpportunityStageEnum, required: true, description: 'The stage it has reached.' }),
    },
    unauthorizedError: scopesRefusal,
    authScopes: (_root, { id }, context) => writeScopes(context, () => opportunityRegion(context.db, String(id))),
    resolve: (_root, { id, stage }, context) =>
      changeOpportunity(context, String(id), () => ({ stage: stage as OpportunityStage })),
  }),
  updateOpportunity: t.field({
    type: Opportunity,
    description: `Changes an opportunity’s name, amount, probability or expected close date. ${WHO_WRITES}`,
    errors: { types: [InvalidInputError] },
    args: {
      id: t.arg.id({ required: true, description: 'The opportunity (`Opportunity.id`).' }),
      input: t.arg({ type: UpdateOpportunityInputRef, required: true, description: 'The fields to change.' }),
    },
    unauthorizedError: scopesRefusal,
    authScopes: (_root, { id }, context) => writeScopes(context, () => opportunityRegion(context.db, String(id))),
    resolve: (_root, { id, input }, context) =>
      changeOpportunity(context, String(id), (before) => checkUpdate(before, input)),
  }),
}));
