import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRY_AFTER_SECONDS } from './errors';
import { downloadExport } from './export/export-testing';
import { seedHandData } from './export/metrics-csv-testing';
import { BUSY_MESSAGE, LargeAnswerGate } from './large-answers';
import { startTestServer, type TestServer } from './testing';

describe('the gate of large answers', () => {
  it('admits as many as it has slots, then the others in the order they came, as slots free', async () => {
    const gate = new LargeAnswerGate({ rows: 0, slots: 2, maxWaitMs: 1_000 });
    const first = await gate.enter();
    const second = await gate.enter();
    const admitted: string[] = [];
    const waitFor = (name: string) =>
      gate.enter().then((release) => {
        admitted.push(name);
        return release;
      });
    const third = waitFor('third');
    const fourth = waitFor('fourth');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(admitted).toEqual([]);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    first();
    first(); // freeing twice frees one slot
    await third;
    expect(admitted).toEqual(['third']);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    second();
    (await fourth)();
    (await third)();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses as busy an answer that waited too long, and forgets it', async () => {
    const gate = new LargeAnswerGate({ rows: 0, slots: 1, maxWaitMs: 20 });
    const release = await gate.enter();
    await expect(gate.enter()).rejects.toMatchObject({
      message: BUSY_MESSAGE,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    release();
    (await gate.enter())();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe('large metrics answers over HTTP', () => {
  // More than one row is large here; one slot; a short wait.
  const gate = new LargeAnswerGate({ rows: 1, slots: 1, maxWaitMs: 50 });
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ seed: seedHandData, largeAnswers: gate });
  });
  afterAll(async () => {
    await api?.close();
  });

  const ask = async (grain: 'QUARTER' | 'YEAR') => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.admin}` },
      body: JSON.stringify({
        query: `{ metrics(metrics: [REVENUE_USD], from: "2024-01-01", to: "2024-12-31", grain: ${grain}) {
          rows { values { value } } } }`,
      }),
    });
    const body = (await response.json()) as {
      data: { metrics: { rows: unknown[] } } | null;
      errors?: { message: string }[];
    };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  };
  const freed = async () => {
    // The slot is freed when the response closes, just after the client has read it.
    for (let tries = 0; tries < 50 && gate.load.running > 0; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return gate.load;
  };

  it('answers a large query in its turn and frees the turn once the answer is sent', async () => {
    const answer = await ask('QUARTER');
    expect(answer.status).toBe(200);
    expect(answer.body.data?.metrics.rows).toHaveLength(4);
    expect(await freed()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a large query with 503 and Retry-After when its turn does not come; a small one goes through', async () => {
    const release = await gate.enter();
    try {
      const refused = await ask('QUARTER');
      expect(refused).toMatchObject({ status: 503, retryAfter: String(RETRY_AFTER_SECONDS) });
      expect(refused.body.errors?.[0]?.message).toBe(BUSY_MESSAGE);
      const small = await ask('YEAR');
      expect(small.status).toBe(200);
      expect(small.body.data?.metrics.rows).toHaveLength(1);
      const exported = await downloadExport(
        api,
        `metrics?${new URLSearchParams({ metrics: 'REVENUE_USD', from: '2024-01-01', to: '2024-12-31', grain: 'QUARTER' })}`,
      );
      expect(exported).toMatchObject({ status: 503, error: BUSY_MESSAGE });
    } finally {
      release();
    }
    expect((await ask('QUARTER')).status).toBe(200);
    expect(await freed()).toEqual({ running: 0, waiting: 0 });
  });
});
