import type { Relations, UserRole } from '@panorama/db';
import { relations } from '@panorama/db';
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { GraphQLError, getNullableType, isListType } from 'graphql';
import { mayReadDetail, mayWriteRegion } from './auth/viewer';
import type { Context } from './context';

/** A node that does not exist is null, not an error (plugin-drizzle reports it as `Model … not found`). */
async function nullWhenMissing<T>(load: () => Promise<T> | T): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof Error && /^Model \w+\(.*\) not found$/.test(error.message)) return null;
    throw error;
  }
}

/** Limits on a query's shape, so that no query can take the server down. */
export const QUERY_LIMITS = { depth: 12, breadth: 400, complexity: 50_000 };

export interface PanoramaTypes {
  Context: Context;
  DrizzleRelations: Relations;
  Scalars: {
    Date: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
  /** What a field or type may ask of the viewer; see `auth/viewer.ts` for the rules. */
  AuthScopes: {
    /** Any signed-in user, whatever the role. */
    signedIn: boolean;
    /** A user with one of these roles. */
    roles: readonly UserRole[];
    /** A user who may read the partner- and contribution-level detail of this region. */
    detailOf: string | null;
    /** A user who may write this region's targets, stories, pipeline and field needs. */
    writes: string | null;
  };
}

/** Refused for want of a sign-in (401-like) or of a right (403-like): the message says which. */
function refusal(context: Context): GraphQLError {
  return context.viewer
    ? new GraphQLError(
        `Your role (${context.viewer.role}${context.viewer.regionCode ? ` of ${context.viewer.regionCode}` : ''}) may not do this.`,
        { extensions: { code: 'FORBIDDEN' } },
      )
    : new GraphQLError('Sign in first: this needs a signed-in user or an API token.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
}

/** The one schema builder and its plugins. It defines no types: see `schema/`. */
export const builder = new SchemaBuilder<PanoramaTypes>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ComplexityPlugin, RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      signedIn: context.viewer !== null,
      roles: (roles) => context.viewer !== null && roles.includes(context.viewer.role),
      detailOf: (regionCode) => mayReadDetail(context.viewer, regionCode),
      writes: (regionCode) => mayWriteRegion(context.viewer, regionCode),
    }),
    unauthorizedError: (_parent, context) => refusal(context),
  },
  errors: { defaultTypes: [] },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    nodeQueryOptions: {
      description: 'Fetches any object by its global ID; null when nothing has that ID.',
      resolve: (_root, { id }, _context, _info, resolveNode) => nullWhenMissing(() => resolveNode(id)),
    },
    nodesQueryOptions: {
      description: 'Fetches several objects by their global IDs, in the same order; null for each that is missing.',
      resolve: async (_root, { ids }, _context, _info, resolveNodes) => {
        try {
          return await resolveNodes(ids);
        } catch {
          // One of them is missing: load them one by one, so the others still come back.
          const nodes: unknown[] = [];
          for (const id of ids) nodes.push(await nullWhenMissing(async () => (await resolveNodes([id]))[0]));
          return nodes as Awaited<ReturnType<typeof resolveNodes>>;
        }
      },
    },
    nodeTypeOptions: { description: 'An object with a global ID that `node(id:)` can fetch again.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection stands in the whole list.' },
    idFieldOptions: { description: 'The global ID of the object.' },
  },
  complexity: {
    // A page costs its size: `first`/`last` items (20 when not given); other lists count as 10.
    fieldComplexity: (args, _context, field) => {
      // A page's `edges` and `nodes` are already counted by the connection's page size.
      if ((field.name === 'edges' || field.name === 'nodes') && field.args.length === 0)
        return { field: 1, multiplier: 1 };
      const pageSize = args.first ?? args.last;
      if (typeof pageSize === 'number') return { field: 1, multiplier: Math.max(1, pageSize) };
      if ('first' in args || field.args.some((argument) => argument.name === 'first'))
        return { field: 1, multiplier: 20 };
      return { field: 1, multiplier: isListType(getNullableType(field.type)) ? 10 : 1 };
    },
    limit: QUERY_LIMITS,
    complexityError: (kind, result) => {
      const measure = {
        Depth: [result.depth, result.maxDepth, 'nest fewer levels'],
        Breadth: [result.breadth, result.maxBreadth, 'select fewer fields or aliases'],
        Complexity: [
          result.complexity,
          result.maxComplexity,
          'ask for fewer items per list (`first`), fewer nested lists, or split the query',
        ],
      } as const;
      const [measured, allowed, advice] = measure[kind];
      const name = kind.toLowerCase();
      return new GraphQLError(`This query's ${name} is ${measured}, over the limit of ${allowed}: ${advice}.`, {
        extensions: { code: 'QUERY_TOO_COMPLEX', kind: name, measured, allowed },
      });
    },
  },
  drizzle: {
    client: (context) => context.db,
    getTableConfig,
    relations,
    maxConnectionSize: 500,
  },
});
