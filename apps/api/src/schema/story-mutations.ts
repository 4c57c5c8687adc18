import { type Database, recordAudit, stories, type Transaction } from '@panorama/db';
import { eq } from 'drizzle-orm';
import { builder } from '../builder';
import type { Context } from '../context';
import { InvalidInputError } from './errors';
import { checkNotFuture, InputProblems, normalizedCode, requiredText } from './input-problems';
import { checkCountryOfRegion, checkPartnershipOfRegion, checkRegion } from './reference-checks';
import { Story } from './story';
import {
  assertMayWrite,
  globalIdOf,
  isUnchanged,
  localIdOf,
  scopesRefusal,
  unknownId,
  writeChange,
  writeScopes,
} from './write-access';

/** The name of stories in the audit trail and in their global IDs. */
const STORY = 'Story';
const TITLE_LENGTH = 200;
const SUMMARY_LENGTH = 4000;

type StoryRow = typeof stories.$inferSelect;

interface CreateStoryInput {
  regionCode: string;
  countryIso3?: string | null;
  partnershipId?: string | null;
  title: string;
  summary: string;
  date: string;
}

/** Omitted fields are kept; a null clears an optional field. */
interface UpdateStoryInput {
  countryIso3?: string | null;
  partnershipId?: string | null;
  title?: string | null;
  summary?: string | null;
  date?: string | null;
}

/** The region of the story a global ID names; undefined when it names none. */
async function storyRegion(db: Database, globalId: string): Promise<string | undefined> {
  const id = localIdOf(globalId, STORY);
  if (id === null) return undefined;
  const [row] = await db.select({ regionCode: stories.regionCode }).from(stories).where(eq(stories.id, id));
  return row?.regionCode;
}

/** The story a global ID names, locked until the change is written; refused when there is none. */
async function lockStory(tx: Transaction, globalId: string): Promise<StoryRow> {
  const id = localIdOf(globalId, STORY);
  const [row] = id === null ? [] : await tx.select().from(stories).where(eq(stories.id, id)).for('update');
  if (!row) throw unknownId(STORY);
  return row;
}

/** Checks a text field given for an update: omitted keeps it, null or empty is refused. */
function changedText(problems: InputProblems, field: string, value: string | null | undefined, maxLength: number) {
  if (value === undefined) return undefined;
  return requiredText(problems, field, value ?? '', maxLength) ?? undefined;
}

/** Writes a new story of a region, with its audit entry. */
async function createStory(context: Context, input: CreateStoryInput): Promise<StoryRow> {
  return writeChange(context, async (tx, viewer) => {
    const problems = new InputProblems();
    const regionCode = await checkRegion(tx, problems, 'regionCode', normalizedCode(input.regionCode));
    const title = requiredText(problems, 'title', input.title, TITLE_LENGTH);
    const summary = requiredText(problems, 'summary', input.summary, SUMMARY_LENGTH);
    checkNotFuture(problems, 'date', input.date);
    const country = normalizedCode(input.countryIso3);
    let partnershipId: number | null = null;
    if (regionCode) {
      await checkCountryOfRegion(tx, problems, 'countryIso3', country, regionCode, input.date);
      if (input.partnershipId)
        partnershipId = await checkPartnershipOfRegion(tx, problems, 'partnershipId', input.partnershipId, regionCode);
    }
    problems.throwIfAny();
    if (!regionCode || !title || !summary) throw new Error('unreachable: problems were reported');
    assertMayWrite(viewer, regionCode);
    const [created] = await tx
      .insert(stories)
      .values({ regionCode, countryIso3: country, partnershipId, title, summary, storyDate: input.date })
      .returning();
    if (!created) throw new Error('The story was not stored.');
    await recordAudit(tx, viewer, {
      action: 'CREATE',
      entity: STORY,
      entityId: created.id,
      regionCode,
      after: created,
    });
    return created;
  });
}

/** Changes the fields given of a story, with its audit entry; nothing given or nothing different changes nothing. */
async function updateStory(context: Context, globalId: string, input: UpdateStoryInput): Promise<StoryRow> {
  return writeChange(context, async (tx, viewer) => {
    const before = await lockStory(tx, globalId);
    assertMayWrite(viewer, before.regionCode);
    const problems = new InputProblems();
    const title = changedText(problems, 'title', input.title, TITLE_LENGTH);
    const summary = changedText(problems, 'summary', input.summary, SUMMARY_LENGTH);
    if (input.date === null) problems.add('date', 'cannot be removed: a story has a date');
    if (input.date) checkNotFuture(problems, 'date', input.date);
    const storyDate = input.date ?? before.storyDate;
    const countryIso3 = input.countryIso3 === undefined ? before.countryIso3 : normalizedCode(input.countryIso3);
    if (input.countryIso3 !== undefined || input.date)
      await checkCountryOfRegion(tx, problems, 'countryIso3', countryIso3, before.regionCode, storyDate);
    let partnershipId = before.partnershipId;
    if (input.partnershipId !== undefined) {
      partnershipId = input.partnershipId
        ? await checkPartnershipOfRegion(tx, problems, 'partnershipId', input.partnershipId, before.regionCode)
        : null;
    }
    problems.throwIfAny();
    const changes = {
      title: title ?? before.title,
      summary: summary ?? before.summary,
      storyDate,
      countryIso3,
      partnershipId,
    } satisfies Partial<StoryRow>;
    if (isUnchanged(before, changes)) return before;
    const [updated] = await tx.update(stories).set(changes).where(eq(stories.id, before.id)).returning();
    if (!updated) throw new Error('The story was not updated.');
    await recordAudit(tx, viewer, {
      action: 'UPDATE',
      entity: STORY,
      entityId: updated.id,
      regionCode: updated.regionCode,
      before,
      after: updated,
    });
    return updated;
  });
}

/** Deletes a story, keeping it in the audit trail; returns its global ID. */
async function deleteStory(context: Context, globalId: string): Promise<string> {
  return writeChange(context, async (tx, viewer) => {
    const before = await lockStory(tx, globalId);
    assertMayWrite(viewer, before.regionCode);
    await tx.delete(stories).where(eq(stories.id, before.id));
    await recordAudit(tx, viewer, {
      action: 'DELETE',
      entity: STORY,
      entityId: before.id,
      regionCode: before.regionCode,
      before,
    });
    return globalIdOf(STORY, before.id);
  });
}

const CreateStoryInputRef = builder.inputType('CreateStoryInput', {
  description: 'A new story from the field.',
  fields: (t) => ({
    regionCode: t.string({ required: true, description: 'The bureau whose panorama shows it, such as RBN.' }),
    countryIso3: t.string({
      required: false,
      description: 'The country office it comes from (ISO3): one of the bureau’s on the story’s date. Empty: none.',
    }),
    partnershipId: t.id({
      required: false,
      description: 'The partnership it tells about (`Partnership.id`), one of the bureau’s. Empty: none.',
    }),
    title: t.string({ required: true, description: `The title, 1 to ${TITLE_LENGTH} characters.` }),
    summary: t.string({ required: true, description: `What happened, 1 to ${SUMMARY_LENGTH} characters.` }),
    date: t.field({
      type: 'Date',
      required: true,
      description: 'The day it happened or was reported; not in the future.',
    }),
  }),
});

const UpdateStoryInputRef = builder.inputType('UpdateStoryInput', {
  description: 'The fields of a story to change: omitted fields are kept; null clears an optional one.',
  fields: (t) => ({
    countryIso3: t.string({
      required: false,
      description: 'The country office it comes from (ISO3), one of the bureau’s; null: none.',
    }),
    partnershipId: t.id({
      required: false,
      description: 'The partnership it tells about (`Partnership.id`), one of the bureau’s; null: none.',
    }),
    title: t.string({ required: false, description: `The title, 1 to ${TITLE_LENGTH} characters.` }),
    summary: t.string({ required: false, description: `What happened, 1 to ${SUMMARY_LENGTH} characters.` }),
    date: t.field({
      type: 'Date',
      required: false,
      description: 'The day it happened or was reported; not in the future.',
    }),
  }),
});

const WHO_WRITES = 'ADMIN users write every region’s stories; REGIONAL users their own region’s.';

builder.mutationFields((t) => ({
  createStory: t.field({
    type: Story,
    description: `Adds a story to a region’s panorama. ${WHO_WRITES}`,
    errors: { types: [InvalidInputError] },
    args: { input: t.arg({ type: CreateStoryInputRef, required: true, description: 'The story.' }) },
    unauthorizedError: scopesRefusal,
    authScopes: (_root, { input }, context) =>
      writeScopes(context, async () => normalizedCode(input.regionCode) ?? undefined),
    resolve: (_root, { input }, context) => createStory(context, input),
  }),
  updateStory: t.field({
    type: Story,
    description: `Changes a story; its region stays. ${WHO_WRITES}`,
    errors: { types: [InvalidInputError] },
    args: {
      id: t.arg.id({ required: true, description: 'The story (`Story.id`).' }),
      input: t.arg({ type: UpdateStoryInputRef, required: true, description: 'The fields to change.' }),
    },
    unauthorizedError: scopesRefusal,
    authScopes: (_root, { id }, context) => writeScopes(context, () => storyRegion(context.db, String(id))),
    resolve: (_root, { id, input }, context) => updateStory(context, String(id), input),
  }),
  deleteStory: t.field({
    type: 'ID',
    description: `Deletes a story (the audit trail keeps what it was) and returns its ID. ${WHO_WRITES}`,
    errors: { types: [InvalidInputError] },
    args: { id: t.arg.id({ required: true, description: 'The story (`Story.id`).' }) },
    unauthorizedError: scopesRefusal,
    authScopes: (_root, { id }, context) => writeScopes(context, () => storyRegion(context.db, String(id))),
    resolve: (_root, { id }, context) => deleteStory(context, String(id)),
  }),
}));
