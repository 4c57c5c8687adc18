import { auditLog, type Database } from '@panorama/db';
import {
  insertFieldNeed,
  insertImpactRecord,
  insertOpportunity,
  insertPartner,
  insertPartnership,
  insertStory,
  insertTarget,
} from '../schema/test-seed';
import type { TestServer, TestUser } from '../testing';

/** What an export answered: the CSV, or the message of a refusal. */
export interface Download {
  status: number;
  type: string;
  disposition: string | null;
  text: string;
  /** The message of a JSON refusal. */
  error: string | undefined;
}

/** `GET /api/export/<path>` as a test user (through its API token), or anonymously. */
export async function downloadExport(api: TestServer, path: string, as: TestUser | null = 'admin'): Promise<Download> {
  const response = await fetch(`${api.url}/api/export/${path}`, {
    headers: as ? { authorization: `Bearer ${api.tokens[as]}` } : {},
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    disposition: response.headers.get('content-disposition'),
    text,
    error: type.startsWith('application/json') ? (JSON.parse(text) as { error: string }).error : undefined,
  };
}

/** The CSV's lines, without the last CRLF. */
export const linesOf = (csv: string) => csv.split('\r\n').slice(0, -1);

/** The cells of a CSV (RFC 4180: quoted cells, doubled quotes, CRLF). */
export function cellsOf(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const char = csv[i];
    if (quoted) {
      if (char === '"' && csv[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

/**
 * Two bureaux' worth of every list: Nairobi (RBN, Kenya) and Bangkok (RBB, Bangladesh), with
 * values a spreadsheet would run as formulas in Bangkok's rows.
 */
export async function seedTwoBureaux(db: Database) {
  const acme = await insertPartner(db, { externalRef: 'P-ACME', name: 'Acme Foods', countryIso3: 'KEN' });
  const zeta = await insertPartner(db, { externalRef: 'P-ZETA', name: 'Zeta Bank', regionCode: 'RBB' });
  const flour = await insertPartnership(db, acme.id, {
    externalRef: 'PS-FLOUR',
    name: 'Fortified flour',
    countryIso3: 'KEN',
    modality: 'IN_KIND',
    startDate: '2024-01-01',
  });
  const bank = await insertPartnership(db, zeta.id, {
    externalRef: 'PS-BANK',
    name: '+Bank staff giving',
    regionCode: 'RBB',
    objectiveCode: 'INC_GROWTH',
    status: 'PLANNED',
    startDate: '2025-01-01',
    endDate: '2025-12-31',
  });
  await insertImpactRecord(db, {
    externalRef: 'I-1',
    metricCode: 'FOOD_TONNES',
    value: '12.3456',
    countryIso3: 'KEN',
    objectiveCode: 'IMP_RESILIENCE',
    partnershipId: flour.id,
  });
  await insertImpactRecord(db, {
    externalRef: 'I-2',
    date: '2025-06-01',
    metricCode: 'MEALS_PROVIDED',
    objectiveCode: 'IMP_EMERGENCY',
    partnershipId: flour.id,
  });
  await insertImpactRecord(db, {
    externalRef: '=I-3',
    date: '2024-12-31',
    value: '250',
    regionCode: 'RBB',
    countryIso3: 'BGD',
  });
  await insertTarget(db, {}, ['1000000', '1100000.50']);
  await insertTarget(db, { regionCode: 'RBN' }, ['250000']);
  await insertTarget(db, { countryIso3: 'KEN' }, ['80000']);
  await insertTarget(db, { regionCode: 'RBB', metricCode: 'MEALS_PROVIDED', year: 2024, quarter: 2 }, ['5000']);
  await insertTarget(db, { metricCode: 'PARTNER_RETENTION_RATE' }, ['0.85']);
  await insertOpportunity(db, { name: 'Flour II', partnerId: acme.id, prospectName: null, stage: 'PROPOSAL' });
  await insertOpportunity(db, {
    name: '@Lost gift',
    prospectName: '-Prospect',
    regionCode: 'RBB',
    countryIso3: 'BGD',
    objectiveCode: 'INC_GROWTH',
    stage: 'LOST',
    amountUsd: '900.10',
    probability: '0.3333',
    expectedCloseDate: '2025-09-30',
  });
  await insertFieldNeed(db, { countryIso3: 'KEN', status: 'OPEN', sector: 'Logistics' });
  await insertFieldNeed(db, {
    title: 'Flour',
    status: 'MATCHED',
    partnershipId: flour.id,
    objectiveCode: 'IMP_NUTRITION',
  });
  await insertFieldNeed(db, {
    title: 'Boats',
    description: '=1+1',
    regionCode: 'RBB',
    status: 'MATCHED',
    partnershipId: bank.id,
  });
  await insertStory(db, { title: 'Flour reaches schools', partnershipId: flour.id, countryIso3: 'KEN' });
  await insertStory(db, {
    title: '=Andes',
    summary: 'Staff, "giving"',
    regionCode: 'RBB',
    partnershipId: bank.id,
    storyDate: '2023-06-01',
  });
  await db.insert(auditLog).values([
    {
      at: new Date('2025-03-01T09:30:00Z'),
      userEmail: 'admin@test.panorama',
      action: 'UPDATE',
      entity: 'Target',
      entityId: '2',
      regionCode: 'RBN',
      before: { value: '200000' },
      after: { value: '250000' },
    },
    {
      at: new Date('2025-03-02T23:59:59.5Z'),
      userEmail: 'bangkok@test.panorama',
      action: 'CREATE',
      entity: 'Story',
      entityId: '2',
      regionCode: 'RBB',
      after: { title: '=Andes' },
    },
  ]);
}
