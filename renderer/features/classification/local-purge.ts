/**
 * Deletes this device's copies of online-only spaces: every IndexedDB
 * database of their notes for the signed-in person. A database still open
 * (a note on screen) is deleted once the note closes: IndexedDB queues it.
 */
import { localDatabasesToRemove } from './decisions.ts';

export async function purgeLocalCopies(
  factory: IDBFactory,
  owner: string | null,
  onlineOnly: readonly string[],
): Promise<void> {
  if (owner === null || onlineOnly.length === 0) return;
  const names = (await factory.databases())
    .map((info) => info.name)
    .filter((name): name is string => name !== undefined);
  for (const name of localDatabasesToRemove(names, owner, onlineOnly)) {
    factory.deleteDatabase(name);
  }
}
