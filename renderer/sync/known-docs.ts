import { fromBase64, toBase64 } from 'lib0/buffer';

/**
 * What the registry remembers about every document of one person between
 * page loads, without opening them: the local state vector when the doc was
 * last open (background sync compares it with the relay's markers)
 * and whether it held changes the relay had not confirmed (such
 * docs are reopened at start so they sync and count truthfully). Metadata
 * only, in localStorage under the person's `sub`; the content stays in
 * IndexedDB.
 */
export interface KnownDocs {
  stateVector(roomKey: string): Uint8Array | null;
  dirtyRooms(): string[];
  /** Every room this person has stored locally (the search index catches up from these). */
  rooms(): string[];
  update(roomKey: string, stateVector: Uint8Array, dirty: boolean): void;
  /** Forgets a room (its note was purged for good). */
  forget(roomKey: string): void;
}

export interface KnownDocsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface Record_ {
  sv: string;
  dirty: boolean;
}

export function knownDocsKey(owner: string): string {
  return `commonplace.docs.v1.${encodeURIComponent(owner)}`;
}

function read(storage: KnownDocsStorage, key: string): Map<string, Record_> {
  const map = new Map<string, Record_>();
  try {
    const raw: unknown = JSON.parse(storage.getItem(key) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return map;
    for (const [room, value] of Object.entries(raw as Record<string, unknown>)) {
      const { sv, dirty } = (value ?? {}) as Partial<Record_>;
      if (typeof sv === 'string' && typeof dirty === 'boolean') map.set(room, { sv, dirty });
    }
  } catch {
    // unreadable: start empty (only an optimisation is lost; the data is in IndexedDB)
  }
  return map;
}

export function createKnownDocs(storage: KnownDocsStorage, owner: string): KnownDocs {
  const key = knownDocsKey(owner);
  const map = read(storage, key);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    try {
      storage.setItem(key, JSON.stringify(Object.fromEntries(map)));
    } catch {
      // storage full: background sync then fetches more than needed, nothing is lost
    }
  };
  return {
    stateVector(roomKey) {
      const record = map.get(roomKey);
      if (!record) return null;
      try {
        return fromBase64(record.sv);
      } catch {
        return null;
      }
    },
    dirtyRooms: () => [...map].filter(([, r]) => r.dirty).map(([room]) => room),
    rooms: () => [...map.keys()],
    forget(roomKey) {
      if (map.delete(roomKey)) save();
    },
    update(roomKey, stateVector, dirty) {
      map.set(roomKey, { sv: toBase64(stateVector), dirty });
      // Dirty flags are written at once (a reload right after an edit must
      // find them); plain state vectors in a batch.
      if (dirty) save();
      else timer ??= setTimeout(save, 500);
    },
  };
}
