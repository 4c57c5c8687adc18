import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseUnavailableError } from '@panorama/db';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** What a client is told when the database cannot answer for now. */
export const UNAVAILABLE_MESSAGE = 'The database is temporarily unavailable. Try again in a few seconds.';

/** Seconds a client is asked to wait before it retries (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 2;

/**
 * SQLSTATEs that mean the connection, not the statement, failed: the connection-exception class
 * (08…), an administrator or a crash ending the session (57P01, 57P02), a server starting up or
 * shutting down (57P03), no connection slot left (53300).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|ECONNREFUSED|ECONNRESET/i;

/** The error and what it wraps (a resolver's, Apollo's or drizzle's wrapping), outermost first. */
function* causes(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    yield current;
    const next: unknown =
      current instanceof GraphQLError && current.originalError ? current.originalError : (current as Error).cause;
    if (next === current) return;
    current = next;
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when `error` says the database cannot be reached or dropped the connection: retrying later will work. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (cause instanceof DatabaseUnavailableError) return true;
    const code = codeOf(cause);
    if (code && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    if (cause instanceof Error && UNAVAILABLE_MESSAGES.test(cause.message)) return true;
  }
  return false;
}

/** True when PostgreSQL cancelled a statement because it ran past `statement_timeout`. */
export function isStatementTimeout(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (codeOf(cause) === '57014' && cause instanceof Error && /statement timeout/i.test(cause.message)) return true;
  }
  return false;
}

/** The error a request gets when the database is unavailable before any field ran (sign-in lookup). */
export function unavailableError(): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/** What the errors of graphql-js's own safety stops become: they say what to change. */
function reworded(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const { message } = formatted;
  const tokens = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/.exec(message);
  if (tokens) {
    return {
      message: `This query is too long: it has more than ${tokens[1]} tokens. Send a shorter query, or split it.`,
      extensions: { code: 'QUERY_TOO_COMPLEX', kind: 'tokens', allowed: Number(tokens[1]) },
    };
  }
  if (message === 'Validation aborted.') {
    return {
      message:
        'This query is too large to check: it repeats or overlaps too many fields. Select each field once, and split the query.',
      extensions: { code: 'QUERY_TOO_COMPLEX', kind: 'validation' },
    };
  }
  if (message.startsWith('Too many validation errors')) {
    return {
      message: 'This query has more problems than those listed: fix them and send it again.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
  }
  if (message === 'Operation batching disabled.') {
    return {
      message: 'Send one operation per request: a JSON array of operations (batching) is not accepted.',
      extensions: { code: 'BAD_REQUEST' },
    };
  }
  return undefined;
}

/** Where the errors that need a look are written. */
export interface ErrorLog {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * What a client is told about an error. Errors users can act on (bad input, validation) pass
 * through; anything unexpected becomes a generic message: no SQL, no stack traces.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: ErrorLog,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const clearer = reworded(formatted);
  if (clearer) return clearer;
  if (code !== 'INTERNAL_SERVER_ERROR' && code !== undefined) return formatted;
  const cause = unwrapResolverError(error);
  const reason = cause instanceof Error ? cause.message : String(cause);
  if (isDatabaseUnavailable(error)) {
    log.warn(`database unavailable at ${formatted.path?.join('.') ?? 'request'}: ${reason}`);
    return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  if (isStatementTimeout(error)) {
    log.warn(`statement timeout at ${formatted.path?.join('.') ?? 'request'}: the query was cancelled`);
    return {
      message:
        'This query took longer than the server allows and was cancelled. Ask for less (a shorter period, fewer groupings, smaller pages) or try again later.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'QUERY_TIMEOUT' },
    };
  }
  const invalidId = /^Invalid global ID: (.*)$/s.exec(reason);
  if (invalidId) {
    return {
      message: `${JSON.stringify(invalidId[1])} is not a valid ID: pass an \`id\` returned by the API.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  log.error(`internal error at ${formatted.path?.join('.') ?? 'request'}: ${reason}`);
  return {
    message: 'Something went wrong on the server while answering this field. It has been logged.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
