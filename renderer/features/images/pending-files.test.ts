import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importLocalKey, type LocalProtection } from '../../sync/index.ts';
import { openPendingFiles, pendingFilesDbName, type PendingFile } from './pending-files.ts';

// Pending images over fake-indexeddb (the browser's IndexedDB API); the stored
// records are then read back raw, as anyone with the profile folder could.

/** A 1×1 PNG: the image whose bytes must not be found at rest. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

function randomKeyBase64(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
}

async function encrypted(): Promise<LocalProtection> {
  return { kind: 'encrypted', key: await importLocalKey(randomKeyBase64()) };
}

let people = 0;
const person = () => `emp-${String((people += 1))}`;

const file = (spaceId: string): PendingFile => ({
  spaceId,
  fileId: 'sha256-abc',
  contentType: 'image/png',
  bytes: PNG.slice().buffer,
  createdAt: 1_700_000_000_000,
  refused: { status: 403, message: 'no longer an editor', at: 1 },
});

/** Every byte array held anywhere in the records of `name` (raw, as IndexedDB keeps them). */
async function rawBytes(name: string): Promise<Uint8Array[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('open failed'));
    };
  });
  try {
    if (!db.objectStoreNames.contains('pending')) return [];
    const all = await new Promise<unknown[]>((resolve) => {
      const request = db.transaction('pending').objectStore('pending').getAll();
      request.onsuccess = () => {
        resolve(request.result);
      };
    });
    const out: Uint8Array[] = [];
    const walk = (value: unknown): void => {
      if (value instanceof ArrayBuffer) out.push(new Uint8Array(value));
      else if (ArrayBuffer.isView(value)) out.push(new Uint8Array(value.buffer));
      else if (typeof value === 'string') out.push(new TextEncoder().encode(value));
      else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
    };
    all.forEach(walk);
    return out;
  } finally {
    db.close();
  }
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const holdsImage = async (name: string) =>
  (await rawBytes(name)).some((bytes) => contains(bytes, PNG));

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('pending images at rest', () => {
  it('stores the image in plain without a key (the control), so the raw check can see it', async () => {
    const owner = person();
    const files = await openPendingFiles(owner);
    await files.put(file('team'));
    files.close();
    expect(await holdsImage(pendingFilesDbName(owner))).toBe(true);
  });

  it('seals the image with the key: the raw records hold none of its bytes, and it reads back whole', async () => {
    const owner = person();
    const protection = encrypted();
    const files = await openPendingFiles(owner, indexedDB, protection);
    await files.put(file('team'));
    files.close();
    const sealedName = `${pendingFilesDbName(owner)}#sealed`;
    expect((await rawBytes(sealedName)).length).toBeGreaterThan(0);
    expect(await holdsImage(sealedName)).toBe(false);
    expect(await databaseNames()).not.toContain(pendingFilesDbName(owner));

    const again = await openPendingFiles(owner, indexedDB, protection);
    const back = await again.get('team', 'sha256-abc');
    expect(new Uint8Array(back?.bytes ?? new ArrayBuffer(0))).toEqual(PNG);
    expect(back?.refused?.message).toBe('no longer an editor');
    expect((await again.list()).map((f) => f.fileId)).toEqual(['sha256-abc']);
    await again.delete('team', 'sha256-abc');
    expect(await again.list()).toEqual([]);
    again.close();
  });

  it('does not open another key’s images (they are left out, not shown wrongly)', async () => {
    const owner = person();
    const first = await openPendingFiles(owner, indexedDB, encrypted());
    await first.put(file('team'));
    first.close();
    const other = await openPendingFiles(owner, indexedDB, encrypted());
    expect(await other.list()).toEqual([]);
    await expect(other.get('team', 'sha256-abc')).rejects.toThrow(/cannot be decrypted/);
    other.close();
  });

  it('seals images a plain database kept from before the key, then deletes the plain one', async () => {
    const owner = person();
    const plain = await openPendingFiles(owner);
    await plain.put(file('team'));
    plain.close();
    const files = await openPendingFiles(owner, indexedDB, encrypted());
    expect(new Uint8Array((await files.list())[0]?.bytes ?? new ArrayBuffer(0))).toEqual(PNG);
    files.close();
    expect(await databaseNames()).not.toContain(pendingFilesDbName(owner));
    expect(await holdsImage(`${pendingFilesDbName(owner)}#sealed`)).toBe(false);
  });

  it('without a key store any more, uploads plain leftovers from memory and deletes them after the last', async () => {
    const owner = person();
    const plain = await openPendingFiles(owner);
    await plain.put(file('team'));
    plain.close();
    const files = await openPendingFiles(owner, indexedDB, Promise.resolve({ kind: 'none' }));
    expect((await files.list()).map((f) => f.fileId)).toEqual(['sha256-abc']);
    // Kept on disk while it waits: closing the app offline must not lose it.
    expect(await databaseNames()).toContain(pendingFilesDbName(owner));
    await files.delete('team', 'sha256-abc');
    expect(await databaseNames()).not.toContain(pendingFilesDbName(owner));
    files.close();
  });

  it('stores nothing where the host keeps nothing (no key store), yet keeps the image for the page', async () => {
    const owner = person();
    const files = await openPendingFiles(owner, indexedDB, Promise.resolve({ kind: 'none' }));
    await files.put(file('team'));
    expect((await files.get('team', 'sha256-abc'))?.contentType).toBe('image/png');
    files.close();
    expect((await databaseNames()).filter((n) => n.includes(encodeURIComponent(owner)))).toEqual(
      [],
    );
  });
});
