import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { type Database, dataVersion } from '@panorama/db';
import type { Context } from '../context';
import type { Env } from '../env';
import type { Logger } from '../logging';
import { cacheKey, isCacheable, scopeOf } from './cache-key';
import {
  type Answer,
  createLocalStore,
  createRedisStore,
  createSentStore,
  type LocalStore,
  type SentStore,
  type SharedStore,
} from './store';

/**
 * The response cache. The answer of a query whose root fields are all in
 * `CACHEABLE_ROOT_FIELDS` (`cache-key.ts`) is kept under its normalized document, its variables, the
 * caller's role and region, and the data version read before it ran. The data version moves
 * with every write to the data the analytics read (statement triggers, and once more after each
 * committed write of the server), so an entry is never served once the data under it has
 * changed: the next request reads the new version and misses. Each process keeps answers in an
 * LRU of its own, parsed and ready to send; with Redis, every API process also shares them. Each
 * process also keeps the responses it sent, as bytes, for requests that come again word for word
 * (see `sent-answers.ts`).
 */

/** The response header that says what the cache did: `hit`, `miss`, `bypass` (not cacheable) or `off`. */
export const CACHE_HEADER = 'x-panorama-cache';

export type CacheOutcome = 'hit' | 'miss' | 'bypass' | 'off';

export interface ResponseCacheSettings {
  /** False: nothing is cached (benchmarks' cold runs). Default true. */
  enabled?: boolean;
  /** Shared cache in this Redis; unset: an in-process LRU. */
  redisUrl?: string | undefined;
  /** Put before every Redis key. Default `panorama:`. */
  redisKeyPrefix?: string;
  /** Longest an entry is kept, as a safety net (entries of an old data version are never read). Default 600. */
  ttlSeconds?: number;
  /**
   * Size of the in-process caches, in MB: three quarters for answers, a quarter for responses as
   * sent. Default 64; with Redis, at most 16 (Redis holds the rest).
   */
  maxMegabytes?: number;
}

export const DEFAULT_TTL_SECONDS = 600;
export const DEFAULT_MAX_MEGABYTES = 64;
const MAX_MEGABYTES_BESIDE_REDIS = 16;
const MAX_ENTRIES = 10_000;

export interface ResponseCache {
  /** This process's answers. */
  local: LocalStore;
  /** Everyone's (Redis), or null. */
  shared: SharedStore | null;
  /** This process's responses as sent, by request. */
  sent: SentStore;
  ttlMs: number;
  /** The data version now; read before the operation runs. */
  version(db: Database): Promise<string>;
}

/** The response cache's settings from the configuration. */
export function responseCacheSettings(env: Env): ResponseCacheSettings {
  return {
    enabled: env.RESPONSE_CACHE === 'on',
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    ttlSeconds: env.RESPONSE_CACHE_TTL_SECONDS,
    maxMegabytes: env.RESPONSE_CACHE_MAX_MB,
  };
}

/** The cache the settings ask for, or null when it is off. Redis state changes are logged once each. */
export function createResponseCache(settings: ResponseCacheSettings, logger: Logger): ResponseCache | null {
  if (settings.enabled === false) return null;
  const megabytes = settings.maxMegabytes ?? DEFAULT_MAX_MEGABYTES;
  const shared = settings.redisUrl
    ? createRedisStore({
        url: settings.redisUrl,
        keyPrefix: settings.redisKeyPrefix ?? 'panorama:',
        onStateChange: (state, error) => {
          if (state === 'down')
            logger.warn(
              { err: error },
              'response cache: Redis does not answer; each process serves only what it holds itself until it does (%s)',
              error?.message,
            );
          else logger.info('response cache: Redis answers again');
        },
      })
    : null;
  const bytes = (shared ? Math.min(megabytes, MAX_MEGABYTES_BESIDE_REDIS) : megabytes) * 1024 * 1024;
  return {
    local: createLocalStore({ maxEntries: MAX_ENTRIES, maxBytes: Math.floor(bytes * 0.75) }),
    shared,
    sent: createSentStore({ maxEntries: MAX_ENTRIES, maxBytes: Math.floor(bytes * 0.25) }),
    ttlMs: (settings.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000,
    version: dataVersion,
  };
}

/** How long a request waits for the same answer computed by another request of this process. */
const WAIT_FOR_OTHER_MS = 20_000;

/**
 * The Apollo Server plugin: `responseForOperation` answers from the cache (this process's, then
 * the shared one), `willSendResponse` stores answers without errors. Requests for the same key
 * in this process while one computes it wait for that one. With `cache` null, every response
 * says `off`.
 */
export function responseCachePlugin(cache: ResponseCache | null): ApolloServerPlugin<Context> {
  /** Answers being computed in this process, by key: the answer, or undefined if none came. */
  const computing = new Map<string, Promise<Answer | undefined>>();

  /**
   * The stored answer; else, when this request is the first to compute it, `finish` to call
   * with what it stored; else, when another request computed it meanwhile, that one's answer.
   */
  const lookup = async (
    { local, shared, ttlMs }: ResponseCache,
    key: string,
  ): Promise<{ answer?: Answer; finish?: (answer: Answer | undefined) => void }> => {
    const known = local.get(key);
    if (known) return { answer: known };
    const json = await shared?.get(key);
    if (json !== undefined) {
      const answer = JSON.parse(json) as Answer;
      local.set(key, answer, json.length, ttlMs);
      return { answer };
    }
    const pending = computing.get(key);
    if (!pending) {
      // Registered in the same tick as the check: the requests after this one wait for it.
      let finish: (answer: Answer | undefined) => void = () => undefined;
      computing.set(
        key,
        new Promise((resolve) => {
          finish = (answer) => {
            computing.delete(key);
            resolve(answer);
          };
        }),
      );
      return { finish };
    }
    // Past the longest a statement may run, stop waiting and compute it here.
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), WAIT_FOR_OTHER_MS).unref();
    });
    const answer = await Promise.race([pending, gaveUp]).finally(() => clearTimeout(timer));
    return answer === undefined ? {} : { answer };
  };

  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          cache?.local.clear();
          cache?.sent.clear();
          await cache?.shared?.close();
        },
      };
    },
    async requestDidStart() {
      let outcome: CacheOutcome = cache ? 'bypass' : 'off';
      let key: string | undefined;
      let version: string | undefined;
      let finish: ((answer: Answer | undefined) => void) | undefined;

      return {
        async responseForOperation(requestContext) {
          if (!cache || !isCacheable(requestContext.document, requestContext.operation)) return null;
          try {
            version = await cache.version(requestContext.contextValue.db);
          } catch {
            // The database does not answer: the operation runs (and fails) as if there were no cache.
            return null;
          }
          key = cacheKey({
            document: requestContext.document,
            operationName: requestContext.operation?.name?.value ?? null,
            variables: requestContext.request.variables,
            scope: scopeOf(requestContext.contextValue.viewer),
            version,
          });
          const found = await lookup(cache, key);
          if (found.answer !== undefined) {
            outcome = 'hit';
            if (version !== undefined) requestContext.contextValue.onCached?.(version, found.answer);
            return {
              http: { status: undefined, headers: new HeaderMap() },
              body: { kind: 'single', singleResult: { data: found.answer } },
            };
          }
          outcome = 'miss';
          finish = found.finish;
          return null;
        },
        async willSendResponse({ response, contextValue }) {
          response.http.headers.set(CACHE_HEADER, outcome);
          if (outcome !== 'miss' || !cache || key === undefined || version === undefined) return;
          let answer: Answer | undefined;
          const { body } = response;
          if (
            body.kind === 'single' &&
            !body.singleResult.errors?.length &&
            body.singleResult.data != null &&
            (response.http.status === undefined || response.http.status === 200)
          ) {
            answer = body.singleResult.data;
            const json = JSON.stringify(answer);
            cache.local.set(key, answer, json.length, cache.ttlMs);
            await cache.shared?.set(key, json, cache.ttlMs);
            contextValue.onCached?.(version, answer);
          }
          finish?.(answer);
        },
      };
    },
  };
}
