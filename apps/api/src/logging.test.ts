import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createLogger, currentLogger, keepRequestLogger, redactSecrets, requestIdFor, requestLogging } from './logging';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

describe('logging', () => {
  it('writes one JSON object per line, with the level by name', () => {
    const { logger, lines } = capture();
    logger.child({ reqId: 'r-1' }).info('hello');
    expect(lines).toEqual([expect.objectContaining({ level: 'info', reqId: 'r-1', msg: 'hello', name: 'panorama' })]);
  });

  it('never writes secrets: fields that hold them, or secrets inside messages and errors', () => {
    const { logger, lines } = capture();
    logger.info({ headers: { authorization: 'Bearer pan_t_abc123456789' }, password: 'hunter2hunter2' }, 'request');
    logger.warn('sign-in with Bearer pan_t_abc123456789 failed; password=hunter2hunter2');
    logger.error(
      { err: new Error('Failed query: select * from sessions where token_hash = $1\nparams: pan_s_secretvalue123') },
      'internal error',
    );
    const written = JSON.stringify(lines);
    expect(written).not.toMatch(/pan_t_abc|hunter2|pan_s_secret/);
    expect(written).toContain('select * from sessions');
  });

  it('redacts the secrets that hide in free text', () => {
    expect(redactSecrets('token pan_t_AbC-123_xyz used')).toBe('token pan_*_[redacted] used');
    expect(redactSecrets('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets('Failed query: select 1\nparams: a,b')).toBe('Failed query: select 1\nparams: [redacted]');
    expect(redactSecrets('cannot reach postgres://app:s3cret@db:5432/panorama')).toBe(
      'cannot reach postgres://app:[redacted]@db:5432/panorama',
    );
  });

  it('keeps a sane incoming request id and replaces anything else', () => {
    expect(requestIdFor('4bf92f3577b34da6a3ce929d0e0e4736')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(requestIdFor('trace:abc-1.2_3')).toBe('trace:abc-1.2_3');
    for (const insane of [undefined, '', 'has spaces', 'x'.repeat(200), 'quote"s', 'new\nline']) {
      expect(requestIdFor(insane)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('logs each request once, under its id, and what was logged while serving it', async () => {
    const { logger, lines } = capture();
    const app = express();
    app.use(requestLogging(logger));
    app.get('/healthz', (_request, response) => {
      response.json({ status: 'ok' });
    });
    app.get('/ok', (_request, response) => {
      setImmediate(() => {
        currentLogger(logger).debug('serving');
        response.send('fine');
      });
    });
    app.get('/boom', keepRequestLogger, (_request, response) => {
      response.status(500).send('no');
    });
    app.get('/cut', (request) => {
      request.socket.destroy();
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await fetch(`${url}/ok?secret=1`, { headers: { 'x-request-id': 'trace-1' } });
      expect(ok.headers.get('x-request-id')).toBe('trace-1');
      await ok.text();
      const boom = await fetch(`${url}/boom`);
      const boomId = boom.headers.get('x-request-id');
      await boom.text();
      await (await fetch(`${url}/healthz`)).text();
      await expect(fetch(`${url}/cut`)).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 50));

      const requestLines = lines.filter((line) => line.req !== undefined);
      expect(requestLines).toEqual([
        expect.objectContaining({
          level: 'info',
          reqId: 'trace-1',
          req: { method: 'GET', path: '/ok' },
          res: { statusCode: 200 },
          msg: 'GET /ok 200',
          responseTime: expect.any(Number),
        }),
        expect.objectContaining({ level: 'error', reqId: boomId, msg: 'GET /boom 500' }),
        expect.objectContaining({ level: 'error', msg: 'GET /cut 200 (failed or cut short)' }),
      ]);
      expect(lines).toContainEqual(expect.objectContaining({ level: 'debug', reqId: 'trace-1', msg: 'serving' }));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
