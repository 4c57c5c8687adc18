import {
  contributions,
  type Database,
  fieldNeeds,
  impactRecords,
  opportunities,
  partners,
  partnerships,
  stories,
  targets,
  targetVersions,
} from '@panorama/db';

/**
 * Small insert helpers that build domain rows for tests, over the reference data every database
 * has (bureaux, countries, objectives). Each takes the fields a test cares about and fills in
 * the rest; each returns the inserted row.
 */

let sequence = 0;
function nextRef(prefix: string): string {
  sequence += 1;
  return `${prefix}-${String(sequence).padStart(5, '0')}`;
}

export async function insertPartner(db: Database, values: Partial<typeof partners.$inferInsert> = {}) {
  const [row] = await db
    .insert(partners)
    .values({
      externalRef: nextRef('P'),
      name: 'Partner',
      partnerType: 'CORPORATION',
      scope: 'LOCAL',
      regionCode: 'RBN',
      ...values,
    })
    .returning();
  if (!row) throw new Error('no partner inserted');
  return row;
}

export async function insertPartnership(
  db: Database,
  partnerId: number,
  values: Partial<typeof partnerships.$inferInsert> = {},
) {
  const [row] = await db
    .insert(partnerships)
    .values({
      externalRef: nextRef('PS'),
      name: 'Partnership',
      partnerId,
      regionCode: 'RBN',
      objectiveCode: 'IMP_NUTRITION',
      modality: 'CASH',
      status: 'ACTIVE',
      startDate: '2024-01-01',
      ...values,
    })
    .returning();
  if (!row) throw new Error('no partnership inserted');
  return row;
}

export type ContributionValues = Partial<typeof contributions.$inferInsert>;

/** Inserts contributions of one partner, in one statement. */
export async function insertContributions(db: Database, partnerId: number, rows: readonly ContributionValues[]) {
  if (rows.length === 0) return [];
  return db
    .insert(contributions)
    .values(
      rows.map((values) => ({
        externalRef: nextRef('C'),
        date: '2025-03-15',
        amountUsd: '100.00',
        incomeStream: 'CORPORATE' as const,
        kind: 'CASH' as const,
        partnerId,
        objectiveCode: 'INC_GROWTH',
        regionCode: 'RBN',
        ...values,
      })),
    )
    .returning();
}

export async function insertImpactRecord(db: Database, values: Partial<typeof impactRecords.$inferInsert> = {}) {
  const [row] = await db
    .insert(impactRecords)
    .values({
      externalRef: nextRef('I'),
      date: '2025-03-15',
      metricCode: 'BENEFICIARIES_REACHED',
      value: '1000',
      regionCode: 'RBN',
      objectiveCode: 'IMP_NUTRITION',
      ...values,
    })
    .returning();
  if (!row) throw new Error('no impact record inserted');
  return row;
}

/** Inserts a target with its history: one version per value, the last one current. */
export async function insertTarget(
  db: Database,
  values: Omit<Partial<typeof targets.$inferInsert>, 'value' | 'version'>,
  history: readonly string[] = ['1000'],
) {
  const scope = values.countryIso3
    ? { scopeType: 'COUNTRY' as const, scopeCode: values.countryIso3 }
    : values.regionCode
      ? { scopeType: 'REGION' as const, scopeCode: values.regionCode }
      : { scopeType: 'GLOBAL' as const, scopeCode: 'GLOBAL' };
  const [row] = await db
    .insert(targets)
    .values({
      metricCode: 'REVENUE_USD',
      year: 2025,
      setBy: 'analyst@example.org',
      ...scope,
      ...values,
      value: history.at(-1) ?? '0',
      version: history.length,
    })
    .returning();
  if (!row) throw new Error('no target inserted');
  await db.insert(targetVersions).values(
    history.map((value, index) => ({
      targetId: row.id,
      version: index + 1,
      value,
      previousValue: index === 0 ? null : history[index - 1],
      setBy: row.setBy,
    })),
  );
  return row;
}

export async function insertOpportunity(db: Database, values: Partial<typeof opportunities.$inferInsert> = {}) {
  const [row] = await db
    .insert(opportunities)
    .values({
      name: 'Opportunity',
      prospectName: 'A prospect',
      regionCode: 'RBN',
      stage: 'IDENTIFIED',
      amountUsd: '10000.00',
      probability: '0.2500',
      expectedCloseDate: '2025-06-30',
      ...values,
    })
    .returning();
  if (!row) throw new Error('no opportunity inserted');
  return row;
}

export async function insertFieldNeed(db: Database, values: Partial<typeof fieldNeeds.$inferInsert> = {}) {
  const [row] = await db
    .insert(fieldNeeds)
    .values({
      title: 'Cold chain',
      description: 'Refrigerated trucks for fortified food.',
      regionCode: 'RBN',
      status: 'OPEN',
      identifiedOn: '2025-02-01',
      ...values,
    })
    .returning();
  if (!row) throw new Error('no field need inserted');
  return row;
}

export async function insertStory(db: Database, values: Partial<typeof stories.$inferInsert> = {}) {
  const [row] = await db
    .insert(stories)
    .values({
      title: 'A story',
      summary: 'What happened.',
      regionCode: 'RBN',
      storyDate: '2025-04-01',
      ...values,
    })
    .returning();
  if (!row) throw new Error('no story inserted');
  return row;
}

/**
 * A small graph around one partner in Kenya (Acme Foods): two partnerships and what hangs off
 * them (contributions, impact records, stories, field needs, opportunities), targets at every
 * scope, and a little in Latin America (RBP) to filter out.
 */
export async function insertKenyaGraph(db: Database): Promise<void> {
  const acme = await insertPartner(db, { name: 'Acme Foods', regionCode: 'RBN', countryIso3: 'KEN' });
  const other = await insertPartner(db, { name: 'Zeta Bank', regionCode: 'RBP', countryIso3: 'COL' });
  const nutrition = await insertPartnership(db, acme.id, {
    name: 'Fortified flour',
    countryIso3: 'KEN',
    objectiveCode: 'IMP_NUTRITION',
    status: 'ACTIVE',
    modality: 'IN_KIND',
  });
  const finished = await insertPartnership(db, acme.id, {
    name: 'Emergency logistics',
    regionCode: 'RBN',
    objectiveCode: 'IMP_EMERGENCY',
    status: 'COMPLETED',
    startDate: '2022-01-01',
    endDate: '2023-12-31',
  });
  await insertPartnership(db, other.id, { name: 'Bank staff giving', regionCode: 'RBP', objectiveCode: 'INC_GROWTH' });
  await insertContributions(db, acme.id, [
    { partnershipId: nutrition.id, countryIso3: 'KEN', objectiveCode: 'IMP_NUTRITION', amountUsd: '5000.00' },
    { partnershipId: nutrition.id, countryIso3: 'KEN', objectiveCode: 'IMP_NUTRITION', date: '2025-04-01' },
    { objectiveCode: 'INC_GROWTH', date: '2025-05-01' },
  ]);
  await insertContributions(db, other.id, [{ regionCode: 'RBP', countryIso3: 'COL' }]);
  await insertImpactRecord(db, { partnershipId: nutrition.id, countryIso3: 'KEN', value: '1200.5' });
  await insertImpactRecord(db, { partnershipId: nutrition.id, metricCode: 'MEALS_PROVIDED', date: '2025-06-01' });
  await insertImpactRecord(db, { regionCode: 'RBP', metricCode: 'MEALS_PROVIDED', objectiveCode: 'IMP_EMERGENCY' });
  await insertTarget(db, {}, ['1000000', '1200000', '1100000']);
  await insertTarget(db, { regionCode: 'RBN' }, ['250000']);
  await insertTarget(db, { countryIso3: 'KEN' }, ['80000']);
  await insertTarget(db, { regionCode: 'RBP', metricCode: 'MEALS_PROVIDED', year: 2024, quarter: 2 }, ['5000']);
  await insertOpportunity(db, { name: 'Flour II', partnerId: acme.id, prospectName: null, stage: 'PROPOSAL' });
  await insertOpportunity(db, { name: 'Won gift', partnerId: acme.id, stage: 'WON', expectedCloseDate: '2025-01-31' });
  await insertOpportunity(db, { name: 'Lost gift', regionCode: 'RBP', stage: 'LOST', expectedCloseDate: '2025-09-30' });
  await insertFieldNeed(db, { countryIso3: 'KEN', status: 'OPEN' });
  await insertFieldNeed(db, { title: 'Flour', status: 'MATCHED', partnershipId: nutrition.id });
  await insertFieldNeed(db, { title: 'Boats', regionCode: 'RBP', status: 'CLOSED' });
  await insertStory(db, { title: 'Flour reaches schools', partnershipId: nutrition.id, countryIso3: 'KEN' });
  await insertStory(db, { title: 'Trucks in the rain', partnershipId: finished.id, storyDate: '2023-06-01' });
  await insertStory(db, { title: 'Andes', regionCode: 'RBP' });
}
