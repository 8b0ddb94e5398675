import { describe, expect, it } from 'vitest';
import { parseCli } from './cli-args.ts';

describe('parseCli', () => {
  it('uses defaults: port 4444, host 127.0.0.1, data .data/relay under cwd', () => {
    expect(parseCli([], {}, '/srv')).toEqual({
      kind: 'run',
      config: { port: 4444, host: '127.0.0.1', dataDir: '/srv/.data/relay' },
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = { RELAY_PORT: '5000', RELAY_HOST: '0.0.0.0', RELAY_DATA: '/var/relay' };
    expect(parseCli([], env, '/srv')).toMatchObject({
      config: { port: 5000, host: '0.0.0.0', dataDir: '/var/relay' },
    });
    expect(parseCli(['--port', '0', '--data', 'd', '--host', '::1'], env, '/srv')).toMatchObject({
      config: { port: 0, host: '::1', dataDir: '/srv/d' },
    });
  });

  it('prints help', () => {
    const parsed = parseCli(['--help'], {}, '/');
    expect(parsed.kind).toBe('help');
    expect(parsed.kind === 'help' && parsed.text).toContain('RELAY_PORT');
  });

  it.each([
    [['--port', '70000'], '--port'],
    [['--port', '-1'], 'port'],
    [['--port', '12ab'], 'port'],
    [['--bogus'], 'bogus'],
    [['stray'], 'stray'],
    [['--data', ''], '--data'],
  ])('rejects %j with a clear message', (argv, mention) => {
    const parsed = parseCli(argv, {}, '/');
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toContain(mention);
  });

  it('names RELAY_PORT when the environment is wrong', () => {
    const parsed = parseCli([], { RELAY_PORT: 'x' }, '/');
    expect(parsed.kind === 'error' && parsed.message).toContain('RELAY_PORT');
  });
});
