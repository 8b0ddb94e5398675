import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createJsonLogger, errorMessage } from './log.ts';

function capture(): { out: PassThrough; lines: () => Record<string, unknown>[] } {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  return {
    out,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createJsonLogger', () => {
  it('writes one JSON object per line with level, msg and fields, and drops lower levels', () => {
    const { out, lines } = capture();
    const log = createJsonLogger(out, 'info');
    log.debug('hidden');
    log.info('listening', { url: 'http://127.0.0.1:1' });
    log.warn('careful', { msg: 'cannot override' });
    expect(lines()).toMatchObject([
      { level: 'info', msg: 'listening', url: 'http://127.0.0.1:1' },
      { level: 'warn', msg: 'careful' },
    ]);
    expect(typeof lines()[0]?.time).toBe('string');
  });

  it('describes errors without stack traces', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
  });

  it('redacts secrets a caller passed by mistake: token fields, JWTs, token parameters, URL passwords', () => {
    const { out, lines } = capture();
    const log = createJsonLogger(out);
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl';
    log.warn(`refused ${jwt}`, {
      token: 'opaque-value',
      url: '/team/notes?token=abc.def&x=1',
      database: 'postgres://relay:hunter2@db:5432/relay',
      room: 'team/notes',
    });
    const text = JSON.stringify(lines());
    for (const secret of [jwt, 'opaque-value', 'abc.def', 'hunter2']) {
      expect(text).not.toContain(secret);
    }
    expect(lines()).toMatchObject([
      {
        msg: 'refused [redacted]',
        token: '[redacted]',
        url: '/team/notes?token=[redacted]&x=1',
        database: 'postgres://relay:[redacted]@db:5432/relay',
        room: 'team/notes',
      },
    ]);
  });
});
