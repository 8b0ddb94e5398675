import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManagedPolicySchema } from '../../shared/policy.ts';
import { parseRegQuery, readRegistryPolicy, type CommandResult } from './registry.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/** Fake `reg.exe`: answers every command with one canned result and records the call. */
function fakeReg(result: CommandResult) {
  const calls: string[][] = [];
  return {
    calls,
    run: (command: string, args: readonly string[]): CommandResult => {
      calls.push([command, ...args]);
      return result;
    },
  };
}

describe('parseRegQuery', () => {
  it('reads a Group Policy export: strings, DWORD flags and numbers, lists, Recommended', () => {
    const raw = parseRegQuery(fixture('reg-query-gpo.txt'));
    const policy = ManagedPolicySchema.parse(raw);
    expect(policy.enforced).toEqual({
      relayUrl: 'wss://relay.example.com',
      issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
      clientId: '11111111-1111-1111-1111-111111111111',
      resourceIndicator: false,
      updateUrl: 'https://updates.example.com/commonplace',
      updatesAllowed: true,
      updateCheckIntervalHours: 6,
      offlineGraceDays: 7,
      // REG_MULTI_SZ, and a name written in another case: the registry ignores case.
      spellcheckLanguages: ['en-GB', 'de-DE'],
      // An ADMX <list>: a subkey of numbered values.
      allowedDomains: ['example.com', 'example.org'],
    });
    expect(policy.defaults).toEqual({ startAtLogin: true, notifications: 'mentions' });
  });

  it('leaves bad values for the schema to refuse, naming each', () => {
    const result = ManagedPolicySchema.safeParse(parseRegQuery(fixture('reg-query-invalid.txt')));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['enforced.relayUrl', 'enforced.updatesAllowed', 'enforced']),
    );
    expect(JSON.stringify(result.error?.issues)).toContain('relayUrll');
  });

  it('ignores keys outside the policy key', () => {
    const raw = parseRegQuery(
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Other\r\n    relayUrl    REG_SZ    wss://x.example\r\n',
    );
    expect(raw).toEqual({ enforced: {}, defaults: {} });
  });
});

describe('readRegistryPolicy', () => {
  it('runs reg query on the machine policy key', () => {
    const reg = fakeReg({ status: 0, stdout: fixture('reg-query-gpo.txt'), stderr: '' });
    expect(readRegistryPolicy(reg.run)?.enforced).toMatchObject({ updatesAllowed: true });
    expect(reg.calls).toEqual([
      ['reg', 'query', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Commonplace', '/s'],
    ]);
  });

  it('has no policy when the key does not exist', () => {
    const reg = fakeReg({
      status: 1,
      stdout: '',
      stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n',
    });
    expect(readRegistryPolicy(reg.run)).toBeNull();
  });

  it('throws on any other failure rather than run without the policy', () => {
    const reg = fakeReg({ status: 1, stdout: '', stderr: 'ERROR: Access is denied.' });
    expect(() => readRegistryPolicy(reg.run)).toThrow('Access is denied');
  });
});
