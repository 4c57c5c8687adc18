import { contributions, type Database, partners, partnerships, selectRows } from '@panorama/db';
import { csvLine, FORMATS, type ImportKind } from '@panorama/import';
import { and, eq, gt, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { detailRowsCondition } from '../schema/detail-access';
import { readablePartnersCondition } from '../schema/partner-access';

/** What an export keeps: a region, and for dated rows a range of days. */
export interface ExportFilter {
  regionCode: string | null;
  from: string | null;
  to: string | null;
}

/** A list that can be exported in its import format, so that an export re-imports unchanged. */
interface ExportList {
  kind: ImportKind;
  /** Whether `from`/`to` apply. */
  dated: boolean;
  /** One batch: the rows with an id above `afterId`, by id, with the format's columns (text). */
  batch(viewer: Viewer, filter: ExportFilter, afterId: number, size: number): SQL;
}

const conditions = (...parts: (SQL | undefined)[]) => and(...parts) ?? sql`true`;

const CONTRIBUTIONS: ExportList = {
  kind: 'contributions',
  dated: true,
  batch: (viewer, filter, afterId, size) => sql`
    SELECT ${contributions.id} AS id, ${contributions.externalRef} AS external_ref,
           ${contributions.date}::text AS date, ${contributions.amountUsd}::text AS amount_usd,
           ${contributions.incomeStream} AS income_stream, ${contributions.kind} AS kind,
           ${partners.externalRef} AS partner_ref, ${partners.name} AS partner_name,
           ${partners.partnerType} AS partner_type, ${contributions.regionCode} AS region_code,
           ${contributions.countryIso3} AS country_iso3, ${contributions.objectiveCode} AS objective_code,
           ${partnerships.externalRef} AS partnership_ref
    FROM ${contributions}
    JOIN ${partners} ON ${partners.id} = ${contributions.partnerId}
    LEFT JOIN ${partnerships} ON ${partnerships.id} = ${contributions.partnershipId}
    WHERE ${conditions(
      gt(contributions.id, afterId),
      detailRowsCondition(viewer, contributions.regionCode),
      filter.regionCode ? eq(contributions.regionCode, filter.regionCode) : undefined,
      filter.from ? gte(contributions.date, filter.from) : undefined,
      filter.to ? lte(contributions.date, filter.to) : undefined,
    )}
    ORDER BY ${contributions.id}
    LIMIT ${size}`,
};

const PARTNERS: ExportList = {
  kind: 'partners',
  dated: false,
  batch: (viewer, filter, afterId, size) => sql`
    SELECT ${partners.id} AS id, ${partners.externalRef} AS external_ref, ${partners.name} AS name,
           ${partners.partnerType} AS partner_type, ${partners.scope} AS scope,
           ${partners.regionCode} AS region_code, ${partners.countryIso3} AS country_iso3, ${partners.sector} AS sector
    FROM ${partners}
    WHERE ${conditions(
      gt(partners.id, afterId),
      readablePartnersCondition(viewer),
      filter.regionCode ? eq(partners.regionCode, filter.regionCode) : undefined,
    )}
    ORDER BY ${partners.id}
    LIMIT ${size}`,
};

/** The lists `GET /api/export/:list` serves, by name. */
export const EXPORT_LISTS: Readonly<Record<string, ExportList>> = {
  contributions: CONTRIBUTIONS,
  partners: PARTNERS,
};

/** Rows read per statement: memory stays bounded whatever the table's size. */
const BATCH = 5_000;

/**
 * The CSV of a list as the viewer may read it, as lines (the header first), in batches by id,
 * so that a long export never holds the whole table. Cells are escaped against formula injection.
 */
export async function* exportLines(
  db: Database,
  list: ExportList,
  viewer: Viewer,
  filter: ExportFilter,
): AsyncGenerator<string> {
  const columns = FORMATS[list.kind].map((column) => column.name);
  yield csvLine(columns);
  let afterId = 0;
  while (true) {
    const rows = await selectRows<Record<string, string | number | null>>(
      db,
      list.batch(viewer, filter, afterId, BATCH),
    );
    for (const row of rows) yield csvLine(columns.map((column) => String(row[column] ?? '')));
    if (rows.length < BATCH) return;
    afterId = Number(rows[rows.length - 1]?.id);
  }
}
