import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createSentStore, ownedBytes } from './store';

/** The store of responses as sent: its bytes bound must be the bytes it holds. */

const response = (text: string) => ({ contentType: 'application/json', body: Buffer.from(text) });

/** Whether `bytes` alone holds the memory behind it (a view on a larger block keeps all of the block alive). */
const ownsItsMemory = (bytes: Buffer) => bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;

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
