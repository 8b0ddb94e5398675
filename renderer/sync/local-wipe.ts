/**
 * Erases this machine's copy of the app's data: every IndexedDB database the
 * app made (notes, search index, files outbox: all named `commonplace…`) and
 * every `commonplace…` key in local and session storage (edit journal, saved
 * session and tokens, cached configuration). Used when the organisation
 * withdraws the copy (a wipe, a removed person) and when the person signs out
 * with "remove this laptop's copy".
 *
 * Databases are found with `indexedDB.databases()` rather than from the
 * documents this page happens to know, so notes of a previous session and
 * other people who used this profile go too.
 */
const PREFIX = 'commonplace';

export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  removeItem(key: string): void;
}

export interface EraseTargets {
  readonly indexedDB: IDBFactory;
  readonly storages: readonly StorageLike[];
  /**
   * Erases the keys the host keeps for the encrypted local data
   * (`Host.eraseLocalDataKeys`). Run first: a database whose deletion is
   * blocked is unreadable from then on, even before it is retried.
   */
  readonly eraseKeys?: () => Promise<void>;
}

export interface EraseReport {
  /** The databases deleted. */
  readonly databases: readonly string[];
  /** Databases that could not be deleted (blocked or failed); erasing is retried at the next start. */
  readonly failed: readonly string[];
}

function deleteDatabase(factory: IDBFactory, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => {
      resolve(true);
    };
    request.onerror = () => {
      resolve(false);
    };
    // Blocked: a connection is still open. The deletion completes once it
    // closes (IndexedDB queues it), so success or error still follows.
  });
}

function eraseStorage(storage: StorageLike): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX) === true) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

export async function eraseLocalCopy(targets: EraseTargets): Promise<EraseReport> {
  const keysErased =
    targets.eraseKeys === undefined
      ? true
      : await targets.eraseKeys().then(
          () => true,
          () => false,
        );
  for (const storage of targets.storages) {
    try {
      eraseStorage(storage);
    } catch {
      // Storage disabled: there is nothing in it to erase.
    }
  }
  const infos = await targets.indexedDB.databases();
  const names = infos
    .map((info) => info.name)
    .filter((name): name is string => name?.startsWith(PREFIX) === true);
  const results = await Promise.all(names.map((name) => deleteDatabase(targets.indexedDB, name)));
  return {
    databases: names.filter((_, i) => results[i] === true),
    // Reported like a database that could not go, so the wipe is retried at the next start.
    failed: [
      ...names.filter((_, i) => results[i] !== true),
      ...(keysErased ? [] : ['local data keys']),
    ],
  };
}
