import { type Database, selectRows } from '@panorama/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Viewer } from '../auth/viewer';
import { CONTRIBUTIONS, IMPACT_RECORDS, OPPORTUNITIES, PARTNERS, PARTNERSHIPS } from './detail-lists';
import { type BatchKey, type ExportFilter, type ExportList, exportLine } from './export-list';
import { AUDIT_LOG, USERS } from './restricted-lists';
import { COUNTRIES, FIELD_NEEDS, OBJECTIVES, REGIONS, STORIES, TARGETS } from './signed-in-lists';

/**
 * The lists `GET /api/export/:list` serves, by name: one per list of the GraphQL API, with its
 * authorization. `metrics` is served apart (see `metrics-csv.ts`).
 */
export const EXPORT_LISTS: Readonly<Record<string, ExportList>> = {
  contributions: CONTRIBUTIONS,
  impact: IMPACT_RECORDS,
  targets: TARGETS,
  partners: PARTNERS,
  partnerships: PARTNERSHIPS,
  opportunities: OPPORTUNITIES,
  stories: STORIES,
  'field-needs': FIELD_NEEDS,
  regions: REGIONS,
  countries: COUNTRIES,
  objectives: OBJECTIVES,
  'audit-log': AUDIT_LOG,
  users: USERS,
};

/** Rows read per statement: memory stays bounded whatever the table's size. */
const BATCH = 5_000;

type Row = Record<string, string | number | bigint | null>;

/**
 * The CSV of a list as the viewer may read it, as lines (the header first), in batches by key,
 * so that a long export never holds the whole table. Cells are escaped against formula injection.
 */
export async function* exportLines(
  db: Database,
  list: ExportList,
  viewer: Viewer,
  filter: ExportFilter,
): AsyncGenerator<string> {
  yield exportLine(list.columns);
  const cell = (row: Row, column: string): string => {
    const value = row[column];
    if (value === null || value === undefined) return '';
    const typename = list.globalIds?.[column];
    return typename ? encodeGlobalID(typename, String(value)) : String(value);
  };
  let after: BatchKey | null = null;
  while (true) {
    const rows: Row[] = await selectRows<Row>(db, list.batch(viewer, filter, after, BATCH));
    for (const row of rows) yield exportLine(list.columns.map((column) => cell(row, column)));
    const last: Row[string] | undefined = rows.at(-1)?.key;
    if (rows.length < BATCH || last === undefined || last === null) return;
    after = typeof last === 'number' || typeof last === 'string' ? last : String(last);
  }
}
