import type { DatabaseHandle } from '@panorama/db';
import { columnList, quoteIdentifier, type SeedSession } from './session';
import type { Cell } from './tables';

type Pglite = Extract<DatabaseHandle, { kind: 'pglite' }>['pglite'];
type PgliteTransaction = Parameters<Parameters<Pglite['transaction']>[0]>[0];

/** Rows per INSERT statement. */
const BATCH_ROWS = 1_000;

/** An SQL literal: numbers as they are, text quoted (standard_conforming_strings: only quotes double). */
function literal(cell: Cell): string {
  if (cell === null) return 'NULL';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`Cannot load the number ${cell}`);
    return String(cell);
  }
  if (cell.includes('\0')) throw new Error('Text values cannot hold NUL characters');
  return `'${cell.replaceAll("'", "''")}'`;
}

function pgliteSession(tx: PgliteTransaction): SeedSession {
  return {
    async execute(statement) {
      await tx.exec(statement);
    },
    async rows<Row>(query: string) {
      return (await tx.query<Row>(query)).rows;
    },
    async load(table, rows) {
      // Ids are part of the rows: OVERRIDING SYSTEM VALUE lets them into the identity columns.
      const head = `INSERT INTO ${quoteIdentifier(table.name)} (${columnList(table)}) OVERRIDING SYSTEM VALUE VALUES `;
      let values: string[] = [];
      let written = 0;
      for (const row of rows) {
        values.push(`(${row.map(literal).join(',')})`);
        if (values.length === BATCH_ROWS) {
          await tx.exec(head + values.join(','));
          written += values.length;
          values = [];
        }
      }
      if (values.length > 0) {
        await tx.exec(head + values.join(','));
        written += values.length;
      }
      return written;
    },
  };
}

/** Runs `work` in one PGlite transaction (rolled back when it throws), then `after` outside it. */
export async function inPgliteTransaction<T>(
  pglite: Pglite,
  work: (session: SeedSession) => Promise<T>,
  after: (session: SeedSession) => Promise<void>,
): Promise<T> {
  const result = await pglite.transaction((tx) => work(pgliteSession(tx)));
  await pglite.transaction((tx) => after(pgliteSession(tx)));
  return result;
}
