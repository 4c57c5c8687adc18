import type { ErrorRequestHandler, RequestHandler } from 'express';
import { currentLogger, type Logger } from './logging';

/** The most a JSON request body may weigh. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A refusal in the shape GraphQL clients read: `{ errors: [{ message, extensions: { code } }] }`. */
export function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** POST /graphql takes JSON only: anything else is refused with 415 and what to send instead. */
export const requireJsonBody: RequestHandler = (request, response, next) => {
  if (request.method !== 'POST' || request.is(['application/json', 'application/*+json'])) return next();
  const sent = request.headers['content-type']?.slice(0, 100) ?? 'no Content-Type';
  response
    .status(415)
    .json(
      errorBody(
        `Send GraphQL requests as JSON, with \`Content-Type: application/json\` (not ${sent}).`,
        'UNSUPPORTED_MEDIA_TYPE',
      ),
    );
};

/**
 * Errors raised before a route answers (a body too large, malformed JSON, a bug): JSON, never an
 * HTML page with a stack trace. GraphQL paths get GraphQL's error shape, the others `{ error }`.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, next) => {
    if (response.headersSent) return next(error);
    const { status, type } = error as { status?: number; type?: string };
    let code = 'BAD_REQUEST';
    let httpStatus = typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
    let message: string;
    if (type === 'entity.too.large') {
      code = 'PAYLOAD_TOO_LARGE';
      message = `The request body is over the limit of ${MAX_BODY_BYTES / 1024 / 1024} MB: send a smaller query (large data goes through the CSV import).`;
    } else if (type === 'entity.parse.failed') {
      message = `The request body is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}).`;
    } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      code = 'UNSUPPORTED_MEDIA_TYPE';
      httpStatus = 415;
      message = 'The request body must be UTF-8 JSON, without a content encoding.';
    } else if (httpStatus < 500) {
      message = error instanceof Error ? error.message : 'The request was refused.';
    } else {
      code = 'INTERNAL_SERVER_ERROR';
      currentLogger(logger).error({ err: error }, `unexpected error on ${request.method} ${request.path}`);
      message = 'Something went wrong on the server. It has been logged.';
    }
    // The rest of a refused body is not read: close the connection rather than wait for it.
    if (!request.complete) response.setHeader('Connection', 'close');
    response
      .status(httpStatus)
      .json(request.path.startsWith('/graphql') ? errorBody(message, code) : { error: message });
  };
}
