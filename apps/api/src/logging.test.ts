import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets, requestIdFor } from './logging';

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
});
