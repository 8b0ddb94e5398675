import * as Y from 'yjs';
import type { JournalStorage } from './edit-journal.ts';
import {
  deletePlainNote,
  plainNoteDatabases,
  readPlainNote,
  type DatabaseLister,
} from './seal-plain-notes.ts';

/**
 * Plain notes on a device that may no longer store them: the administrator
 * switched `localDataEncryption` from `preferred` to `required` and the
 * system still has no key store, so nothing can be sealed and nothing may
 * stay on disk in plain (the host now answers `refused`, the store `none`).
 *
 * - A plain note whose every change the relay has confirmed is deleted at
 *   once (`dropSettledPlainNotes`, at sign-in): the relay holds it all.
 * - A plain note with changes the relay may lack is read into the note's
 *   in-memory doc when the note is opened (`releasePlainNote`), and deleted
 *   once its connection has synced those changes with the relay. Edits made
 *   from then on live in memory only, like any edit made under `required`
 *   without a key store, which lasts as long as the window is open.
 */

/** Whether the plain note's small values say the relay holds all of it. */
function settled(meta: ReadonlyMap<string, unknown>, journaled: readonly string[]): boolean {
  if (journaled.length > 0) return false;
  const pending = meta.get('pending');
  if (Array.isArray(pending) && pending.length > 0) return false;
  // Created offline and never synced: the relay has none of it.
  return !(meta.get('createdLocally') === true && meta.get('relaySynced') !== true);
}

/**
 * Deletes every plain note of `owner` that holds nothing the relay lacks;
 * resolves to the names deleted. The others stay until opened.
 */
export async function dropSettledPlainNotes(
  factory: DatabaseLister,
  owner: string,
  journal?: JournalStorage,
): Promise<string[]> {
  const dropped: string[] = [];
  for (const name of await plainNoteDatabases(factory, owner)) {
    try {
      const note = await readPlainNote(factory, name, journal);
      if (note === null) continue;
      note.doc.destroy();
      if (!settled(note.meta, note.journaled)) continue;
      await deletePlainNote(name, note.journaled, journal);
      dropped.push(name);
    } catch {
      // Unreadable now (blocked by another tab): tried again at the next sign-in.
    }
  }
  return dropped;
}

/**
 * Reads the plain note `name` (database and journal) into `doc`, which lives
 * in memory only; resolves to the deletion of the plain copy, for the caller
 * to run once the relay has synced the note. Not deleted here: a note opened
 * on a plane keeps its offline edits on disk until the relay has them.
 */
export async function releasePlainNote(
  factory: DatabaseLister,
  name: string,
  doc: Y.Doc,
  journal?: JournalStorage,
): Promise<() => Promise<void>> {
  const nothing = (): Promise<void> => Promise.resolve();
  try {
    const note = await readPlainNote(factory, name, journal);
    if (note === null) return nothing;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(note.doc));
    note.doc.destroy();
    // Once only (the registry compacts at every sync); a failure leaves the
    // copy, to be tried at the next sync or sign-in.
    let deleted = false;
    return async () => {
      if (deleted) return;
      await deletePlainNote(name, note.journaled, journal);
      deleted = true;
    };
  } catch {
    // The doc loads from the relay as it would without a store.
    return nothing;
  }
}
