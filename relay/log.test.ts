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
});
