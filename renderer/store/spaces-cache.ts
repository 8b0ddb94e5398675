import { z } from 'zod';
import { MySpaceSchema, type MySpace } from '../../shared/api.ts';
import type { AppStore } from './app-store.ts';

/**
 * The last `GET /api/spaces` answer per person, so that the app lists the
 * spaces while offline. Metadata only (ids, names, roles):
 * no token ever goes to localStorage. Keyed by the token's `sub`, so another
 * person on the same machine does not see the list.
 */
export interface CacheStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const CachedSchema = z.object({ spaces: z.array(MySpaceSchema).max(10_000) });

export function spacesCacheKey(sub: string): string {
  return `commonplace.spaces.v1.${encodeURIComponent(sub)}`;
}

/** The cached list, or null (none, unreadable or tampered with). */
export function loadCachedSpaces(storage: CacheStorage, sub: string): MySpace[] | null {
  try {
    const raw = storage.getItem(spacesCacheKey(sub));
    if (raw === null) return null;
    const parsed = CachedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.spaces : null;
  } catch {
    return null;
  }
}

/**
 * Shows the cached list at once (until the relay answers), and saves every
 * list the relay returns. Returns the unsubscribe function.
 */
export function persistSpaces(store: AppStore, storage: CacheStorage, sub: string): () => void {
  const cached = loadCachedSpaces(storage, sub);
  if (cached !== null && store.getState().spaces.items.length === 0) {
    store.getState().patchSpaces({ items: cached });
  }
  return store.subscribe((state, prev) => {
    if (state.spaces.items === prev.spaces.items) return;
    if (state.spaces.status !== 'ready' && state.spaces.items.length === 0) return;
    try {
      storage.setItem(spacesCacheKey(sub), JSON.stringify({ spaces: state.spaces.items }));
    } catch {
      // storage full or disabled: the list is simply not cached
    }
  });
}

/** Where the list is kept when it must not sit in localStorage in plain (sync/sealed-values.ts). */
export interface AsyncCacheStorage {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  /** True where `set` writes to the legacy localStorage itself (plain storage): nothing is moved. */
  readonly inFallback: Promise<boolean>;
}

/**
 * persistSpaces over sealed storage: space names say what a team works on,
 * so with a key they are kept sealed like the notes. A list an earlier
 * version left in localStorage is moved over and removed from there.
 */
export function persistSealedSpaces(
  store: AppStore,
  sealed: AsyncCacheStorage,
  legacy: CacheStorage & { removeItem(key: string): void },
  sub: string,
): () => void {
  const key = spacesCacheKey(sub);
  const life = { stopped: false };
  const parse = (raw: string | null): MySpace[] | null => {
    if (raw === null) return null;
    try {
      const parsed = CachedSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data.spaces : null;
    } catch {
      return null;
    }
  };
  const save = (items: readonly MySpace[]) =>
    sealed.set(key, JSON.stringify({ spaces: items })).catch(() => undefined);
  void (async () => {
    const plain = (await sealed.inFallback.catch(() => true)) ? null : legacy.getItem(key);
    if (plain !== null) {
      const moved = parse(plain);
      if (moved !== null) await save(moved);
      legacy.removeItem(key);
    }
    const cached = parse(await sealed.get(key).catch(() => null));
    if (!life.stopped && cached !== null && store.getState().spaces.items.length === 0) {
      store.getState().patchSpaces({ items: cached });
    }
  })();
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.spaces.items === prev.spaces.items) return;
    if (state.spaces.status !== 'ready' && state.spaces.items.length === 0) return;
    void save(state.spaces.items);
  });
  return () => {
    life.stopped = true;
    unsubscribe();
  };
}
