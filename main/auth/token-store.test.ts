import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSafeStorage } from './fakes.ts';
import { createTokenStore, decidePersistence, type StoredSession } from './token-store.ts';

const session: StoredSession = {
  accessToken: 'at.jwt.sig',
  accessTokenExpiresAt: 1_900_000_000_000,
  refreshToken: 'refresh-secret',
  profile: { sub: 'emp-1001', name: 'Ada Lovelace' },
};
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('token store', () => {
  it('round-trips an encrypted session with mode 0600', async () => {
    const store = await createTokenStore({
      dir,
      safeStorage: new FakeSafeStorage(),
      platform: 'linux',
    });
    await store.save(session);
    expect(await store.load()).toEqual(session);
    expect((await stat(join(dir, 'session.enc'))).mode & 0o077).toBe(0);
  });

  it('refuses to persist without encryption, or with basic_text/unknown on Linux', async () => {
    const decide = async (storage: FakeSafeStorage, platform: NodeJS.Platform): Promise<boolean> =>
      (await decidePersistence(storage, platform)).refreshTokenPersisted;
    expect(await decide(new FakeSafeStorage({ available: false }), 'darwin')).toBe(false);
    const basic = await decidePersistence(new FakeSafeStorage({ backend: 'basic_text' }), 'linux');
    expect(basic.refreshTokenPersisted).toBe(false);
    expect(basic.reason).toContain('keyring');
    expect(await decide(new FakeSafeStorage({ backend: 'unknown' }), 'linux')).toBe(false);
    expect(await decide(new FakeSafeStorage({ backend: 'kwallet6' }), 'linux')).toBe(true);
    // The backend question only exists on Linux.
    expect(await decide(new FakeSafeStorage({ backend: 'basic_text' }), 'win32')).toBe(true);
  });

  it('writes nothing under basic_text and removes a file left by an earlier run', async () => {
    const strong = await createTokenStore({
      dir,
      safeStorage: new FakeSafeStorage(),
      platform: 'linux',
    });
    await strong.save(session);
    expect(await readdir(dir)).toEqual(['session.enc']);
    const weak = await createTokenStore({
      dir,
      safeStorage: new FakeSafeStorage({ backend: 'basic_text' }),
      platform: 'linux',
    });
    expect(await weak.load()).toBeNull();
    await weak.save(session);
    expect(await readdir(dir)).toEqual([]);
  });

  it('discards a corrupt or foreign file instead of trusting it', async () => {
    await writeFile(join(dir, 'session.enc'), 'not encrypted');
    const store = await createTokenStore({
      dir,
      safeStorage: new FakeSafeStorage(),
      platform: 'linux',
    });
    expect(await store.load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });
});
