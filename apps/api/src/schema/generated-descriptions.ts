import { type GraphQLSchema, isObjectType, isUnionType } from 'graphql';

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

/** `MutationSetTargetResult` → `setTarget`: the mutation a generated result type belongs to. */
function mutationOf(typeName: string, suffix: string): string | undefined {
  const match = new RegExp(`^Mutation(\\w+)${suffix}$`).exec(typeName);
  return match?.[1] ? match[1].charAt(0).toLowerCase() + match[1].slice(1) : undefined;
}

/**
 * Describes, in one place, the types and fields that plugins generate (the Relay plugin's page
 * info, connection and edge fields and paging arguments; the errors plugin's result unions),
 * so that the whole schema reads as a manual.
 */
export function describeGeneratedTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    const resultOf = mutationOf(type.name, 'Result');
    if (isUnionType(type) && resultOf)
      type.description ??= `What \`${resultOf}\` answers: its result on success, else a typed error that says what to fix.`;
    const successOf = mutationOf(type.name, 'Success');
    if (isObjectType(type) && successOf) {
      type.description ??= `\`${successOf}\` succeeded.`;
      const data = type.getFields().data;
      if (data) data.description ??= 'The result.';
    }
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
