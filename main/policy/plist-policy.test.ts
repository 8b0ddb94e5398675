import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManagedPolicySchema } from '../../shared/policy.ts';
import { parsePlistPolicy, plistAsXml } from './plist-policy.ts';
import type { CommandResult } from './registry.ts';

const sample = readFileSync(
  new URL('../../build/policy/org.commonplace.desktop.plist', import.meta.url),
  'utf8',
);

describe('parsePlistPolicy', () => {
  it('reads top-level keys as enforced and Recommended as defaults', () => {
    const policy = ManagedPolicySchema.parse(parsePlistPolicy(sample));
    expect(policy.enforced).toMatchObject({
      relayUrl: 'wss://relay.example.com',
      allowedDomains: ['example.com'],
      updatesAllowed: true,
      offlineGraceDays: 7,
      telemetry: false,
    });
    expect(policy.defaults).toEqual({
      startAtLogin: true,
      notifications: 'mentions',
      spellcheckLanguages: ['en-US'],
    });
  });

  it('refuses a document that is not a dictionary of settings', () => {
    expect(() => parsePlistPolicy('not xml at all')).toThrow('not a valid property list');
    expect(() =>
      parsePlistPolicy('<plist version="1.0"><array><string>x</string></array></plist>'),
    ).toThrow('not a dictionary');
    expect(() =>
      parsePlistPolicy(
        '<plist version="1.0"><dict><key>Recommended</key><string>x</string></dict></plist>',
      ),
    ).toThrow('Recommended is not a dictionary');
  });
});

describe('plistAsXml', () => {
  it('passes XML through and converts a binary plist with plutil', () => {
    const calls: string[][] = [];
    // Fake plutil: this machine is not a Mac.
    const fakePlutil = (command: string, args: readonly string[]): CommandResult => {
      calls.push([command, ...args]);
      return { status: 0, stdout: sample, stderr: '' };
    };
    expect(plistAsXml(Buffer.from(sample), '/x.plist', fakePlutil)).toBe(sample);
    expect(calls).toEqual([]);
    const binary = Buffer.concat([Buffer.from('bplist00'), Buffer.from([0, 1, 2])]);
    expect(plistAsXml(binary, '/x.plist', fakePlutil)).toBe(sample);
    expect(calls).toEqual([['plutil', '-convert', 'xml1', '-o', '-', '/x.plist']]);
  });
});
