import { type GraphQLSchema, isObjectType } from 'graphql';

const PAGE_INFO_FIELDS: Record<string, string> = {
  hasNextPage: 'True when more items follow this page.',
  hasPreviousPage: 'True when items come before this page.',
  startCursor: 'The cursor of the first item of the page; pass it as `before` to get the page before.',
  endCursor: 'The cursor of the last item of the page; pass it as `after` to get the next page.',
};

const CONNECTION_FIELDS: Record<string, string> = {
  edges: 'The items of this page, each with its cursor.',
  nodes: 'The items of this page.',
  pageInfo: 'Where this page stands in the whole list.',
  totalCount: 'How many items match, across all pages.',
};

const EDGE_FIELDS: Record<string, string> = {
  cursor: 'An opaque position in the list: pass it as `after` or `before`.',
  node: 'The item.',
};

const PAGING_ARGUMENTS: Record<string, string> = {
  first: 'Return at most this many items from the start (or from `after`).',
  after: 'Start after the item with this cursor.',
  last: 'Return at most this many items from the end (or before `before`).',
  before: 'End before the item with this cursor.',
  id: 'A global ID, as returned in an `id` field.',
  ids: 'Global IDs, as returned in `id` fields.',
};

/**
 * Describes, in one place, the fields that the Relay plugin generates (page info, connection
 * and edge fields, paging arguments), so that the whole schema reads as a manual.
 */
export function describeRelayFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const names =
      type.name === 'PageInfo'
        ? PAGE_INFO_FIELDS
        : type.name.endsWith('Connection')
          ? CONNECTION_FIELDS
          : type.name.endsWith('Edge')
            ? EDGE_FIELDS
            : {};
    for (const field of Object.values(type.getFields())) {
      field.description ??= names[field.name];
      for (const argument of field.args) argument.description ??= PAGING_ARGUMENTS[argument.name];
    }
  }
  return schema;
}
