import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { valueList } from './literals';

const render = (values: (string | number)[]) => new PgDialect().sqlToQuery(sql`x IN (${valueList(values)})`);

describe('values inlined into statements', () => {
  it('inlines plain codes and safe integers, so that the statement has no parameters', () => {
    expect(render(['RBN', 'KEN', 'INC_INDIVIDUAL', 42])).toEqual({
      sql: `x IN ('RBN', 'KEN', 'INC_INDIVIDUAL', 42)`,
      params: [],
    });
  });

  it('sends anything else as a parameter: quotes, spaces, empty strings, fractions', () => {
    const query = render(["R'; DROP TABLE targets; --", 'two words', '', 1.5, 'RBB']);
    expect(query.sql).toBe(`x IN ($1, $2, $3, $4, 'RBB')`);
    expect(query.params).toEqual(["R'; DROP TABLE targets; --", 'two words', '', 1.5]);
  });
});
