import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicy, policySources, type PolicyIo } from './load.ts';
import type { CommandResult } from './registry.ts';

const regFixture = readFileSync(new URL('fixtures/reg-query-gpo.txt', import.meta.url), 'utf8');
const sampleJson = readFileSync(new URL('../../build/policy/policy.json', import.meta.url), 'utf8');

const missing = (file: string): never => {
  throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
};

/** Fake file system and fake `reg`/`plutil`: a map of files and one canned command answer. */
function fakeIo(
  files: Record<string, string>,
  command: CommandResult = {
    status: 1,
    stdout: '',
    stderr: 'ERROR: The system was unable to find the specified registry key or value.',
  },
): PolicyIo {
  return {
    readFile: (file) => {
      const text = files[file];
      return text === undefined ? missing(file) : Buffer.from(text);
    },
    run: () => command,
  };
}

describe('policySources', () => {
  it('names each platform’s machine-wide places', () => {
    expect(policySources('linux', {})).toEqual([
      { kind: 'json', location: '/etc/commonplace/policy.json' },
    ]);
    expect(policySources('darwin', {})).toEqual([
      {
        kind: 'plist',
        location: '/Library/Managed Preferences/org.commonplace.desktop.plist',
      },
    ]);
    expect(policySources('win32', { ProgramData: 'D:\\PD' })).toEqual([
      { kind: 'registry', location: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Commonplace' },
      { kind: 'json', location: 'D:\\PD\\Commonplace\\policy.json' },
    ]);
  });
});

describe('loadManagedPolicy', () => {
  const linux = policySources('linux', {});
  const windows = policySources('win32', { ProgramData: 'C:\\ProgramData' });
  const programDataFile = 'C:\\ProgramData\\Commonplace\\policy.json';

  it('has an empty policy when no source exists', () => {
    expect(loadManagedPolicy(linux, fakeIo({}))).toEqual({
      ok: true,
      policy: { enforced: {}, defaults: {} },
      sources: [],
    });
  });

  it('reads the Linux sample file', () => {
    const result = loadManagedPolicy(linux, fakeIo({ '/etc/commonplace/policy.json': sampleJson }));
    expect(result).toMatchObject({
      ok: true,
      sources: ['/etc/commonplace/policy.json'],
      policy: { enforced: { offlineGraceDays: 7 }, defaults: { startAtLogin: true } },
    });
  });

  it('reports an invalid file in one line naming the file and every problem', () => {
    const result = loadManagedPolicy(
      linux,
      fakeIo({
        '/etc/commonplace/policy.json': JSON.stringify({
          enforced: { relayUrl: 'wss://relay.example.com', offlineGraceDays: 'seven' },
          defaults: { startAtLogn: true },
        }),
      }),
    );
    expect(result.ok).toBe(false);
    const problem = result.ok ? '' : result.problem;
    expect(problem).not.toContain('\n');
    expect(problem).toMatch(
      /^The Commonplace policy in \/etc\/commonplace\/policy\.json is invalid and none of it was applied: /,
    );
    expect(problem).toContain('enforced.offlineGraceDays');
    expect(problem).toContain('startAtLogn');
    // Never half-applied: the valid relayUrl beside the bad value is not returned either.
    expect(result).not.toHaveProperty('policy');
  });

  it('reports a file that is not JSON', () => {
    const result = loadManagedPolicy(linux, fakeIo({ '/etc/commonplace/policy.json': '{ oops' }));
    expect(result.ok ? '' : result.problem).toContain('not valid JSON');
  });

  it('on Windows lets the registry win over %ProgramData% key by key', () => {
    const file = JSON.stringify({
      enforced: { relayUrl: 'wss://file.example.com', telemetry: true },
      defaults: { notifications: 'all', removeLocalCopyOnSignOut: true },
    });
    const result = loadManagedPolicy(
      windows,
      fakeIo({ [programDataFile]: file }, { status: 0, stdout: regFixture, stderr: '' }),
    );
    expect(result).toMatchObject({
      ok: true,
      sources: ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Commonplace', programDataFile],
      policy: {
        enforced: { relayUrl: 'wss://relay.example.com', telemetry: true, updatesAllowed: true },
        defaults: { notifications: 'mentions', removeLocalCopyOnSignOut: true },
      },
    });
  });

  it('applies nothing from the registry when the %ProgramData% file is invalid', () => {
    const result = loadManagedPolicy(
      windows,
      fakeIo(
        { [programDataFile]: JSON.stringify({ enforced: { updatesAllowed: 'yes' } }) },
        { status: 0, stdout: regFixture, stderr: '' },
      ),
    );
    expect(result.ok ? '' : result.problem).toContain(programDataFile);
  });

  it('reads macOS managed preferences', () => {
    const plist = readFileSync(
      new URL('../../build/policy/org.commonplace.desktop.plist', import.meta.url),
      'utf8',
    );
    const result = loadManagedPolicy(
      policySources('darwin', {}),
      fakeIo({ '/Library/Managed Preferences/org.commonplace.desktop.plist': plist }),
    );
    expect(result).toMatchObject({ ok: true, policy: { enforced: { offlineGraceDays: 7 } } });
  });
});
