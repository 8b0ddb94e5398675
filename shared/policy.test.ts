import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BUILT_IN_SETTINGS,
  describePolicyProblem,
  ManagedPolicySchema,
  PERSONAL_SETTING_KEYS,
  resolveSettings,
  SettingsSchema,
} from './policy.ts';

describe('resolveSettings', () => {
  it('layers built-in < policy default < environment < person < enforced', () => {
    const view = resolveSettings({
      policy: {
        defaults: { startAtLogin: true, notifications: 'all', relayUrl: 'wss://default.example' },
        enforced: { telemetry: false, relayUrl: 'wss://enforced.example' },
      },
      environment: { relayUrl: 'wss://env.example', clientId: 'from-env' },
      personal: { notifications: 'off', telemetry: true },
    });
    expect(view.values).toMatchObject({
      offlineGraceDays: BUILT_IN_SETTINGS.offlineGraceDays, // built-in
      startAtLogin: true, // policy default
      clientId: 'from-env', // environment over built-in
      notifications: 'off', // the person over the policy default
      telemetry: false, // enforced over the person
      relayUrl: 'wss://enforced.example', // enforced over the environment
    });
    expect(view.enforced).toEqual(['relayUrl', 'telemetry']);
  });

  it('takes the person’s choice only for settings a person may change', () => {
    const view = resolveSettings({
      policy: { enforced: {}, defaults: {} },
      personal: { relayUrl: 'wss://sneaky.example' },
    });
    expect(view.values.relayUrl).toBe(BUILT_IN_SETTINGS.relayUrl);
  });

  it('built-in defaults pass the schema', () => {
    expect(SettingsSchema.partial().safeParse(BUILT_IN_SETTINGS).success).toBe(true);
  });
});

describe('ManagedPolicySchema', () => {
  it.each([
    [{ enforced: { relayUrl: 'http://relay.example.com' } }, 'enforced.relayUrl'],
    [{ enforced: { updateUrl: 'http://updates.example.com' } }, 'enforced.updateUrl'],
    [{ enforced: { allowedDomains: ['not a domain'] } }, 'enforced.allowedDomains.0'],
    [{ defaults: { offlineGraceDays: 0 } }, 'defaults.offlineGraceDays'],
    [{ enforced: { relayUrll: 'wss://x.example' } }, 'enforced'],
    [{ enforcd: {} }, ''],
    [{ enforced: { localDataEncryption: 'optional' } }, 'enforced.localDataEncryption'],
    [{ enforced: { localDataEncryption: false } }, 'enforced.localDataEncryption'],
  ])('refuses %j at %s', (input, at) => {
    const result = ManagedPolicySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(at);
  });
});

describe('localDataEncryption', () => {
  it('is required unless the administrator prefers plain storage, and the person cannot change it', () => {
    expect(BUILT_IN_SETTINGS.localDataEncryption).toBe('required');
    expect(PERSONAL_SETTING_KEYS).not.toContain('localDataEncryption');
    const view = resolveSettings({
      policy: ManagedPolicySchema.parse({ defaults: { localDataEncryption: 'preferred' } }),
      personal: { localDataEncryption: 'required' },
    });
    expect(view.values.localDataEncryption).toBe('preferred');
    const enforced = resolveSettings({
      policy: ManagedPolicySchema.parse({ enforced: { localDataEncryption: 'preferred' } }),
    });
    expect(enforced.enforced).toContain('localDataEncryption');
  });
});

describe('describePolicyProblem', () => {
  it('is one line naming the source and each problem', () => {
    const error = new z.ZodError([
      { code: 'custom', path: ['enforced', 'relayUrl'], message: 'must be\na ws:// URL', input: 1 },
    ]);
    expect(describePolicyProblem('/etc/x.json', error)).toBe(
      'The Commonplace policy in /etc/x.json is invalid and none of it was applied: enforced.relayUrl: must be a ws:// URL',
    );
  });
});
