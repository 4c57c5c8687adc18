import { sep } from 'node:path';
import compression from 'compression';
import type express from 'express';
import type { RequestHandler } from 'express';

/** Responses smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * brotli, gzip or deflate, as the client accepts, for GraphQL answers and the dashboard's files over
 * {@link COMPRESSION_THRESHOLD_BYTES}. The CSV routes under `/api/` stream their own bodies and
 * are left as they are.
 */
export function compressResponses(): RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    filter: (request, response) => !request.path.startsWith('/api/') && compression.filter(request, response),
  });
}

/**
 * API answers depend on who asks and change with the data: no browser or proxy keeps them
 * (the server's own response cache knows when they are stale; a browser could not).
 */
export const noStore: RequestHandler = (_request, response, next) => {
  response.setHeader('Cache-Control', 'private, no-store');
  next();
};

/** One year: the longest `max-age` browsers honour. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * How the dashboard's files are served: the build's `assets/` carry a content hash in their
 * names, so they are kept a year and never revalidated; everything else (index.html, the icon)
 * is revalidated at each use, so a new deployment shows at once.
 */
export const DASHBOARD_STATIC_OPTIONS: NonNullable<Parameters<typeof express.static>[1]> = {
  index: false,
  cacheControl: false,
  setHeaders: (response, path) => {
    response.setHeader('Cache-Control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache');
  },
};
