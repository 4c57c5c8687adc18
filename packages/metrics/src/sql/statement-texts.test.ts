import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { StatementTexts } from './statement-texts';

const text = (statement: ReturnType<StatementTexts['get']>) =>
  statement === null ? null : new PgDialect().sqlToQuery(statement);

describe('StatementTexts', () => {
  it('builds a statement once per key, and keeps its text', () => {
    const texts = new StatementTexts(10);
    const build = (region: string) => () => sql`SELECT ${sql.raw(`'${region}'`)} AS region FROM ${sql.raw('regions')}`;
    const first = texts.get('RBN', build('RBN'));
    const again = texts.get('RBN', build('RBN'));
    expect(texts.builds).toBe(1);
    expect(again).toBe(first);
    expect(text(again)).toEqual({ sql: `SELECT 'RBN' AS region FROM regions`, params: [] });
    // Another key is another statement.
    expect(text(texts.get('RBB', build('RBB')))?.sql).toBe(`SELECT 'RBB' AS region FROM regions`);
    expect(texts.builds).toBe(2);
  });

  it('keeps that a request needs no statement', () => {
    const texts = new StatementTexts(10);
    expect(texts.get('none', () => null)).toBeNull();
    expect(texts.get('none', () => sql`SELECT 1`)).toBeNull();
    expect(texts.builds).toBe(1);
  });

  it('builds a statement with parameters every time, parameters and all', () => {
    const texts = new StatementTexts(10);
    let value = 'a b';
    const build = () => sql`SELECT * FROM partners WHERE name = ${value}`;
    expect(text(texts.get('name', build))).toEqual({ sql: 'SELECT * FROM partners WHERE name = $1', params: ['a b'] });
    value = 'c d';
    expect(text(texts.get('name', build))?.params).toEqual(['c d']);
    expect(texts.builds).toBe(2);
  });

  it('keeps the most recently used texts, at most its limit', () => {
    const texts = new StatementTexts(2);
    const build = (n: number) => () => sql.raw(`SELECT ${n}`);
    texts.get('1', build(1));
    texts.get('2', build(2));
    texts.get('1', build(1));
    texts.get('3', build(3)); // drops 2, the least recently used
    expect(texts.size).toBe(2);
    expect(texts.builds).toBe(3);
    texts.get('1', build(1));
    texts.get('3', build(3));
    expect(texts.builds).toBe(3);
    texts.get('2', build(2));
    expect(texts.builds).toBe(4);
  });
});
