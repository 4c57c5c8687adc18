import type { ObjectRef } from '@pothos/core';
import { builder, type PanoramaTypes } from '../builder';
import { SortDirectionEnum } from './enums';
import { runOnce } from './run-once';

/** How a kind of node is named in its connection types and their descriptions. */
export interface NodeNames {
  /** The GraphQL type name, such as `Contribution`. */
  type: string;
  /** One of them, in prose: `contribution`. */
  singular: string;
  /** Several, in prose: `contributions`. */
  plural: string;
}

type TotalCount = number | (() => PromiseLike<number>) | null | undefined;

/**
 * The `XConnection` and `XEdge` types of one kind of node, with `totalCount`, shared by its root
 * list and by every link that leads to it, so that a client writes one fragment per kind.
 * A root list computes its count on demand (a function); a link loads it with its page (a number).
 */
export function countedConnection<T>(
  node: ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<PanoramaTypes>, T>,
  names: NodeNames,
) {
  return builder.connectionObject(
    {
      type: node,
      name: `${names.type}Connection`,
      description: `A page of ${names.plural}.`,
      fields: (t) => ({
        nodes: t.field({
          type: [node],
          description: 'The items of this page.',
          // plugin-drizzle's pages are arrays of edges.
          resolve: (connection) => (connection.edges as readonly { node: T }[]).map((edge) => edge.node),
        }),
        totalCount: t.int({
          description: 'How many items match, across all pages.',
          // Tells plugin-drizzle that a query for the count alone needs no page.
          extensions: { pothosDrizzleTotalCount: true },
          resolve: (connection) => {
            const count = (connection as { totalCount?: TotalCount }).totalCount;
            return typeof count === 'function' ? runOnce(count()) : (count ?? 0);
          },
        }),
      }),
    },
    { name: `${names.type}Edge`, description: `A ${names.singular} in a page, with its cursor.` },
  );
}

type OrderFieldValues = Record<string, { value: string; description: string }>;

/**
 * The `XOrder` input of a list (`field` and `direction`) and its `XOrderField` enum, whose values
 * are the column names the relational query builder orders by. Ties are broken by primary key.
 */
export function orderInput<const Values extends OrderFieldValues>(names: NodeNames, values: Values) {
  const field = builder.enumType(`${names.type}OrderField`, {
    description: `What ${names.plural} can be ordered by.`,
    values,
  });
  return builder.inputType(`${names.type}Order`, {
    description: `An ordering of ${names.plural}; ties are broken by ID.`,
    fields: (t) => ({
      field: t.field({ type: field, required: true, description: 'What to order by.' }),
      direction: t.field({ type: SortDirectionEnum, defaultValue: 'asc', description: 'Ascending or descending.' }),
    }),
  });
}

export type SortDirection = 'asc' | 'desc';

/** The relational query's `orderBy` of an `XOrder` argument, or of the list's default order. */
export function orderByOf<Field extends string>(
  order: { field: Field; direction?: SortDirection | null } | null | undefined,
  fallback: Partial<Record<Field, SortDirection>>,
): Partial<Record<Field, SortDirection>> {
  if (!order) return fallback;
  return { [order.field]: order.direction ?? 'asc' } as Partial<Record<Field, SortDirection>>;
}
