import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../shared/auth.ts';
import { CloseCode, PERSON_REMOVED_REASON, WIPED_REASON } from '../../../shared/wire.ts';
import { LAST_REFRESH_KEY } from '../../auth/grace-clock.ts';
import { SESSION_KEY, SIGNED_OUT_KEY } from '../../auth/token-set.ts';
import { lookedKey } from '../home/last-looked.ts';
import { inboxStorageKey } from '../inbox/inbox-service.ts';
import { pendingFilesDbName } from '../images/pending-files.ts';
import { searchDbName } from '../../search/snapshot-store.ts';
import { createAppStore, INITIAL_ROOM_STATUS } from '../../store/index.ts';
import { spacesCacheKey } from '../../store/spaces-cache.ts';
import { knownDocsKey } from '../../sync/known-docs.ts';
import { localDbName } from '../../sync/local-store.ts';
import { LAST_EXPIRY_KEY } from '../grace/index.ts';
import { createWipeService, PENDING_WIPE_KEY } from './index.ts';

const persistence = { refreshTokenPersisted: true };
const signedIn: SessionState = {
  status: 'signed-in',
  profile: { sub: 'emp-1001', name: 'Ada Lovelace' },
  accessTokenExpiresAt: 9_999_999_999_999,
  persistence,
};

/** Every database the app makes, named by the modules that make them. */
const APP_DATABASES = [
  localDbName('emp-1001', 'space-a/note-1'),
  localDbName('emp-1001', 'space-a/index'),
  localDbName('emp-2002', 'space-b/note-9'), // another person who used this profile
  searchDbName('emp-1001'),
  pendingFilesDbName('emp-1001'),
];

/** Storage keys of the app (tokens, journal, caches, clocks), named by their modules. */
const APP_KEYS = [
  SESSION_KEY,
  LAST_REFRESH_KEY,
  LAST_EXPIRY_KEY,
  knownDocsKey('emp-1001'),
  inboxStorageKey('emp-1001'),
  spacesCacheKey('emp-1001'),
  lookedKey('emp-1001'),
  `${localDbName('emp-1001', 'space-a/note-1')}#journal:1:0`,
];

function seedDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('updates');
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => {
      reject(request.error ?? new Error('open failed'));
    };
  });
}

async function rig() {
  const factory = new IDBFactory();
  for (const name of [...APP_DATABASES, 'another-app']) await seedDatabase(factory, name);
  localStorage.clear();
  sessionStorage.clear();
  for (const key of APP_KEYS) localStorage.setItem(key, 'x');
  sessionStorage.setItem(SESSION_KEY, 'tokens');
  localStorage.setItem('another-app.key', 'kept');
  const store = createAppStore();
  store.getState().setSession(signedIn);
  const host = {
    signOut: vi.fn(() => {
      const next: SessionState = { status: 'signed-out', persistence };
      store.getState().setSession(next);
      return Promise.resolve(next);
    }),
  };
  const wipe = createWipeService({
    host,
    store,
    targets: { indexedDB: factory, storages: [localStorage, sessionStorage] },
    marker: localStorage,
    keep: [{ storage: sessionStorage, key: SIGNED_OUT_KEY }],
  });
  const names = async () => (await factory.databases()).map((d) => d.name).sort();
  return { factory, store, host, wipe, names };
}

function closeRoom(store: ReturnType<typeof createAppStore>, code: number, reason: string) {
  store.setState({ rooms: { 's/d': { ...INITIAL_ROOM_STATUS, closed: { code, reason } } } });
}

function storedKeys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').sort();
}

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('wipe service', () => {
  it('on the relay’s wipe close erases every app database and storage key, signs out and says why', async () => {
    const { store, host, wipe, names } = await rig();
    wipe.watch();
    closeRoom(store, CloseCode.Wiped, WIPED_REASON);
    await vi.waitFor(async () => {
      expect(await names()).toEqual(['another-app']);
    });
    expect(host.signOut).toHaveBeenCalledOnce();
    expect(storedKeys(localStorage)).toEqual(['another-app.key']);
    expect(storedKeys(sessionStorage)).toEqual([]);
    expect(store.getState().session).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('withdrew this laptop’s copy') as string,
    });
  });

  it('acts on "person removed" but not on an ordinary refusal of one room', async () => {
    const { store, host, wipe, names } = await rig();
    wipe.watch();
    closeRoom(store, CloseCode.Forbidden, 'not a member of this space');
    // Nothing happens synchronously or later: the store subscription returned without acting.
    expect(host.signOut).not.toHaveBeenCalled();
    expect(await names()).toHaveLength(APP_DATABASES.length + 1);
    closeRoom(store, CloseCode.Forbidden, PERSON_REMOVED_REASON);
    await vi.waitFor(async () => {
      expect(await names()).toEqual(['another-app']);
    });
    expect(store.getState().session).toMatchObject({
      reason: expect.stringContaining('removed your access') as string,
    });
  });

  it('erases when the IdP refuses the session for good, not when it merely failed', async () => {
    const { store, host, wipe, names } = await rig();
    wipe.watch();
    store.getState().setSession({ status: 'error', reason: 'Sign-in failed', persistence });
    expect(host.signOut).not.toHaveBeenCalled();
    store.getState().setSession({
      status: 'error',
      reason: 'Your session ended. Please sign in again.',
      refused: true,
      persistence,
    });
    await vi.waitFor(async () => {
      expect(await names()).toEqual(['another-app']);
    });
    expect(host.signOut).toHaveBeenCalledOnce();
  });

  it('signs out keeping the copy unless the person ticked the box', async () => {
    const kept = await rig();
    await kept.wipe.signOut(false);
    expect(kept.host.signOut).toHaveBeenCalledOnce();
    expect(await kept.names()).toHaveLength(APP_DATABASES.length + 1);

    const removed = await rig();
    // The web session marks a sign-out so the next sign-in asks the IdP for a login.
    removed.host.signOut.mockImplementationOnce(() => {
      sessionStorage.setItem(SIGNED_OUT_KEY, 'true');
      const next: SessionState = { status: 'signed-out', persistence };
      removed.store.getState().setSession(next);
      return Promise.resolve(next);
    });
    await removed.wipe.signOut(true);
    expect(removed.host.signOut).toHaveBeenCalledOnce();
    expect(await removed.names()).toEqual(['another-app']);
    expect(storedKeys(localStorage)).toEqual(['another-app.key']);
    expect(storedKeys(sessionStorage)).toEqual([SIGNED_OUT_KEY]);
    // The person asked for it: the sign-in screen shows no alarm.
    expect(removed.store.getState().session?.status).toBe('signed-out');
  });

  it('finishes a wipe an earlier run left unfinished, before anything opens', async () => {
    const { store, host, wipe, names } = await rig();
    localStorage.setItem(PENDING_WIPE_KEY, 'personRemoved');
    expect(await wipe.resume()).toBe(true);
    expect(host.signOut).toHaveBeenCalledOnce();
    expect(await names()).toEqual(['another-app']);
    expect(localStorage.getItem(PENDING_WIPE_KEY)).toBeNull();
    // Boot applies the host's signed-out state, then watch() tells the person why.
    store.getState().setSession({ status: 'signed-out', persistence });
    wipe.watch();
    expect(store.getState().session).toMatchObject({ status: 'error' });
  });

  it('does nothing at start when no wipe is pending', async () => {
    const { host, wipe } = await rig();
    expect(await wipe.resume()).toBe(false);
    expect(host.signOut).not.toHaveBeenCalled();
  });
});
