/** A JSON value that is not an object or a list. */
export type JsonScalar = string | number | boolean | null;

/** One list item, flattened: dotted column names to JSON scalars. */
export type FlatRow = Record<string, JsonScalar>;

/** A GraphQL result's first list, flattened into rows for a CSV file. */
export interface ResultRows {
  /** Where the list is in the response, as a dotted path: `data.metrics.rows`. */
  path: string;
  /** Every column of every row, in the order they first appear: `region.code`, `values.0.value`. */
  columns: string[];
  /** One flat object per list item; values are the JSON values, not formatted. */
  rows: FlatRow[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What JSON.parse gives besides objects and lists; anything else (undefined) counts as null. */
function isScalar(value: unknown): value is JsonScalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A list of objects: at least one item, and every item an object (null items are allowed). */
function isListOfObjects(value: unknown): value is (JsonObject | null)[] {
  return Array.isArray(value) && value.some(isObject) && value.every((item) => item === null || isObject(item));
}

/**
 * Walks a value depth-first, keys in order, to the first non-empty list of objects, and returns
 * it with its path. Lists of scalars are walked through, not returned.
 */
export function findFirstList(value: unknown, path = ''): { path: string; items: (JsonObject | null)[] } | null {
  if (isListOfObjects(value)) return { path, items: value };
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, child] of entries) {
    const found = findFirstList(child, path === '' ? key : `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/**
 * Flattens nested objects and lists into one level with dotted keys:
 * `{ region: { code: 'RBN' }, values: [{ value: 1 }] }` → `{ 'region.code': 'RBN', 'values.0.value': 1 }`.
 * Scalars and null are kept as they are; an empty object or list keeps its key with null.
 */
export function flattenObject(value: JsonObject, prefix = '', into: FlatRow = {}): FlatRow {
  for (const [key, child] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (Array.isArray(child)) {
      if (child.length === 0) into[name] = null;
      else flattenObject(Object.fromEntries(child.map((item, index) => [String(index), item])), name, into);
    } else if (isObject(child)) {
      if (Object.keys(child).length === 0) into[name] = null;
      else flattenObject(child, name, into);
    } else {
      into[name] = isScalar(child) ? child : null;
    }
  }
  return into;
}

/**
 * The rows to export from a GraphQL response (`{ data, errors }`): the first list of objects
 * under `data`, each item flattened; null when the response has no such list.
 */
export function resultRows(response: unknown): ResultRows | null {
  if (!isObject(response) || !isObject(response.data)) return null;
  const list = findFirstList(response.data, 'data');
  if (!list) return null;
  const rows = list.items.map((item) => (item === null ? {} : flattenObject(item)));
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return { path: list.path, columns, rows };
}

/** Reads the text of GraphiQL's response pane; null when it is empty or not JSON. */
export function parseResponseText(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
