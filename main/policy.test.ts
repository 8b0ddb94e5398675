import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveRelayUrl } from './app-info.ts';
import { resolveIdentityConfig } from './auth/identity-config.ts';
import { applyPolicy, loadPolicy, policyPaths } from './policy.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'policy-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, name);

describe('policyPaths', () => {
  it('looks in /etc/commonplace first, then beside the executable', () => {
    expect(policyPaths('/opt/Commonplace/commonplace', 'linux')).toEqual([
      '/etc/commonplace/policy.json',
      '/opt/Commonplace/policy.json',
    ]);
    expect(policyPaths('/opt/Commonplace/commonplace', 'win32')).toEqual([
      '/opt/Commonplace/policy.json',
    ]);
  });
});

describe('loadPolicy', () => {
  it('has no policy when no file exists', () => {
    expect(loadPolicy([file('a.json'), file('b.json')])).toEqual({ policy: {}, source: null });
  });

  it('takes the first file that exists', async () => {
    await writeFile(file('b.json'), JSON.stringify({ issuer: 'https://idp.b.example' }));
    await writeFile(file('c.json'), JSON.stringify({ issuer: 'https://idp.c.example' }));
    expect(loadPolicy([file('a.json'), file('b.json'), file('c.json')])).toEqual({
      policy: { issuer: 'https://idp.b.example' },
      source: file('b.json'),
    });
  });

  it('stops with the file name on invalid JSON or an unknown key', async () => {
    await writeFile(file('bad.json'), '{ issuer: ');
    expect(() => loadPolicy([file('bad.json')])).toThrow(
      `the policy file ${file('bad.json')} is not valid JSON`,
    );
    await writeFile(file('typo.json'), JSON.stringify({ isuer: 'https://idp.example' }));
    expect(() => loadPolicy([file('typo.json')])).toThrow(/policy file .*typo\.json is invalid/);
  });

  it('reports a file it cannot read (other than missing)', () => {
    expect(() => loadPolicy([dir])).toThrow(`cannot read the policy file ${dir}`);
  });
});

describe('applyPolicy', () => {
  it('overrides the environment for the same resolvers', () => {
    const env = applyPolicy(
      {
        COMMONPLACE_ISSUER: 'http://127.0.0.1:9000',
        COMMONPLACE_AUDIENCE: 'urn:user',
        HOME: '/home/ada',
      },
      { issuer: 'https://login.corp.example', relayUrl: 'wss://relay.corp.example' },
    );
    expect(env['HOME']).toBe('/home/ada');
    expect(resolveIdentityConfig(env)).toEqual({
      ok: true,
      config: {
        issuer: 'https://login.corp.example',
        clientId: 'commonplace-desktop',
        audience: 'urn:user',
      },
    });
    expect(resolveRelayUrl(env)).toBe('wss://relay.corp.example');
  });

  it('carries the scope settings an Entra ID tenant needs', () => {
    const env = applyPolicy(
      { COMMONPLACE_RESOURCE_INDICATOR: 'true' },
      {
        issuer: 'https://login.microsoftonline.com/t/v2.0',
        scope: 'api://relay/Notes.ReadWrite',
        resourceIndicator: false,
      },
    );
    expect(resolveIdentityConfig(env)).toMatchObject({
      ok: true,
      config: { scope: 'api://relay/Notes.ReadWrite', resourceIndicator: false },
    });
  });
});
