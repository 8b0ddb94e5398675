import { describe, expect, it } from 'vitest';
import { desktopEnvironment, FALLBACK_RELAY_URL, relayArgs } from './start-env.ts';

describe('relayArgs', () => {
  it('passes an external issuer (and audience) to the relay', () => {
    expect(relayArgs({})).toEqual([]);
    expect(relayArgs({ COMMONPLACE_ISSUER: ' ' })).toEqual([]);
    expect(relayArgs({ COMMONPLACE_ISSUER: 'https://login.example.com' })).toEqual([
      '--issuer',
      'https://login.example.com',
    ]);
    expect(
      relayArgs({
        COMMONPLACE_ISSUER: 'https://login.example.com',
        COMMONPLACE_AUDIENCE: 'api://r',
      }),
    ).toEqual(['--issuer', 'https://login.example.com', '--audience', 'api://r']);
  });
});

describe('desktopEnvironment', () => {
  it('hands the embedded IdP and the relay from the listening line to the app', () => {
    const { env, warning } = desktopEnvironment(
      {
        msg: 'listening',
        ws: 'ws://127.0.0.1:4444',
        issuer: 'http://127.0.0.1:45123',
        audience: 'urn:commonplace:relay',
      },
      { PATH: '/usr/bin', COMMONPLACE_ISSUER: 'https://stale.example' },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      COMMONPLACE_RELAY_URL: 'ws://127.0.0.1:4444',
      COMMONPLACE_ISSUER: 'http://127.0.0.1:45123',
      COMMONPLACE_AUDIENCE: 'urn:commonplace:relay',
    });
    expect(warning).toBeNull();
  });

  it('falls back to the environment when the line has no issuer or audience', () => {
    const { env, warning } = desktopEnvironment(
      { msg: 'listening', ws: 'wss://relay.example.com' },
      { COMMONPLACE_ISSUER: 'https://login.example.com', COMMONPLACE_AUDIENCE: 'api://r' },
    );
    expect(env).toMatchObject({
      COMMONPLACE_RELAY_URL: 'wss://relay.example.com',
      COMMONPLACE_ISSUER: 'https://login.example.com',
      COMMONPLACE_AUDIENCE: 'api://r',
    });
    expect(warning).toBeNull();
  });

  it('warns, and leaves sign-in unconfigured, when no issuer is known at all', () => {
    const { env, warning } = desktopEnvironment(
      { msg: 'listening', issuer: 42, ws: 'http://x' },
      {},
    );
    expect(env).toEqual({ COMMONPLACE_RELAY_URL: FALLBACK_RELAY_URL });
    expect(warning).toContain('sign-in is unavailable');
  });

  it('ignores an issuer that is not an http(s) URL', () => {
    const { env } = desktopEnvironment({ issuer: 'javascript:alert(1)' }, {});
    expect(env).not.toHaveProperty('COMMONPLACE_ISSUER');
  });
});
