import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';
import { scopeOf } from './cache-key';
import { CACHE_HEADER, type ResponseCache } from './response-cache';
import { COMPRESSION_THRESHOLD_BYTES } from './serving';
import type { SentAnswer, SentEncoding } from './store';

/**
 * Answers as they were sent. When the response cache keeps an answer, the response that carried
 * it is kept too, as bytes, under the request as it came (its JSON body, its Accept header), the
 * caller's role and region, and the data version the answer was computed at. When the same
 * request comes again at the same data version, those bytes go out at once: no GraphQL parsing,
 * validation, execution or serialization, and each compression is done once. The data version
 * and the caller's credentials are still read at every request, so nothing stale and nothing of
 * another scope is ever sent. Anything else (another body, another version, credentials that
 * fail, a database that does not answer) takes the normal path, which answers or says what is
 * wrong, and fills this store through the response cache.
 */

/** What this middleware leaves the normal path: who the caller is (not looked up twice), and where to keep the answer. */
export interface SentAnswerSlot {
  viewer: Viewer | null;
  onCached: NonNullable<Context['onCached']>;
}

const SLOT = 'panoramaSentAnswer';

/** The slot the middleware left on a response, if it did. */
export function sentAnswerSlot(response: Response): SentAnswerSlot | undefined {
  return response.locals[SLOT] as SentAnswerSlot | undefined;
}

const encoders = {
  // The quality the compression middleware uses: a fast one.
  br: promisify((input: Buffer, done: (error: Error | null, result: Buffer) => void) =>
    brotliCompress(input, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }, done),
  ),
  gzip: promisify(gzip),
};

export interface SentAnswersOptions {
  cache: ResponseCache;
  /** Who the request's credentials name, and the data version now; throws when the credentials are wrong. */
  identify(request: Request): Promise<{ viewer: Viewer | null; version: string }>;
}

/**
 * The middleware, after the JSON body parser on POST /graphql: sends the kept response when
 * there is one, else leaves a {@link SentAnswerSlot} and goes on.
 */
export function sentAnswers({ cache, identify }: SentAnswersOptions): RequestHandler {
  const keyOf = (request: Request, version: string, viewer: Viewer | null) =>
    [version, scopeOf(viewer), request.headers.accept ?? '', JSON.stringify(request.body)].join('\n');

  const keep = (response: Response, key: string, answer: Record<string, unknown>) => {
    // What Apollo Server sends for an answer without errors; a test compares the two byte for byte.
    const body = Buffer.from(`${JSON.stringify({ data: answer })}\n`);
    response.once('finish', () => {
      const contentType = response.getHeader('content-type');
      if (response.statusCode !== 200 || typeof contentType !== 'string') return;
      cache.sent.set(key, { contentType, body }, cache.ttlMs);
    });
  };

  return async (request, response, next) => {
    if (request.method !== 'POST' || typeof request.body !== 'object' || request.body === null) return next();
    let viewer: Viewer | null;
    let version: string;
    try {
      ({ viewer, version } = await identify(request));
    } catch {
      // Wrong credentials, or no database: the normal path says so.
      return next();
    }
    const key = keyOf(request, version, viewer);
    const sent = cache.sent.get(key);
    if (sent) return send(request, response, sent, (encoding, bytes) => cache.sent.addEncoding(key, encoding, bytes));
    const slot: SentAnswerSlot = {
      viewer,
      onCached: (cachedAt, answer) => keep(response, keyOf(request, cachedAt, viewer), answer),
    };
    response.locals[SLOT] = slot;
    next();
  };
}

/** Sends a kept response, compressed when the client takes it; a copy compressed here for the first time goes to `keepEncoded`. */
async function send(
  request: Request,
  response: Response,
  sent: SentAnswer,
  keepEncoded: (encoding: SentEncoding, bytes: Buffer) => void,
): Promise<void> {
  let body = sent.body;
  const encoding = body.length >= COMPRESSION_THRESHOLD_BYTES ? request.acceptsEncodings('br', 'gzip') : false;
  if (encoding === 'br' || encoding === 'gzip') {
    let encoded = sent.encoded[encoding];
    if (!encoded) {
      encoded = await encoders[encoding](sent.body);
      keepEncoded(encoding, encoded);
    }
    body = encoded;
    response.setHeader('Content-Encoding', encoding);
  }
  response.setHeader('Vary', 'Accept-Encoding');
  response.setHeader('Content-Type', sent.contentType);
  response.setHeader('Content-Length', body.length);
  response.setHeader(CACHE_HEADER, 'hit');
  response.statusCode = 200;
  response.end(body);
}
