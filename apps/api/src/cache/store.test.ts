import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createLocalStore, createRedisStore, createSentStore, ownedBytes } from './store';

/** The stores of the response cache: answers in this process, answers in Redis, and responses as sent. */

const response = (text: string) => ({ contentType: 'application/json', body: Buffer.from(text) });

/** Whether `bytes` alone holds the memory behind it (a view on a larger block keeps all of the block alive). */
const ownsItsMemory = (bytes: Buffer) => bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;

describe('the stores of answers', () => {
  it('keep answers in this process within their bounds', async () => {
    const byCount = createLocalStore({ maxEntries: 2, maxBytes: 1024 * 1024 });
    byCount.set('a', { one: 1 }, 9, 60_000);
    byCount.set('b', { two: 2 }, 9, 60_000);
    byCount.set('c', { three: 3 }, 11, 60_000);
    expect(byCount.get('a')).toBeUndefined();
    expect(byCount.get('c')).toEqual({ three: 3 });
    byCount.set('short', { lived: true }, 14, 1);
    await sleep(10);
    expect(byCount.get('short')).toBeUndefined();

    const bySize = createLocalStore({ maxEntries: 100, maxBytes: 1_000 });
    bySize.set('big', { text: 'x' }, 300, 60_000);
    expect(bySize.get('big')).toBeUndefined(); // over a quarter of the whole
    // 224 bytes each: the fifth pushes the first out.
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) bySize.set(key, { key }, 110, 60_000);
    expect(bySize.get('k1')).toBeUndefined();
    expect(bySize.get('k5')).toEqual({ key: 'k5' });
  });

  it('miss at once while Redis is down, and say so once', async () => {
    const changes: string[] = [];
    const store = createRedisStore({
      url: 'redis://127.0.0.1:1',
      keyPrefix: 'panorama-test:',
      onStateChange: (state) => changes.push(state),
    });
    try {
      const started = performance.now();
      for (let attempt = 0; attempt < 5; attempt++) {
        await store.set('key', 'value', 60_000);
        expect(await store.get('key')).toBeUndefined();
      }
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(changes).toEqual(['down']);
    } finally {
      await store.close();
    }
  });
});

describe('the sent answers store', () => {
  it('keeps copies that own their memory, not views on a larger block', () => {
    const store = createSentStore({ maxEntries: 10, maxBytes: 100_000 });
    // Buffer.from of a short string is a view on Node's shared 8 KB pool.
    const pooled = Buffer.from('{"data":{}}\n');
    expect(ownsItsMemory(pooled)).toBe(false);
    store.set('k', { contentType: 'application/json', body: pooled }, 60_000);
    // As zlib returns a small output: a view on its 16 KB chunk.
    const chunk = Buffer.alloc(16 * 1024, 7);
    store.addEncoding('k', 'gzip', chunk.subarray(100, 140));

    const kept = store.get('k');
    expect(kept?.body.toString()).toBe('{"data":{}}\n');
    expect(ownsItsMemory(kept?.body as Buffer)).toBe(true);
    expect(kept?.encoded.gzip).toEqual(Buffer.alloc(40, 7));
    expect(ownsItsMemory(kept?.encoded.gzip as Buffer)).toBe(true);
    // A buffer that owns its memory already is kept as it is.
    const own = Buffer.alloc(5_000);
    expect(ownedBytes(own)).toBe(own);
  });

  it('counts the compressed copies with the body', () => {
    // Keys of 1 character (2 bytes) and bodies of 380: five fit in 2,000 bytes (1,910 counted).
    const store = createSentStore({ maxEntries: 10, maxBytes: 2_000 });
    const keys = ['a', 'b', 'c', 'd', 'e'];
    for (const key of keys) store.set(key, response('x'.repeat(380)), 60_000);
    expect(keys.filter((key) => store.get(key) !== undefined)).toEqual(keys);
    // 'a' read last; then 'c' gets a copy of 100 bytes: 2,010 counted, so the least recently read goes.
    store.get('a');
    store.addEncoding('c', 'br', Buffer.alloc(100));
    expect(keys.filter((key) => store.get(key) !== undefined)).toEqual(['a', 'c', 'd', 'e']);
    expect(store.get('c')?.encoded.br?.byteLength).toBe(100);
  });

  it('adds no copy to a response that has gone, and keeps the expiry of one that is there', async () => {
    const store = createSentStore({ maxEntries: 10, maxBytes: 100_000 });
    store.addEncoding('never kept', 'gzip', Buffer.alloc(10));
    expect(store.get('never kept')).toBeUndefined();

    store.set('short-lived', response('{}'), 150);
    await sleep(75);
    store.addEncoding('short-lived', 'gzip', Buffer.alloc(10));
    expect(store.get('short-lived')?.encoded.gzip).toBeDefined();
    await sleep(125);
    // 200 ms after it was kept: gone, although its copy was added 125 ms ago.
    expect(store.get('short-lived')).toBeUndefined();
  });
});
