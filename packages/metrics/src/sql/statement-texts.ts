import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/** The SQL text of a statement, as the database drivers' dialect writes it (no casing option: the default). */
const dialect = new PgDialect();

/**
 * The text of statements the engine builds again and again, by what they are built from: a
 * dashboard asks the same few questions all day, and writing a large statement out from its parts
 * costs more of the server's time than running it on the rollups. The key must name everything
 * `build` reads besides constants; a statement that carries parameters is not kept (its text
 * alone is not the statement). At most `limit` texts are kept, the least recently used dropped.
 */
export class StatementTexts {
  /**
   * By key: the statement's text (or null: the request needs no statement), or null when it
   * carries parameters and is built every time.
   */
  private readonly texts = new Map<string, { text: SQL | null } | null>();
  /** How many times a statement was built: for tests. */
  builds = 0;

  constructor(readonly limit: number) {}

  /** The statement built from what `key` names: `build()`'s, written out once while kept. */
  get(key: string, build: () => SQL | null): SQL | null {
    const kept = this.texts.get(key);
    if (kept !== undefined) {
      // Most recently used last: a Map keeps the order of insertion.
      this.texts.delete(key);
      this.texts.set(key, kept);
      if (kept !== null) return kept.text;
      this.builds++;
      return build();
    }
    this.builds++;
    const statement = build();
    const query = statement === null ? null : dialect.sqlToQuery(statement);
    this.texts.set(
      key,
      query === null ? { text: null } : query.params.length > 0 ? null : { text: sql.raw(query.sql) },
    );
    if (this.texts.size > this.limit) {
      const oldest = this.texts.keys().next().value;
      if (oldest !== undefined) this.texts.delete(oldest);
    }
    return this.texts.get(key)?.text ?? statement;
  }

  get size(): number {
    return this.texts.size;
  }
}
