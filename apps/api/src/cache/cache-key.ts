import { createHash } from 'node:crypto';
import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, print } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { selectedFieldNames } from '../selections';

/**
 * What an answer of the response cache is kept under (`response-cache.ts`): which operations
 * may be cached, and the key of an answer, from its normalized document, its variables, the
 * caller's scope and the data version.
 */

/**
 * Root fields whose answer depends on nothing but the data, the arguments and the caller's role
 * and region: the analytics and the reference data. Nothing about one user (`me`, tokens, users,
 * the audit trail) and no paged detail list; a test checks that no type about users is reachable
 * from them.
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'overview',
  'panorama',
  'metrics',
  'metricCatalog',
  'strategyPeriod',
  'regions',
  'region',
  'countries',
  'objectives',
  'objective',
  '__typename',
]);

/** Whom an answer is for: the role and, for a REGIONAL user, the region. Never the user. */
export function scopeOf(viewer: Viewer | null): string {
  if (!viewer) return 'anonymous';
  return `${viewer.role}:${viewer.regionCode ?? ''}`;
}

/** The names of an operation's root fields, through fragments. */
export function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): Set<string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A validated document has every fragment it spreads; anything else (`…name`) is not cacheable.
  return selectedFieldNames([operation.selectionSet], (name) => fragments.get(name));
}

/** Whether an operation may be answered from the cache: a query whose root fields are all cacheable. */
export function isCacheable(document: DocumentNode, operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== 'query') return false;
  for (const name of rootFieldNames(document, operation)) if (!CACHEABLE_ROOT_FIELDS.has(name)) return false;
  return true;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Apollo hands back the same parsed document for the same query text: each is printed once. */
const printedDocuments = new WeakMap<DocumentNode, string>();

/** The document without what does not change its meaning (spacing, commas, comments), hashed. */
export function normalizedDocumentHash(document: DocumentNode): string {
  let hash = printedDocuments.get(document);
  if (hash === undefined) {
    hash = sha256(print(document));
    printedDocuments.set(document, hash);
  }
  return hash;
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are one key. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface CacheKeyParts {
  document: DocumentNode;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  scope: string;
  version: string;
}

/** The key of one answer: the data version in clear (for inspection), the rest hashed. */
export function cacheKey({ document, operationName, variables, scope, version }: CacheKeyParts): string {
  const request = canonicalJson([normalizedDocumentHash(document), operationName, variables ?? {}, scope]);
  return `response:${version}:${sha256(request)}`;
}
