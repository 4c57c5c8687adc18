import { contributions, type Database, impactRecords, opportunities, partners, targets } from '@panorama/db';

/**
 * A small data set whose figures were worked out by hand (see metrics.test.ts): four partners,
 * nine gifts on period edges (1 Jan, 29 Feb, 31 Dec), Sudan's move from RBC to RBN, a partner
 * who lapses 2020–2023 and returns, targets at GLOBAL, region, quarter and country scope.
 */
export async function loadHandData(db: Database) {
  const [alpha, beta, gamma, delta] = await db
    .insert(partners)
    .values([
      { externalRef: 'P1', name: 'Alpha', partnerType: 'CORPORATION', scope: 'LOCAL', regionCode: 'RBN' },
      { externalRef: 'P2', name: 'Beta', partnerType: 'FOUNDATION', scope: 'LOCAL', regionCode: 'RBB' },
      { externalRef: 'P3', name: 'Gamma', partnerType: 'GIVING_CHANNEL', scope: 'GLOBAL', regionCode: 'HQ' },
      { externalRef: 'P4', name: 'Delta', partnerType: 'HNWI', scope: 'LOCAL', regionCode: 'RBC' },
    ])
    .returning({ id: partners.id });
  if (!alpha || !beta || !gamma || !delta) throw new Error('partners not inserted');
  const gift = (
    externalRef: string,
    date: string,
    amountUsd: string,
    incomeStream: 'CORPORATE' | 'FOUNDATION' | 'INDIVIDUAL_GIVING' | 'HNWI',
    kind: 'CASH' | 'IN_KIND',
    partnerId: number,
    objectiveCode: string,
    regionCode: string,
    countryIso3: string | null,
  ) => ({ externalRef, date, amountUsd, incomeStream, kind, partnerId, objectiveCode, regionCode, countryIso3 });
  await db
    .insert(contributions)
    .values([
      gift('c1', '2023-01-01', '100.00', 'CORPORATE', 'CASH', alpha.id, 'INC_GROWTH', 'RBN', 'KEN'),
      gift('c2', '2023-12-31', '200.50', 'CORPORATE', 'IN_KIND', alpha.id, 'IMP_EMERGENCY', 'RBN', 'KEN'),
      gift('c3', '2024-02-29', '300.25', 'FOUNDATION', 'CASH', beta.id, 'IMP_NUTRITION', 'RBB', 'BGD'),
      gift('c4', '2024-12-31', '0.10', 'INDIVIDUAL_GIVING', 'CASH', gamma.id, 'INC_INDIVIDUAL', 'HQ', null),
      gift('c5', '2024-01-01', '50.00', 'CORPORATE', 'CASH', alpha.id, 'INC_GROWTH', 'RBN', 'KEN'),
      gift('c6', '2019-06-15', '1000.00', 'HNWI', 'CASH', delta.id, 'INC_GROWTH', 'RBC', 'SDN'),
      gift('c7', '2024-06-15', '400.00', 'HNWI', 'CASH', delta.id, 'INC_GROWTH', 'RBN', 'SDN'),
      gift('c8', '2025-03-01', '75.00', 'CORPORATE', 'CASH', alpha.id, 'INC_GROWTH', 'RBN', 'KEN'),
      gift('c9', '2023-07-01', '0.20', 'INDIVIDUAL_GIVING', 'CASH', gamma.id, 'INC_INDIVIDUAL', 'HQ', null),
    ]);
  await db.insert(impactRecords).values([
    {
      externalRef: 'i1',
      date: '2024-01-01',
      metricCode: 'BENEFICIARIES_REACHED',
      value: '1000',
      regionCode: 'RBN',
      countryIso3: 'KEN',
      objectiveCode: 'IMP_NUTRITION',
    },
    {
      externalRef: 'i2',
      date: '2024-12-31',
      metricCode: 'BENEFICIARIES_REACHED',
      value: '500',
      regionCode: 'RBB',
      countryIso3: 'BGD',
      objectiveCode: 'IMP_NUTRITION',
    },
    {
      externalRef: 'i3',
      date: '2023-12-31',
      metricCode: 'BENEFICIARIES_REACHED',
      value: '7',
      regionCode: 'RBN',
      objectiveCode: 'IMP_NUTRITION',
    },
    {
      externalRef: 'i4',
      date: '2024-05-05',
      metricCode: 'WORKPLANS_COMPLETED',
      value: '3',
      regionCode: 'HQ',
      objectiveCode: 'ENB_BUREAU_SUPPORT',
    },
  ]);
  const opportunity = (
    name: string,
    regionCode: string,
    stage: 'PROPOSAL' | 'WON' | 'IDENTIFIED' | 'LOST' | 'NEGOTIATION',
    amountUsd: string,
    probability: string,
    expectedCloseDate: string,
  ) => ({
    name,
    prospectName: name,
    regionCode,
    stage,
    amountUsd,
    probability,
    expectedCloseDate,
  });
  await db
    .insert(opportunities)
    .values([
      opportunity('o1', 'RBN', 'PROPOSAL', '1000.00', '0.5', '2024-06-30'),
      opportunity('o2', 'RBN', 'WON', '5000.00', '1', '2024-07-01'),
      opportunity('o3', 'RBB', 'IDENTIFIED', '333.33', '0.1', '2024-12-31'),
      opportunity('o4', 'HQ', 'LOST', '900.00', '0.2', '2024-03-01'),
      opportunity('o5', 'RBB', 'NEGOTIATION', '100.00', '0.75', '2025-01-01'),
    ]);
  const target = (
    metricCode: string,
    scopeCode: string,
    year: number,
    value: string,
    quarter: number | null = null,
  ) => {
    const scopeType =
      scopeCode === 'GLOBAL' ? 'GLOBAL' : scopeCode.length === 3 && !scopeCode.startsWith('RB') ? 'COUNTRY' : 'REGION';
    return {
      metricCode,
      scopeType,
      scopeCode,
      year,
      quarter,
      value,
      setBy: 'test',
      regionCode: scopeType === 'REGION' ? scopeCode : null,
      countryIso3: scopeType === 'COUNTRY' ? scopeCode : null,
    } as const;
  };
  await db
    .insert(targets)
    .values([
      target('REVENUE_USD', 'GLOBAL', 2024, '1000'),
      target('REVENUE_USD', 'GLOBAL', 2025, '365'),
      target('REVENUE_USD', 'RBN', 2024, '366'),
      target('REVENUE_USD', 'RBB', 2024, '9999'),
      target('REVENUE_USD', 'RBB', 2024, '100', 1),
      target('REVENUE_USD', 'RBB', 2024, '200', 2),
      target('REVENUE_USD', 'RBD', 2024, '10'),
      target('REVENUE_USD', 'KEN', 2024, '500'),
      target('REVENUE_USD', 'BGD', 2024, '100'),
      target('PARTNER_RETENTION_RATE', 'GLOBAL', 2025, '0.5'),
      target('PARTNER_RETENTION_RATE', 'RBN', 2025, '0.5'),
      target('PARTNER_RETENTION_RATE', 'RBB', 2025, '0.5'),
    ]);
  return { alpha: alpha.id, beta: beta.id, gamma: gamma.id, delta: delta.id };
}
