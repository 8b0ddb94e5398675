import { describe, expect, it } from 'vitest';
import { parseCli } from './cli-args.ts';

describe('parseCli', () => {
  it('uses defaults: port 4444, host 127.0.0.1, data .data/relay under cwd', () => {
    expect(parseCli([], {}, '/srv')).toEqual({
      kind: 'run',
      config: {
        port: 4444,
        host: '127.0.0.1',
        dataDir: '/srv/.data/relay',
        issuer: null,
        audience: 'urn:commonplace:relay',
        allowedDomains: [],
        idpPort: 4445,
        corsOrigins: [],
        limits: {
          maxFileBytes: 10_485_760,
          spaceFileQuotaBytes: 1_073_741_824,
          snapshotIntervalMs: 600_000,
          maxSnapshotsPerDoc: 200,
          maxDocBytes: 67_108_864,
          maxConnectionsPerPerson: 64,
          maxConcurrentUploadsPerPerson: 2,
          uploadIdleTimeoutMs: 30_000,
          restRequestsPerMinute: 600,
          spacesCreatedPerDay: 20,
          manualSnapshotsPerHour: 60,
          trashRetentionMs: 30 * 86_400_000,
          fileGraceMs: 86_400_000,
        },
        scale: {
          databaseUrl: null,
          redisUrl: null,
          adminPort: null,
          memoryBudgetBytes: null,
          groupCommit: true,
        },
        governance: {
          adminGroup: null,
          groupsClaim: 'groups',
          auditRetentionDays: null,
          webhooks: {},
          scimToken: null,
          classification: { defaultLabel: 'internal', internalDomains: null },
        },
      },
    });
  });

  it('reads the per-document byte limit; the flag wins', () => {
    expect(parseCli([], { RELAY_MAX_DOC_BYTES: '1048576' }, '/')).toMatchObject({
      config: { limits: { maxDocBytes: 1_048_576 } },
    });
    const flags = ['--max-doc-bytes', '2097152'];
    expect(parseCli(flags, { RELAY_MAX_DOC_BYTES: '1048576' }, '/')).toMatchObject({
      config: { limits: { maxDocBytes: 2_097_152 } },
    });
  });

  it('reads the per-person shares and the trash times in their units; flags win; bad input is refused', () => {
    const env = { RELAY_REQUESTS_PER_MINUTE: '100', RELAY_TRASH_DAYS: '7' };
    const flags = ['--max-connections-per-person', '8', '--upload-idle-timeout', '5'];
    expect(parseCli([...flags, '--file-grace-hours', '2'], env, '/')).toMatchObject({
      config: {
        limits: {
          maxConnectionsPerPerson: 8,
          uploadIdleTimeoutMs: 5_000,
          restRequestsPerMinute: 100,
          trashRetentionMs: 7 * 86_400_000,
          fileGraceMs: 7_200_000,
        },
      },
    });
    expect(parseCli(['--requests-per-minute', '50'], env, '/')).toMatchObject({
      config: { limits: { restRequestsPerMinute: 50 } },
    });
    expect(parseCli(['--spaces-per-day', '0'], {}, '/')).toEqual({
      kind: 'error',
      message: '--spaces-per-day must be a whole number of spaces from 1 to 1000000, got "0"',
    });
    expect(parseCli([], { RELAY_SAVES_PER_HOUR: 'many' }, '/')).toMatchObject({ kind: 'error' });
  });

  it('reads the space file quota in bytes, or "none"; the flag wins', () => {
    expect(parseCli([], { RELAY_SPACE_FILE_QUOTA: '5000000' }, '/')).toMatchObject({
      config: { limits: { spaceFileQuotaBytes: 5_000_000 } },
    });
    expect(parseCli([], { RELAY_SPACE_FILE_QUOTA: 'none' }, '/')).toMatchObject({
      config: { limits: { spaceFileQuotaBytes: null } },
    });
    const flags = ['--space-file-quota', '1'];
    expect(parseCli(flags, { RELAY_SPACE_FILE_QUOTA: 'none' }, '/')).toMatchObject({
      config: { limits: { spaceFileQuotaBytes: 1 } },
    });
    expect(parseCli([], { RELAY_SPACE_FILE_QUOTA: '' }, '/')).toMatchObject({
      config: { limits: { spaceFileQuotaBytes: 1_073_741_824 } },
    });
  });

  it('reads the image size and history limits (bytes, seconds, count); flags win', () => {
    const env = {
      RELAY_MAX_FILE_BYTES: '2097152',
      RELAY_SNAPSHOT_INTERVAL: '300',
      RELAY_MAX_SNAPSHOTS: '50',
    };
    expect(parseCli([], env, '/srv')).toMatchObject({
      config: {
        limits: { maxFileBytes: 2_097_152, snapshotIntervalMs: 300_000, maxSnapshotsPerDoc: 50 },
      },
    });
    const flags = ['--max-file-bytes', '1', '--snapshot-interval', '3600', '--max-snapshots', '7'];
    expect(parseCli(flags, env, '/srv')).toMatchObject({
      config: { limits: { maxFileBytes: 1, snapshotIntervalMs: 3_600_000, maxSnapshotsPerDoc: 7 } },
    });
    // An empty variable counts as unset, as for the other variables.
    expect(parseCli([], { RELAY_MAX_SNAPSHOTS: '' }, '/srv')).toMatchObject({
      config: { limits: { maxSnapshotsPerDoc: 200 } },
    });
    // The longest interval a Node timer can hold (2^31-1 ms, about 24.8 days).
    expect(parseCli(['--snapshot-interval', '2147483'], {}, '/')).toMatchObject({
      config: { limits: { snapshotIntervalMs: 2_147_483_000 } },
    });
  });

  it('reads issuer, audience, allowed domains, IdP port and CORS origins; flags win', () => {
    const env = {
      RELAY_ISSUER: 'https://login.example.com/tenant',
      RELAY_AUDIENCE: 'api://relay',
      RELAY_ALLOWED_DOMAINS: 'Example.com, partner.org',
      IDP_PORT: '5555',
      RELAY_CORS_ORIGINS: 'https://app.example.com',
    };
    expect(parseCli([], env, '/srv')).toMatchObject({
      config: {
        issuer: 'https://login.example.com/tenant',
        audience: 'api://relay',
        allowedDomains: ['example.com', 'partner.org'],
        idpPort: 5555,
        corsOrigins: ['https://app.example.com'],
      },
    });
    const flags = [
      '--issuer',
      'https://idp.example.org',
      '--audience',
      'urn:x',
      '--allowed-domains',
      'a.com',
      '--idp-port',
      '0',
      '--cors-origins',
      'http://127.0.0.1:5173,https://b.example',
    ];
    expect(parseCli(flags, env, '/srv')).toMatchObject({
      config: {
        issuer: 'https://idp.example.org',
        audience: 'urn:x',
        allowedDomains: ['a.com'],
        idpPort: 0,
        corsOrigins: ['http://127.0.0.1:5173', 'https://b.example'],
      },
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
    [['--issuer', 'not a url'], '--issuer'],
    [['--issuer', 'ftp://idp.example.com'], '--issuer'],
    [['--audience', ' '], '--audience'],
    [['--allowed-domains', 'example.com,@bad'], '@bad'],
    [['--idp-port', '99999'], '--idp-port'],
    [['--cors-origins', 'javascript:alert(1)'], '--cors-origins'],
    [['--max-file-bytes', '0'], '--max-file-bytes must be a whole number of bytes from 1 to'],
    [['--max-file-bytes', '10MB'], '--max-file-bytes'],
    [['--max-file-bytes', '1e6'], '--max-file-bytes'],
    [['--max-file-bytes', '-5'], '--max-file-bytes'],
    [['--max-file-bytes', '1000000001'], 'got "1000000001"'],
    [['--space-file-quota', '0'], '--space-file-quota must be a whole number of bytes from 1 to'],
    [['--space-file-quota', '1GiB'], '(or "none" for no quota)'],
    [['--space-file-quota', 'None'], '--space-file-quota'],
    [['--space-file-quota', '99999999999999999'], '--space-file-quota'],
    [['--snapshot-interval', '0'], '--snapshot-interval must be a whole number of seconds'],
    [['--snapshot-interval', '10m'], '--snapshot-interval'],
    [['--snapshot-interval', '1.5'], '--snapshot-interval'],
    [['--snapshot-interval', '2147484'], '--snapshot-interval'],
    [['--max-snapshots', '0'], '--max-snapshots must be a whole number of snapshots'],
    [['--max-snapshots', ' 5'], '--max-snapshots'],
    [['--max-snapshots', '99999999999999999999'], '--max-snapshots'],
  ])('rejects %j with a clear message', (argv, mention) => {
    const parsed = parseCli(argv, {}, '/');
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toContain(mention);
  });

  it('names RELAY_PORT when the environment is wrong', () => {
    const parsed = parseCli([], { RELAY_PORT: 'x' }, '/');
    expect(parsed.kind === 'error' && parsed.message).toContain('RELAY_PORT');
  });

  it.each(['RELAY_MAX_FILE_BYTES', 'RELAY_SNAPSHOT_INTERVAL', 'RELAY_MAX_SNAPSHOTS'])(
    'names %s when it is wrong',
    (variable) => {
      const parsed = parseCli([], { [variable]: 'lots' }, '/');
      expect(parsed.kind === 'error' && parsed.message).toEqual(
        expect.stringMatching(
          new RegExp(`^${variable} must be a whole number of \\w+ from 1 to \\d+, got "lots"$`),
        ),
      );
    },
  );

  it('reads the scale-out URLs and admin port from flags or the environment', () => {
    expect(
      parseCli(
        [
          '--database',
          'postgres://relay:secret@db/relay',
          '--admin-port',
          '9100',
          '--memory-budget',
          '512',
        ],
        { RELAY_REDIS_URL: 'redis://cache:6379' },
        '/',
      ),
    ).toMatchObject({
      config: {
        scale: {
          databaseUrl: 'postgres://relay:secret@db/relay',
          redisUrl: 'redis://cache:6379',
          adminPort: 9100,
          memoryBudgetBytes: 512 * 1024 * 1024,
        },
      },
    });
    expect(parseCli([], { RELAY_DATABASE_URL: 'postgresql://db/x' }, '/')).toMatchObject({
      config: { scale: { databaseUrl: 'postgresql://db/x' } },
    });
  });

  it('turns group commit off with --no-group-commit or RELAY_GROUP_COMMIT=off, and refuses other values', () => {
    expect(parseCli(['--no-group-commit'], {}, '/')).toMatchObject({
      config: { scale: { groupCommit: false } },
    });
    expect(parseCli([], { RELAY_GROUP_COMMIT: 'off' }, '/')).toMatchObject({
      config: { scale: { groupCommit: false } },
    });
    expect(parseCli([], { RELAY_GROUP_COMMIT: 'on' }, '/')).toMatchObject({
      config: { scale: { groupCommit: true } },
    });
    expect(parseCli([], { RELAY_GROUP_COMMIT: 'no' }, '/')).toEqual({
      kind: 'error',
      message: 'RELAY_GROUP_COMMIT must be "on" or "off", got "no"',
    });
  });

  it('refuses a wrong scheme without echoing the URL, which may hold a password', () => {
    const parsed = parseCli(['--database', 'mysql://root:hunter2@db/x'], {}, '/');
    expect(parsed).toEqual({
      kind: 'error',
      message: '--database must be a postgres:// or postgresql:// URL',
    });
    expect(parseCli([], { RELAY_REDIS_URL: 'http://cache' }, '/')).toEqual({
      kind: 'error',
      message: 'RELAY_REDIS_URL must be a redis:// or rediss:// URL',
    });
    expect(parseCli(['--admin-port', 'x'], {}, '/')).toMatchObject({ kind: 'error' });
  });
});
