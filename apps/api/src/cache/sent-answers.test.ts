import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bumpDataVersion, dataVersion } from '@panorama/db';
import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer';
import { createLogger } from '../logging';
import { insertContributions, insertPartner } from '../schema/test-seed';
import { startTestServer, type TestServer } from '../testing';
import { CACHE_HEADER, createResponseCache } from './response-cache';
import { sentAnswerSlot, sentAnswers } from './sent-answers';

/**
 * The middleware before GraphQL that sends kept responses again. First on its own, in front of
 * a stand-in for GraphQL that counts what it computes; then in the server, where the bytes it
 * keeps must be those Apollo Server sent.
 */

const viewer = (role: Viewer['role'], regionCode: string | null): Viewer => ({
  userId: 1,
  email: 'someone@test.panorama',
  name: 'Someone',
  role,
  regionCode,
  via: 'token',
});

/** Callers by their Authorization header; `wrong` is refused, no header is anonymous. */
const CALLERS: Record<string, Viewer> = {
  analyst: viewer('ANALYST', null),
  analystTwo: { ...viewer('ANALYST', null), userId: 2 },
  nairobi: viewer('REGIONAL', 'RBN'),
};

describe('sent answers, in front of a stand-in for GraphQL', () => {
  let database: TestDatabase;
  let url: string;
  let close: () => Promise<void>;
  let computed = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    const cache = createResponseCache({}, createLogger({ level: 'silent' }));
    if (!cache) throw new Error('the cache is on by default');
    const app = express();
    app.post(
      '/graphql',
      express.json(),
      sentAnswers({
        cache,
        identify: async (request) => {
          const who = request.headers.authorization;
          if (who === 'wrong') throw new Error('unknown token');
          return { viewer: who ? (CALLERS[who] ?? null) : null, version: await dataVersion(database.db) };
        },
      }),
      // The stand-in: an answer numbered by how many it computed, kept as the response cache keeps one.
      async (request, response) => {
        computed += 1;
        const { query } = request.body as { query: string };
        const answer = { computed, query, padding: query === 'large' ? 'x'.repeat(5_000) : '' };
        sentAnswerSlot(response)?.onCached(await cache.version(database.db), answer);
        response.status(query === 'refused' ? 500 : 200);
        response.type('application/json').send(`${JSON.stringify({ data: answer })}\n`);
      },
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close?.();
    await database?.close();
  });

  /** POSTs `{ query }`; the bytes as they came, not decompressed. */
  function post(query: string, headers: Record<string, string> = {}) {
    return new Promise<{
      status: number;
      header(name: string): string | null;
      bytes: Buffer;
      text: string;
      cache: string | null;
    }>((resolve, reject) => {
      const request = httpRequest(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const bytes = Buffer.concat(chunks);
            const header = (name: string) => {
              const value = response.headers[name];
              return typeof value === 'string' ? value : null;
            };
            resolve({
              status: response.statusCode ?? 0,
              header,
              bytes,
              text: bytes.toString(),
              cache: header(CACHE_HEADER),
            });
          });
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ query }));
    });
  }

  it('sends the same request again, byte for byte, without computing it', async () => {
    const before = computed;
    const first = await post('q1', { authorization: 'analyst' });
    expect(first.cache).toBeNull();
    const second = await post('q1', { authorization: 'analyst' });
    expect(second.cache).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.header('content-type')).toBe(first.header('content-type'));
    expect(computed).toBe(before + 1);
    // Another user of the same role and region: the same answer.
    expect((await post('q1', { authorization: 'analystTwo' })).text).toBe(first.text);
    expect(computed).toBe(before + 1);
  });

  it('computes again once the data version has moved', async () => {
    const first = await post('q2', { authorization: 'analyst' });
    expect((await post('q2', { authorization: 'analyst' })).cache).toBe('hit');
    await bumpDataVersion(database.db);
    const after = await post('q2', { authorization: 'analyst' });
    expect(after.cache).toBeNull();
    expect(after.text).not.toBe(first.text);
  });

  it('keeps one response per scope and per Accept header', async () => {
    const before = computed;
    await post('q3', { authorization: 'analyst' });
    const regional = await post('q3', { authorization: 'nairobi' });
    expect(regional.cache).toBeNull();
    const anonymous = await post('q3');
    expect(anonymous.cache).toBeNull();
    const otherAccept = await post('q3', { authorization: 'analyst', accept: 'application/graphql-response+json' });
    expect(otherAccept.cache).toBeNull();
    expect(computed).toBe(before + 4);
    expect((await post('q3', { authorization: 'nairobi' })).text).toBe(regional.text);
  });

  it('leaves failing credentials and failed responses to the normal path', async () => {
    const before = computed;
    await post('q4', { authorization: 'analyst' });
    // The stand-in answers whoever it is asked by: what matters is that it is asked.
    expect((await post('q4', { authorization: 'wrong' })).cache).toBeNull();
    expect((await post('q4', { authorization: 'wrong' })).cache).toBeNull();
    await post('refused', { authorization: 'analyst' });
    expect((await post('refused', { authorization: 'analyst' })).status).toBe(500);
    expect(computed).toBe(before + 5);
  });

  it('compresses a large response once per encoding the client accepts', async () => {
    const plain = await post('large', { authorization: 'analyst' });
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const compressed = await post('large', { authorization: 'analyst', 'accept-encoding': encoding });
        expect(compressed.cache).toBe('hit');
        expect(compressed.header('content-encoding')).toBe(encoding);
        expect(compressed.header('vary')).toBe('Accept-Encoding');
        expect(compressed.bytes.length).toBeLessThan(plain.bytes.length / 5);
        expect(decode(compressed.bytes).toString()).toBe(plain.text);
      }
    }
    // Small responses go out as they are.
    await post('small', { authorization: 'analyst' });
    const small = await post('small', { authorization: 'analyst', 'accept-encoding': 'gzip' });
    expect(small.cache).toBe('hit');
    expect(small.header('content-encoding')).toBeNull();
  });
});

describe('sent answers, in the server', () => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer({
      responseCache: {},
      seed: async (db) => {
        const partner = await insertPartner(db, { regionCode: 'RBN', countryIso3: 'KEN', name: 'Harbour Foods' });
        await insertContributions(db, partner.id, [{ amountUsd: '1000.00', date: '2025-02-01' }]);
      },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  const OVERVIEW = `{ overview(year: 2025) { asOf kpis { metric value previous target status }
    regions { region { code name } values { metric value } } trend { period { label } values { value } } } }`;

  async function post(headers: Record<string, string>) {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.analyst}`, ...headers },
      body: JSON.stringify({ query: OVERVIEW }),
    });
    const header = (name: string) => response.headers.get(name);
    return { response, header, text: await response.text(), cache: header(CACHE_HEADER) };
  }

  it('sends again the bytes Apollo Server sent, with their length even when compressed', async () => {
    const miss = await post({ 'accept-encoding': 'gzip' });
    expect(miss.cache).toBe('miss');
    expect(JSON.parse(miss.text).errors).toBeUndefined();
    expect(miss.text.length).toBeGreaterThan(1024);
    // What the middleware keeps for an answer is what Apollo Server sent for it.
    expect(miss.text).toBe(`${JSON.stringify({ data: JSON.parse(miss.text).data })}\n`);
    // Compressed by the compression middleware, the first response is streamed without a length;
    // sent again, it has one: it did not go through GraphQL.
    expect(miss.header('content-encoding')).toBe('gzip');
    expect(miss.header('content-length')).toBeNull();
    const hit = await post({ 'accept-encoding': 'gzip' });
    expect(hit.cache).toBe('hit');
    expect(hit.header('content-encoding')).toBe('gzip');
    expect(Number(hit.header('content-length'))).toBeGreaterThan(0);
    expect(hit.text).toBe(miss.text);
    expect(hit.header('content-type')).toBe(miss.header('content-type'));
    expect(hit.header('cache-control')).toBe('private, no-store');
    expect(hit.header('x-request-id')).toBeTruthy();
  });

  it('refuses a wrong token even for a request it has kept', async () => {
    await post({});
    const refused = await post({ authorization: 'Bearer pan_t_notAToken' });
    expect(refused.response.status).toBe(401);
    expect(refused.cache).not.toBe('hit');
  });
});
