import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseUnavailableError } from '@panorama/db';
import type { GraphQLFormattedError } from 'graphql';

const CONNECTION_FAILURE = /ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect/i;

/**
 * What a client is told about an error. Errors users can act on (bad input, validation) pass
 * through; anything unexpected becomes a generic message: no SQL, no stack traces.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== 'INTERNAL_SERVER_ERROR' && code !== undefined) return formatted;
  const cause = unwrapResolverError(error);
  const reason = cause instanceof Error ? cause.message : String(cause);
  if (cause instanceof DatabaseUnavailableError || CONNECTION_FAILURE.test(reason)) {
    return {
      message: 'The database is temporarily unavailable. Try again in a few seconds.',
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
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
  log(`internal error at ${formatted.path?.join('.') ?? 'request'}: ${reason}`);
  return {
    message: 'Something went wrong on the server while answering this field. It has been logged.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
