import { type Database, fieldNeeds, recordAudit, type Transaction } from '@panorama/db';
import { eq } from 'drizzle-orm';
import { builder } from '../builder';
import type { Context } from '../context';
import { InvalidInputError } from './errors';
import { FieldNeed } from './field-need';
import { checkNotFuture, InputProblems, normalizedCode, optionalText, requiredText, todayUtc } from './input-problems';
import { checkCountryOfRegion, checkObjective, checkPartnershipOfRegion, checkRegion } from './reference-checks';
import {
  assertMayWrite,
  isUnchanged,
  localIdOf,
  scopesRefusal,
  unknownId,
  writeChange,
  writeScopes,
} from './write-access';

/** The name of field needs in the audit trail and in their global IDs. */
const FIELD_NEED = 'FieldNeed';
const TITLE_LENGTH = 200;
const DESCRIPTION_LENGTH = 4000;
const SECTOR_LENGTH = 100;

type FieldNeedRow = typeof fieldNeeds.$inferSelect;

interface RecordFieldNeedInput {
  regionCode: string;
  countryIso3?: string | null;
  objectiveCode?: string | null;
  title: string;
  description: string;
  sector?: string | null;
  identifiedOn?: string | null;
}

/** The region of the field need a global ID names; undefined when it names none. */
async function fieldNeedRegion(db: Database, globalId: string): Promise<string | undefined> {
  const id = localIdOf(globalId, FIELD_NEED);
  if (id === null) return undefined;
  const [row] = await db.select({ regionCode: fieldNeeds.regionCode }).from(fieldNeeds).where(eq(fieldNeeds.id, id));
  return row?.regionCode;
}

/** The field need a global ID names, locked until the change is written; refused when there is none. */
async function lockFieldNeed(tx: Transaction, globalId: string): Promise<FieldNeedRow> {
  const id = localIdOf(globalId, FIELD_NEED);
  const [row] = id === null ? [] : await tx.select().from(fieldNeeds).where(eq(fieldNeeds.id, id)).for('update');
  if (!row) throw unknownId(FIELD_NEED);
  return row;
}

/** Records a need a country office identified, OPEN, with its audit entry. */
async function recordFieldNeed(context: Context, input: RecordFieldNeedInput): Promise<FieldNeedRow> {
  return writeChange(context, async (tx, viewer) => {
    const problems = new InputProblems();
    const regionCode = await checkRegion(tx, problems, 'regionCode', normalizedCode(input.regionCode));
    const title = requiredText(problems, 'title', input.title, TITLE_LENGTH);
    const description = requiredText(problems, 'description', input.description, DESCRIPTION_LENGTH);
    const sector = optionalText(problems, 'sector', input.sector, SECTOR_LENGTH);
    const objectiveCode = await checkObjective(tx, problems, 'objectiveCode', normalizedCode(input.objectiveCode));
    const identifiedOn = input.identifiedOn ?? todayUtc();
    checkNotFuture(problems, 'identifiedOn', identifiedOn);
    const countryIso3 = normalizedCode(input.countryIso3);
    if (regionCode) await checkCountryOfRegion(tx, problems, 'countryIso3', countryIso3, regionCode, identifiedOn);
    problems.throwIfAny();
    if (!regionCode || !title || !description) throw new Error('unreachable: problems were reported');
    assertMayWrite(viewer, regionCode);
    const [created] = await tx
      .insert(fieldNeeds)
      .values({ regionCode, countryIso3, objectiveCode, title, description, sector, identifiedOn, status: 'OPEN' })
      .returning();
    if (!created) throw new Error('The field need was not stored.');
    await recordAudit(tx, viewer, {
      action: 'CREATE',
      entity: FIELD_NEED,
      entityId: created.id,
      regionCode,
      after: created,
    });
    return created;
  });
}

/**
 * Applies checked changes to a field need the viewer may write, with the audit entry; `check`
 * reads the locked row and returns the changes, refusing what is not allowed. Nothing different: no write.
 */
async function changeFieldNeed(
  context: Context,
  globalId: string,
  check: (tx: Transaction, before: FieldNeedRow) => Promise<Partial<FieldNeedRow>>,
): Promise<FieldNeedRow> {
  return writeChange(context, async (tx, viewer) => {
    const before = await lockFieldNeed(tx, globalId);
    assertMayWrite(viewer, before.regionCode);
    const changes = await check(tx, before);
    if (isUnchanged(before, changes)) return before;
    const [updated] = await tx.update(fieldNeeds).set(changes).where(eq(fieldNeeds.id, before.id)).returning();
    if (!updated) throw new Error('The field need was not updated.');
    await recordAudit(tx, viewer, {
      action: 'UPDATE',
      entity: FIELD_NEED,
      entityId: updated.id,
      regionCode: updated.regionCode,
      before,
      after: updated,
    });
    return updated;
  });
}

/** MATCHED to one of its region's partnerships; a CLOSED need cannot be matched. */
async function checkMatch(tx: Transaction, before: FieldNeedRow, partnershipGlobalId: string) {
  const problems = new InputProblems();
  if (before.status === 'CLOSED')
    problems.add('id', 'is a CLOSED field need: only OPEN or MATCHED needs can be matched to a partnership');
  const partnershipId = await checkPartnershipOfRegion(
    tx,
    problems,
    'partnershipId',
    partnershipGlobalId,
    before.regionCode,
  );
  problems.throwIfAny();
  return { status: 'MATCHED' as const, partnershipId };
}

const RecordFieldNeedInputRef = builder.inputType('RecordFieldNeedInput', {
  description: 'A need identified by a country office that the private sector may meet.',
  fields: (t) => ({
    regionCode: t.string({ required: true, description: 'The bureau of the office that identified it, such as RBN.' }),
    countryIso3: t.string({
      required: false,
      description: 'The country office that identified it (ISO3), one of the bureau’s on `identifiedOn`. Empty: none.',
    }),
    objectiveCode: t.string({
      required: false,
      description: 'The strategy objective it serves, such as IMP_NUTRITION. Empty: none.',
    }),
    title: t.string({ required: true, description: `The need in a few words, 1 to ${TITLE_LENGTH} characters.` }),
    description: t.string({
      required: true,
      description: `What is needed, where and why, 1 to ${DESCRIPTION_LENGTH} characters.`,
    }),
    sector: t.string({
      required: false,
      description: `The business sector that could meet it, at most ${SECTOR_LENGTH} characters. Empty: not known.`,
    }),
    identifiedOn: t.field({
      type: 'Date',
      required: false,
      description: 'The day the office identified it; not in the future. Default: today (UTC).',
    }),
  }),
});

const WHO_WRITES = 'ADMIN users write every region’s field needs; REGIONAL users their own region’s.';

builder.mutationFields((t) => ({
  recordFieldNeed: t.field({
    type: FieldNeed,
    description: `Records a field need, OPEN. ${WHO_WRITES}`,
    errors: { types: [InvalidInputError] },
    args: { input: t.arg({ type: RecordFieldNeedInputRef, required: true, description: 'The need.' }) },
    unauthorizedError: scopesRefusal,
    authScopes: (_root, { input }, context) =>
      writeScopes(context, async () => normalizedCode(input.regionCode) ?? undefined),
    resolve: (_root, { input }, context) => recordFieldNeed(context, input),
  }),
  matchFieldNeed: t.field({
    type: FieldNeed,
    description: `Matches an OPEN (or already MATCHED) field need to the partnership that answers it, one of the need’s region: it becomes MATCHED. ${WHO_WRITES}`,
    errors: { types: [InvalidInputError] },
    args: {
      id: t.arg.id({ required: true, description: 'The field need (`FieldNeed.id`).' }),
      partnershipId: t.arg.id({
        required: true,
        description: 'The partnership that answers it (`Partnership.id`), in the need’s region.',
      }),
    },
    unauthorizedError: scopesRefusal,
    authScopes: (_root, { id }, context) => writeScopes(context, () => fieldNeedRegion(context.db, String(id))),
    resolve: (_root, { id, partnershipId }, context) =>
      changeFieldNeed(context, String(id), (tx, before) => checkMatch(tx, before, String(partnershipId))),
  }),
  closeFieldNeed: t.field({
    type: FieldNeed,
    description: `Closes a field need, met or not; its partnership, if matched, stays. Closing a CLOSED need changes nothing. ${WHO_WRITES}`,
    errors: { types: [InvalidInputError] },
    args: { id: t.arg.id({ required: true, description: 'The field need (`FieldNeed.id`).' }) },
    unauthorizedError: scopesRefusal,
    authScopes: (_root, { id }, context) => writeScopes(context, () => fieldNeedRegion(context.db, String(id))),
    resolve: (_root, { id }, context) => changeFieldNeed(context, String(id), async () => ({ status: 'CLOSED' })),
  }),
}));
