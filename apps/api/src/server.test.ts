import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@panorama/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPanoramaServer } from './server';
import { startTestServer, type TestServer } from './testing';

let api: TestServer;
const webDist = mkdtempSync(join(tmpdir(), 'panorama-web-'));

beforeAll(async () => {
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Panorama</title><div id="root"></div>');
  api = await startTestServer({ webDist });
});
afterAll(async () => {
  await api?.close();
});

describe('the HTTP server', () => {
  it('says it is alive and ready', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('serves the dashboard, and its client-side routes, from the same process', async () => {
    const page = await fetch(`${api.url}/regions/RBN?year=2024`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Panorama</title>');
  });

  it('does not serve Apollo’s landing page from a CDN', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/apollographql\.com|cdn\./i);
  });

  it('never shows SQL or stack traces when a query fails', async () => {
    await api.database.asOwner((db) => db.execute(sql`ALTER TABLE partners RENAME TO partners_moved`));
    try {
      const result = await api.graphql('{ partners(first: 1) { nodes { name } } }');
      const error = result.errors?.[0];
      expect(error?.message).toBe('Something went wrong on the server while answering this field. It has been logged.');
      expect(JSON.stringify(result)).not.toMatch(/select|partners_moved|stacktrace|\.ts:/i);
    } finally {
      await api.database.asOwner((db) => db.execute(sql`ALTER TABLE partners_moved RENAME TO partners`));
    }
  });

  it('says not ready when the database cannot be reached', async () => {
    const unreachable = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/panorama' });
    const server = await createPanoramaServer({ database: unreachable, webDist, readinessTimeoutMs: 3_000 });
    const port = await server.listen(0, '127.0.0.1');
    try {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { reason: string };
      expect(body).toMatchObject({ status: 'not ready', database: 'postgres' });
      expect(body.reason).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1/);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await server.stop();
      await unreachable.close();
    }
  });
});
