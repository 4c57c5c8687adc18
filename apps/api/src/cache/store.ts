import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** An answer: the `data` of a GraphQL response. */
export type Answer = Record<string, unknown>;

/**
 * Answers kept in this process, parsed and ready to send: an LRU bounded by entries and by
 * bytes (of the answers' JSON), each entry kept at most `ttlMs`.
 */
export interface LocalStore {
  get(key: string): Answer | undefined;
  set(key: string, answer: Answer, jsonLength: number, ttlMs: number): void;
  clear(): void;
}

export interface LocalStoreOptions {
  /** Most entries kept. */
  maxEntries: number;
  /** Most bytes kept, counted as the answers' JSON (UTF-16, so 2 bytes a character). */
  maxBytes: number;
}

/** An LRU bounded by entries and by bytes: the least recently read entries go first once either bound is reached. */
function boundedLru<Value extends object>({ maxEntries, maxBytes }: LocalStoreOptions): LRUCache<string, Value> {
  return new LRUCache<string, Value>({
    max: maxEntries,
    maxSize: maxBytes,
    // An entry larger than a quarter of the cache is not worth evicting everything else for.
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
  });
}

/** The in-process LRU of answers. */
export function createLocalStore(options: LocalStoreOptions): LocalStore {
  const cache = boundedLru<Answer>(options);
  return {
    get: (key) => cache.get(key),
    set: (key, answer, jsonLength, ttlMs) => {
      cache.set(key, answer, { ttl: ttlMs, size: Math.max(1, (jsonLength + key.length) * 2) });
    },
    clear: () => cache.clear(),
  };
}

/** A response as it went out: its Content-Type and body, and the body compressed, once per encoding asked for. */
export interface SentAnswer {
  contentType: string;
  body: Buffer;
  encoded: Partial<Record<SentEncoding, Buffer>>;
}

export type SentEncoding = 'br' | 'gzip';

/**
 * Responses kept as they were sent, by request: an LRU bounded like {@link LocalStore}, by
 * entries and by bytes, the compressed copies counted with the body. Every buffer kept is a
 * copy that owns its memory, so the bytes counted are the bytes held: a small `Buffer` is
 * otherwise a view on a larger block it keeps alive (Node's 8 KB pool for `Buffer.from`, zlib's
 * 16 KB output chunk for a compressed body).
 */
export interface SentStore {
  get(key: string): SentAnswer | undefined;
  set(key: string, response: Omit<SentAnswer, 'encoded'>, ttlMs: number): void;
  /** Adds a compressed copy to the response kept under `key`; nothing if it has gone meanwhile. Its expiry stays. */
  addEncoding(key: string, encoding: SentEncoding, bytes: Buffer): void;
  clear(): void;
}

/** `bytes` in a block of exactly their length: `bytes` itself when it is one already. */
export function ownedBytes(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength) return bytes;
  const owned = Buffer.allocUnsafeSlow(bytes.byteLength);
  bytes.copy(owned);
  return owned;
}

export function createSentStore(options: LocalStoreOptions): SentStore {
  const cache = boundedLru<SentAnswer>(options);
  const sizeOf = (key: string, { body, encoded }: SentAnswer) =>
    key.length * 2 + body.byteLength + (encoded.br?.byteLength ?? 0) + (encoded.gzip?.byteLength ?? 0);
  return {
    get: (key) => cache.get(key),
    set: (key, { contentType, body }, ttlMs) => {
      const kept: SentAnswer = { contentType, body: ownedBytes(body), encoded: {} };
      cache.set(key, kept, { ttl: ttlMs, size: sizeOf(key, kept) });
    },
    addEncoding: (key, encoding, bytes) => {
      const kept = cache.peek(key);
      if (!kept) return;
      // A new entry object: the LRU counts an entry's size again only when its value changes.
      const grown = { ...kept, encoded: { ...kept.encoded, [encoding]: ownedBytes(bytes) } };
      cache.set(key, grown, { size: sizeOf(key, grown), noUpdateTTL: true });
    },
    clear: () => cache.clear(),
  };
}

/**
 * A store shared by every API process: the answers' JSON by key, each kept at most `ttlMs`. It
 * never throws to its caller: when it cannot answer, `get` misses and `set` does nothing.
 */
export interface SharedStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, json: string, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface RedisStoreOptions {
  url: string;
  /** Put before every key, so that several deployments (or test runs) can share one Redis. */
  keyPrefix: string;
  /** Longest wait for one command; past it, the request goes on without the cache. */
  commandTimeoutMs?: number;
  /** Told once when Redis stops answering, and once when it answers again. */
  onStateChange?: (state: 'down' | 'up', error?: Error) => void;
}

/**
 * A store in Redis, shared by every API process: GET, and SET with an expiry. While Redis is
 * down or slow, commands fail at once (no queue, no retry; at most `commandTimeoutMs`) and the
 * shared cache is simply missed; the client reconnects in the background.
 */
export function createRedisStore(options: RedisStoreOptions): SharedStore {
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    // The commands of one tick go out together.
    enableAutoPipelining: true,
  });
  let down = false;
  const failed = (error: Error) => {
    if (down) return;
    down = true;
    options.onStateChange?.('down', error);
  };
  const answered = () => {
    if (!down) return;
    down = false;
    options.onStateChange?.('up');
  };
  client.on('error', failed);
  client.on('ready', answered);
  // Commands wait for the first connection (or its failure); after it, they never wait.
  let connecting: Promise<void> | undefined = new Promise((resolve) => {
    const settled = () => {
      connecting = undefined;
      for (const event of ['ready', 'error', 'end']) client.off(event, settled);
      resolve();
    };
    for (const event of ['ready', 'error', 'end']) client.once(event, settled);
  });
  const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
  return {
    async get(key) {
      try {
        if (connecting) await connecting;
        const value = await client.get(key);
        answered();
        return value ?? undefined;
      } catch (error) {
        failed(asError(error));
        return undefined;
      }
    },
    async set(key, value, ttlMs) {
      try {
        if (connecting) await connecting;
        await client.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
        answered();
      } catch (error) {
        failed(asError(error));
      }
    },
    async close() {
      client.disconnect();
    },
  };
}
