import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-MM-DD` string that names a real calendar day. */
export function parseIsoDate(value: unknown): string {
  if (typeof value === 'string') {
    const match = ISO_DATE.exec(value);
    if (match) {
      const [, year, month, day] = match.map(Number) as [number, number, number, number];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value;
    }
  }
  throw new GraphQLError(
    `Date must be a calendar day written YYYY-MM-DD, such as 2025-12-31; got ${JSON.stringify(value)}.`,
  );
}

builder.scalarType('Date', {
  description: 'A calendar day, written as an ISO 8601 date: `YYYY-MM-DD`.',
  serialize: (value) => parseIsoDate(value),
  parseValue: (value) => parseIsoDate(value),
  parseLiteral: (node) => parseIsoDate(node.kind === Kind.STRING ? node.value : undefined),
});
