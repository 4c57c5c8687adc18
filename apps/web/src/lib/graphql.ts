import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env.d.ts';

/**
 * Writes a GraphQL document whose result and variables are typed from the API's printed schema
 * (`apps/api/schema.graphql`, turned into `src/graphql-env.d.ts` by `pnpm graphql:generate`).
 * A field that does not exist is a type error, and `gql-tada check` (in `typecheck` and `build`)
 * validates every document against the schema.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
