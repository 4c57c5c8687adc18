import type { RequestHandler } from 'express';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  visit,
} from 'graphql';
import { QUERY_LIMITS } from './builder';

/**
 * Limits on a query's shape. Depth and breadth are the schema builder's own (`QUERY_LIMITS`,
 * which it checks again, with the cost, when the operation runs); checking them here too refuses
 * an abusive document before graphql-js validates it, which for thousands of repeated fields
 * takes far longer than answering.
 */
export const QUERY_SHAPE_LIMITS = {
  /** Tokens the parser reads before it gives up. */
  tokens: 10_000,
  /** Brackets open at once (selections, argument objects and lists): the parser recurses into each. */
  nesting: 100,
  /** Aliases in a document: 500 aliases of one expensive field is an attack. */
  aliases: 100,
  /** Directives in a document. */
  directives: 50,
  /** `__schema` selections in a document: one answers every question about the schema. */
  schemaIntrospections: 1,
  depth: QUERY_LIMITS.depth,
  breadth: QUERY_LIMITS.breadth,
};

export type QueryShapeLimits = typeof QUERY_SHAPE_LIMITS;

/** Why a query is refused, as a GraphQL error: code `QUERY_TOO_COMPLEX`, the measure and the limit. */
export interface QueryRefusal {
  message: string;
  locations?: { line: number; column: number }[];
  extensions: { code: 'QUERY_TOO_COMPLEX'; kind: string; measured: number; allowed: number };
}

function refusal(message: string, kind: string, measured: number, allowed: number): QueryRefusal {
  return { message, extensions: { code: 'QUERY_TOO_COMPLEX', kind, measured, allowed } };
}

/** Depth and breadth of a selection, measured as the schema builder does (fragments expanded, introspection as one field). */
interface Size {
  depth: number;
  breadth: number;
}

function measureSelections(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  sizes: Map<string, Size>,
  visiting: Set<string>,
): Size {
  const size: Size = { depth: 0, breadth: 0 };
  for (const selection of selectionSet.selections) {
    let child: Size;
    if (selection.kind === Kind.FIELD) {
      const nested =
        selection.selectionSet && !selection.name.value.startsWith('__')
          ? measureSelections(selection.selectionSet, fragments, sizes, visiting)
          : { depth: 0, breadth: 0 };
      child = { depth: 1 + nested.depth, breadth: 1 + nested.breadth };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      child = measureSelections(selection.selectionSet, fragments, sizes, visiting);
    } else {
      child = measureFragment(selection.name.value, fragments, sizes, visiting);
    }
    size.breadth += child.breadth;
    size.depth = Math.max(size.depth, child.depth);
  }
  return size;
}

/** A fragment is measured once however often it is spread; a cycle (which validation refuses) counts nothing. */
function measureFragment(
  name: string,
  fragments: Map<string, FragmentDefinitionNode>,
  sizes: Map<string, Size>,
  visiting: Set<string>,
): Size {
  const known = sizes.get(name);
  if (known) return known;
  const fragment = fragments.get(name);
  if (!fragment || visiting.has(name)) return { depth: 0, breadth: 0 };
  visiting.add(name);
  const size = measureSelections(fragment.selectionSet, fragments, sizes, visiting);
  visiting.delete(name);
  sizes.set(name, size);
  return size;
}

/** The refusals a parsed document earns; none when its shape is within the limits. */
export function checkDocumentShape(
  document: DocumentNode,
  operationName?: string,
  limits: QueryShapeLimits = QUERY_SHAPE_LIMITS,
): QueryRefusal[] {
  const refusals: QueryRefusal[] = [];
  let aliases = 0;
  let directives = 0;
  let schemaIntrospections = 0;
  visit(document, {
    Field(node) {
      if (node.alias) aliases += 1;
      if (node.name.value === '__schema') schemaIntrospections += 1;
    },
    Directive() {
      directives += 1;
    },
  });
  if (aliases > limits.aliases) {
    refusals.push(
      refusal(
        `This query uses more than ${limits.aliases} aliases; at most ${limits.aliases} are allowed.`,
        'aliases',
        aliases,
        limits.aliases,
      ),
    );
  }
  if (directives > limits.directives) {
    refusals.push(
      refusal(
        `This query uses ${directives} directives; at most ${limits.directives} are allowed.`,
        'directives',
        directives,
        limits.directives,
      ),
    );
  }
  if (schemaIntrospections > limits.schemaIntrospections) {
    refusals.push(
      refusal(
        `This query asks for \`__schema\` ${schemaIntrospections} times; ask for it once.`,
        'introspection',
        schemaIntrospections,
        limits.schemaIntrospections,
      ),
    );
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const sizes = new Map<string, Size>();
  const measured = operationName
    ? operations.filter((operation) => operation.name?.value === operationName)
    : operations;
  let depth = 0;
  let breadth = 0;
  for (const operation of measured) {
    const size = measureSelections(operation.selectionSet, fragments, sizes, new Set());
    depth = Math.max(depth, size.depth);
    breadth = Math.max(breadth, size.breadth);
  }
  // The same words as the schema builder's refusals (builder.ts), which check the same measures later.
  if (depth > limits.depth) {
    refusals.push(
      refusal(
        `This query's depth is ${depth}, over the limit of ${limits.depth}: nest fewer levels.`,
        'depth',
        depth,
        limits.depth,
      ),
    );
  }
  if (breadth > limits.breadth) {
    refusals.push(
      refusal(
        `This query's breadth is ${breadth}, over the limit of ${limits.breadth}: select fewer fields or aliases.`,
        'breadth',
        breadth,
        limits.breadth,
      ),
    );
  }
  return refusals;
}

/** The most brackets — `{`, `(`, `[` — open at once in a query text, strings and comments aside. */
export function maxNesting(query: string): number {
  let open = 0;
  let max = 0;
  for (let index = 0; index < query.length; index++) {
    const character = query[index];
    if (character === '#') {
      while (index < query.length && query[index] !== '\n' && query[index] !== '\r') index++;
    } else if (character === '"') {
      if (query.startsWith('"""', index)) {
        const end = query.indexOf('"""', index + 3);
        index = end === -1 ? query.length : end + 2;
      } else {
        index++;
        while (index < query.length && query[index] !== '"' && query[index] !== '\n')
          index += query[index] === '\\' ? 2 : 1;
      }
    } else if (character === '{' || character === '(' || character === '[') {
      open += 1;
      if (open > max) max = open;
    } else if (character === '}' || character === ')' || character === ']') {
      open -= 1;
    }
  }
  return max;
}

/**
 * The refusals a query text earns. A query that does not parse for another reason than its
 * length earns none here: the GraphQL server reports its syntax error.
 */
export function checkQueryShape(
  query: string,
  operationName?: string,
  limits: QueryShapeLimits = QUERY_SHAPE_LIMITS,
): QueryRefusal[] {
  const nesting = maxNesting(query);
  if (nesting > limits.nesting) {
    return [
      refusal(
        `This query nests ${nesting} levels of brackets; at most ${limits.nesting} are allowed: nest fewer levels.`,
        'depth',
        nesting,
        limits.nesting,
      ),
    ];
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.tokens, noLocation: true });
  } catch (error) {
    const tokens = error instanceof Error && /contains more tha[nt] (\d+) tokens/.test(error.message);
    return tokens
      ? [
          refusal(
            `This query is too long: it has more than ${limits.tokens} tokens. Send a shorter query, or split it.`,
            'tokens',
            limits.tokens + 1,
            limits.tokens,
          ),
        ]
      : [];
  }
  return checkDocumentShape(document, operationName, limits);
}

/** Queries already found within the limits (the dashboard sends the same few again and again). */
const ACCEPTED_CACHE_SIZE = 500;
const CACHEABLE_QUERY_LENGTH = 20_000;

/**
 * Refuses, with 400 and a GraphQL error per limit passed, a `/graphql` request (POST body or GET
 * parameters) whose query's shape is abusive, before the GraphQL server parses and validates it.
 */
export function queryShapeLimits(limits: QueryShapeLimits = QUERY_SHAPE_LIMITS): RequestHandler {
  const accepted = new Set<string>();
  return (request, response, next) => {
    const parameters: unknown = request.method === 'GET' ? request.query : request.body;
    if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) return next();
    const { query, operationName } = parameters as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string') return next();
    const operation = typeof operationName === 'string' && operationName ? operationName : undefined;
    const key = `${operation ?? ''}\u0000${query}`;
    if (accepted.has(key)) return next();
    const refusals = checkQueryShape(query, operation, limits);
    if (refusals.length > 0) {
      response.status(400).json({ errors: refusals });
      return;
    }
    if (query.length <= CACHEABLE_QUERY_LENGTH) {
      if (accepted.size >= ACCEPTED_CACHE_SIZE) accepted.delete(accepted.values().next().value as string);
      accepted.add(key);
    }
    next();
  };
}
