import { describe, expect, it } from 'vitest';
import { parseCli } from './cli-args.ts';

const governance = (argv: string[], env: Record<string, string> = {}) => {
  const parsed = parseCli(argv, env, '/tmp');
  return parsed.kind === 'run' ? parsed.config.governance : parsed;
};

describe('governance flags', () => {
  it('takes the admin group, groups claim and retention from flags over the environment', () => {
    expect(
      governance(['--admin-group', 'it-sec', '--audit-retention-days', '400'], {
        RELAY_ADMIN_GROUP: 'other',
        RELAY_GROUPS_CLAIM: 'roles',
      }),
    ).toMatchObject({
      adminGroup: 'it-sec',
      groupsClaim: 'roles',
      auditRetentionDays: 400,
      webhooks: {},
      scimToken: null,
    });
  });

  it('refuses an empty group and a retention that is not a whole number of days', () => {
    expect(governance(['--admin-group', ' '])).toMatchObject({ kind: 'error' });
    expect(governance(['--audit-retention-days', '0'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--audit-retention-days') as unknown,
    });
    expect(governance([], { RELAY_AUDIT_RETENTION_DAYS: '1.5' })).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('RELAY_AUDIT_RETENTION_DAYS') as unknown,
    });
  });
});

describe('SCIM token', () => {
  it('is off by default, read from the environment, and refused when short', () => {
    expect(governance([])).toMatchObject({ scimToken: null });
    expect(governance([], { RELAY_SCIM_TOKEN: 'a-long-enough-secret' })).toMatchObject({
      scimToken: 'a-long-enough-secret',
    });
    expect(governance(['--scim-token', 'short'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--scim-token') as unknown,
    });
  });
});
