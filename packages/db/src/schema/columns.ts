import { sql } from 'drizzle-orm';
import { date, numeric, text, timestamp } from 'drizzle-orm/pg-core';

/** Money in US dollars: exact to the cent, never a float. */
export const moneyUsd = (name: string) => numeric(name, { precision: 14, scale: 2 });

/** A measured quantity (people, meals, tonnes, rates): exact decimal. */
export const quantity = (name: string) => numeric(name, { precision: 18, scale: 4 });

/** A calendar date, read as an ISO `YYYY-MM-DD` string. */
export const isoDate = (name: string) => date(name, { mode: 'string' });

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A free-text external reference, the key that imports are idempotent on. */
export const externalRef = () => text('external_ref').notNull().unique();

/** SQL `column IN ('A', 'B', ...)` for an enum check constraint. */
export const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} IN (${values.map((value) => `'${value}'`).join(', ')})`);
