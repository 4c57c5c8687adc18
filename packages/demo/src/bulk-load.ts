import { quoteIdentifier, type SeedSession } from './session';

interface Definition {
  name: string;
  definition: string;
}

/**
 * Loads a big table the way pg_restore does: its foreign keys and non-unique indexes are
 * dropped first and rebuilt once the rows are in, which is several times faster than checking
 * and indexing row by row. The definitions are read from the catalog and restored verbatim, in
 * the same transaction, so the schema ends exactly as the migrations left it (and a failed load
 * rolls the drop back too). Primary keys and unique constraints stay in place throughout.
 */
export async function loadWithDeferredChecks<T>(
  session: SeedSession,
  table: string,
  load: () => Promise<T>,
): Promise<T> {
  const relation = `'${quoteIdentifier(table).replaceAll("'", "''")}'::regclass`;
  const foreignKeys = await session.rows<Definition>(`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE conrelid = ${relation} AND contype = 'f' ORDER BY conname`);
  const indexes = await session.rows<Definition>(`
    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE i.indrelid = ${relation} AND NOT i.indisunique
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
    ORDER BY c.relname`);
  const target = quoteIdentifier(table);
  if (foreignKeys.length > 0) {
    const drops = foreignKeys.map((key) => `DROP CONSTRAINT ${quoteIdentifier(key.name)}`);
    await session.execute(`ALTER TABLE ${target} ${drops.join(', ')}`);
  }
  if (indexes.length > 0) await session.execute(`DROP INDEX ${indexes.map((index) => index.name).join(', ')}`);
  const result = await load();
  await session.execute(`SET LOCAL maintenance_work_mem = '128MB'`);
  for (const index of indexes) await session.execute(index.definition);
  for (const key of foreignKeys) {
    await session.execute(`ALTER TABLE ${target} ADD CONSTRAINT ${quoteIdentifier(key.name)} ${key.definition}`);
  }
  return result;
}
