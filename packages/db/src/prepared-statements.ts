import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Statements the server sends again and again (the dashboard's figures, authentication, lookups)
 * are prepared once per connection: PostgreSQL then skips parsing and planning them, which is
 * a third of the work of a figures statement read from the rollups. A statement is prepared the
 * second time its exact text is seen, for at most `limit` texts per process, so that the
 * connections' plan caches stay small whatever is asked; the rest run unprepared as before.
 */
export class StatementPreparer {
  /** Texts seen once and not prepared yet, by a digest (texts can be long). */
  private readonly seen = new Set<string>();
  private readonly names = new Map<string, string>();

  constructor(
    readonly limit: number,
    /** Texts counted before the count starts again: one-off statements do not pile up. */
    private readonly window = 10_000,
  ) {}

  /** The name to prepare `text` under, or undefined to run it unprepared. */
  nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= this.limit || !PREPARABLE.test(text)) return known;
    const digest = createHash('sha256').update(text).digest('hex').slice(0, 24);
    if (!this.seen.has(digest)) {
      if (this.seen.size >= this.window) this.seen.clear();
      this.seen.add(digest);
      return undefined;
    }
    this.seen.delete(digest);
    const name = `panorama_${digest}`;
    this.names.set(text, name);
    return name;
  }

  get prepared(): number {
    return this.names.size;
  }
}

/** Reads and writes of data, not transaction control or settings. */
const PREPARABLE = /^\s*(select|with|insert|update|delete)\b/i;

/** A pool whose unnamed statements get a name from `preparer` (drizzle passes them as config objects). */
export class PreparingPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    readonly preparer: StatementPreparer,
  ) {
    super(config);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool's query has many overloads; all go through here.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'object' && config !== null && typeof config.text === 'string' && !config.name) {
      const name = this.preparer.nameFor(config.text);
      if (name) return super.query({ ...config, name }, values, callback);
    }
    return super.query(config, values, callback);
  }
}
