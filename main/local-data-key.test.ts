import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDataProtectionSchema } from '../shared/host.ts';
import { FakeSafeStorage, FakeSignInService } from './auth/fakes.ts';
import { APP_ORIGIN } from './config.ts';
import { createIpcHandlers } from './ipc/handlers.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { createLocalDataKeyService, keyFileName } from './local-data-key.ts';
import { FakeApp, FakeIpcMain, fakeInvokeEvent } from './testing/fake-electron.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function setup(safeStorage = new FakeSafeStorage(), platform: NodeJS.Platform = 'linux') {
  const root = await mkdtemp(join(tmpdir(), 'local-keys-'));
  dirs.push(root);
  const dir = join(root, 'local-keys');
  return { dir, service: createLocalDataKeyService({ dir, safeStorage, platform }) };
}

function keyOf(answer: unknown): string {
  const parsed = LocalDataProtectionSchema.parse(answer);
  if (parsed.status !== 'encrypted') throw new Error(`expected a key, got ${parsed.status}`);
  return parsed.key;
}

describe('local data key service', () => {
  it('creates a random 256-bit key per person, stores it only through safeStorage, and returns the same key later', async () => {
    const { dir, service } = await setup();
    const ada = keyOf(await service.get('emp-1001'));
    const bob = keyOf(await service.get('emp-1002'));
    expect(Buffer.from(ada, 'base64')).toHaveLength(32);
    expect(ada).not.toBe(bob);
    const onDisk = await readFile(join(dir, keyFileName('emp-1001')));
    expect(onDisk.subarray(0, 5).toString()).toBe('FAKE1'); // safeStorage's output
    expect(onDisk.toString('latin1')).not.toContain(ada);
    expect((await readdir(dir)).join()).not.toContain('emp-1001'); // the file name is a hash
    // A new service (the next start of the app) reads the same key back.
    const again = createLocalDataKeyService({
      dir,
      safeStorage: new FakeSafeStorage(),
      platform: 'linux',
    });
    expect(keyOf(await again.get('emp-1001'))).toBe(ada);
  });

  it('answers one key to concurrent first requests', async () => {
    const { service } = await setup();
    const answers = await Promise.all([service.get('emp-1'), service.get('emp-1')]);
    expect(keyOf(answers[0])).toBe(keyOf(answers[1]));
  });

  it('refuses (and writes nothing) on Linux without a keyring, and where the OS offers no encryption', async () => {
    const noKeyring = await setup(new FakeSafeStorage({ backend: 'basic_text' }), 'linux');
    expect(await noKeyring.service.get('emp-1')).toEqual({
      status: 'refused',
      reason: 'no-keyring',
    });
    await expect(readdir(noKeyring.dir)).rejects.toThrow(/ENOENT/);
    const none = await setup(new FakeSafeStorage({ available: false }), 'darwin');
    expect(await none.service.get('emp-1')).toEqual({ status: 'refused', reason: 'no-encryption' });
  });

  it('falls back to plain (writing no key) without a key store only where policy prefers it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'local-keys-'));
    dirs.push(root);
    const dir = join(root, 'local-keys');
    let policy: 'required' | 'preferred' = 'preferred';
    const service = createLocalDataKeyService({
      dir,
      safeStorage: new FakeSafeStorage({ backend: 'basic_text' }),
      platform: 'linux',
      encryption: () => policy,
    });
    const answer = await service.get('emp-1');
    expect(LocalDataProtectionSchema.parse(answer)).toEqual({
      status: 'plain',
      fallback: 'no-keyring',
    });
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
    policy = 'required';
    expect(await service.get('emp-1')).toEqual({ status: 'refused', reason: 'no-keyring' });
    // With a key store, `preferred` changes nothing: the data is encrypted.
    const withStore = createLocalDataKeyService({
      dir,
      safeStorage: new FakeSafeStorage(),
      platform: 'linux',
      encryption: () => 'preferred',
    });
    expect(keyOf(await withStore.get('emp-1'))).toHaveLength(44);
  });

  it('replaces a key the keyring can no longer decrypt rather than failing every start', async () => {
    const { dir, service } = await setup();
    const first = keyOf(await service.get('emp-1'));
    await writeFile(join(dir, keyFileName('emp-1')), 'garbage from another keyring');
    const second = keyOf(await service.get('emp-1'));
    expect(second).not.toBe(first);
    expect(keyOf(await service.get('emp-1'))).toBe(second);
  });

  it('erases every key', async () => {
    const { dir, service } = await setup();
    const before = keyOf(await service.get('emp-1'));
    await service.eraseAll();
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
    expect(keyOf(await service.get('emp-1'))).not.toBe(before);
  });
});

describe('app:local-data-key over IPC', () => {
  async function ipc() {
    const { service } = await setup();
    const ipcMain = new FakeIpcMain();
    const handlers = createIpcHandlers({
      app: new FakeApp(),
      relayUrl: 'ws://127.0.0.1:4444',
      signIn: new FakeSignInService(),
      localDataKeys: service,
    });
    registerIpcHandlers(ipcMain, handlers, {
      trustedOrigins: new Set([APP_ORIGIN]),
      log: () => undefined,
    });
    return ipcMain;
  }

  it('answers our main frame with a key and erases on request', async () => {
    const ipcMain = await ipc();
    const key = keyOf(
      await ipcMain.invoke('app:local-data-key', fakeInvokeEvent(), { op: 'get', owner: 'emp-1' }),
    );
    expect(
      await ipcMain.invoke('app:local-data-key', fakeInvokeEvent(), { op: 'erase' }),
    ).toBeNull();
    const next = await ipcMain.invoke('app:local-data-key', fakeInvokeEvent(), {
      op: 'get',
      owner: 'emp-1',
    });
    expect(keyOf(next)).not.toBe(key);
  });

  it('refuses other senders and malformed requests before reaching the service', async () => {
    const ipcMain = await ipc();
    await expect(
      ipcMain.invoke('app:local-data-key', fakeInvokeEvent('https://evil.example/'), {
        op: 'get',
        owner: 'emp-1',
      }),
    ).rejects.toThrow(/not loaded from the app origin/);
    await expect(
      ipcMain.invoke('app:local-data-key', fakeInvokeEvent(), { op: 'get', owner: '' }),
    ).rejects.toThrow(/invalid arguments/);
    await expect(
      ipcMain.invoke('app:local-data-key', fakeInvokeEvent(), { op: 'erase', owner: 'x' }),
    ).rejects.toThrow(/invalid arguments/);
  });

  it('answers refused when main has no key service (nothing is stored unencrypted)', async () => {
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        app: new FakeApp(),
        relayUrl: 'ws://127.0.0.1:4444',
        signIn: new FakeSignInService(),
      }),
      { trustedOrigins: new Set([APP_ORIGIN]), log: () => undefined },
    );
    expect(
      await ipcMain.invoke('app:local-data-key', fakeInvokeEvent(), { op: 'get', owner: 'emp-1' }),
    ).toEqual({ status: 'refused', reason: 'no-encryption' });
  });
});
