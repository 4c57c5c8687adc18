import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing';
import { client, OVERVIEW } from './response-cache-testing';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

describe('the response cache in a server (Redis)', () => {
  const prefix = `panorama-test:${randomBytes(6).toString('hex')}:`;
  let api: TestServer;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect().catch((error: unknown) => {
      throw new Error(`These tests need Redis at ${REDIS_URL} (set TEST_REDIS_URL): ${String(error)}`);
    });
    api = await startTestServer({ responseCache: { redisUrl: REDIS_URL, redisKeyPrefix: prefix } });
  });
  afterAll(async () => {
    await api?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('keeps answers in Redis, under its prefix, with an expiry', async () => {
    const ask = client(api);
    expect((await ask(OVERVIEW, { year: 2025 })).cache).toBe('miss');
    expect((await ask(OVERVIEW, { year: 2025 })).cache).toBe('hit');
    const keys = await redis.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefix}response:\\d+:(true|false):`));
    const ttl = await redis.pttl(keys[0] ?? '');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600_000);
  });
});

describe('the response cache with Redis down', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ responseCache: { redisUrl: 'redis://127.0.0.1:1' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers every request, from what this process computed', async () => {
    const ask = client(api);
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = performance.now();
      const answer = await ask(OVERVIEW, { year: 2025 });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      // The answers this process computed stay in its memory; nothing comes from Redis.
      expect(answer.cache).toBe(attempt === 0 ? 'miss' : 'hit');
      expect(performance.now() - started).toBeLessThan(2_000);
    }
    const other = await ask(OVERVIEW, { year: 2024 });
    expect(other.body.errors).toBeUndefined();
    expect(other.cache).toBe('miss');
  });
});

describe('the response cache off', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ responseCache: { enabled: false } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('says so', async () => {
    const ask = client(api);
    expect((await ask(OVERVIEW, { year: 2025 })).cache).toBe('off');
    expect((await ask(OVERVIEW, { year: 2025 })).cache).toBe('off');
  });
});
