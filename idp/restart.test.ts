import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DESKTOP_CLIENT_ID, startDevIdp } from './dev-idp.ts';
import { STORE_FILE } from './sqlite-adapter.ts';
import { obtainTokens } from './testing.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'idp-restart-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function discover(issuer: string): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(issuer), DESKTOP_CLIENT_ID, undefined, oidc.None(), {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback dev IdP over http
    execute: [oidc.allowInsecureRequests],
  });
}

describe('dev IdP restart on the same data directory', () => {
  it('keeps grants: a refresh token issued before the restart still refreshes after it', async () => {
    const first = await startDevIdp({ dataDir });
    const tokens = await obtainTokens(first.issuer, 'emp-1002');
    await first.close();

    // Same port, so the issuer (and so every token's `iss`) is the same.
    const second = await startDevIdp({ dataDir, port: first.port });
    try {
      const refreshed = await oidc.refreshTokenGrant(
        await discover(second.issuer),
        tokens.refreshToken ?? '',
      );
      expect(refreshed.access_token).toBeTruthy();
      expect(refreshed.claims()?.sub).toBe('emp-1002');
      expect((await stat(join(dataDir, STORE_FILE))).mode & 0o077).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('still rejects a rotated-out refresh token after the restart', async () => {
    const first = await startDevIdp({ dataDir });
    const tokens = await obtainTokens(first.issuer, 'emp-1001');
    const rotated = await oidc.refreshTokenGrant(
      await discover(first.issuer),
      tokens.refreshToken ?? '',
    );
    await first.close();

    const second = await startDevIdp({ dataDir, port: first.port });
    try {
      const config = await discover(second.issuer);
      await expect(oidc.refreshTokenGrant(config, tokens.refreshToken ?? '')).rejects.toMatchObject(
        { error: 'invalid_grant' },
      );
      // Reusing a rotated-out token revokes the whole grant, the newer token too.
      await expect(
        oidc.refreshTokenGrant(config, rotated.refresh_token ?? ''),
      ).rejects.toMatchObject({ error: 'invalid_grant' });
    } finally {
      await second.close();
    }
  });

  it('forgets grants without a data directory', async () => {
    const first = await startDevIdp();
    const tokens = await obtainTokens(first.issuer, 'emp-1003');
    await first.close();
    const second = await startDevIdp({ port: first.port });
    try {
      await expect(
        oidc.refreshTokenGrant(await discover(second.issuer), tokens.refreshToken ?? ''),
      ).rejects.toMatchObject({ error: 'invalid_grant' });
    } finally {
      await second.close();
    }
  });
});
