import 'fake-indexeddb/auto';
import { toBase64 } from 'lib0/buffer';
import { IndexeddbPersistence } from 'y-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_JOURNALED_BYTES, openEditJournal } from './edit-journal.ts';
import { openLocalStore } from './local-store.ts';

// Real y-indexeddb over fake-indexeddb, real (happy-dom) localStorage.

let counter = 0;
const uniqueName = () => `journal-test/${Date.now()}/${counter++}`;
const never = () => false;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  localStorage.clear();
});

function journalKeys(name: string): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith(`${name}#journal:`));
}

async function storedText(name: string): Promise<string> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  const value = doc.getText('t').toJSON();
  await persistence.destroy();
  return value;
}

describe('edit journal', () => {
  it('journals a local edit synchronously and drops it once IndexedDB has committed it', async () => {
    const name = uniqueName();
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(name, doc);
    cleanups.push(() => persistence.destroy());
    const journal = openEditJournal(name, doc, persistence, {
      storage: localStorage,
      isRemote: never,
    });
    await persistence.whenSynced;

    doc.getText('t').insert(0, 'hello');
    // Before any await: the edit is already in localStorage.
    expect(journalKeys(name)).toHaveLength(1);
    expect(journal.size()).toBe(1);

    await journal.settled();
    expect(journalKeys(name)).toEqual([]);
    expect(await storedText(name)).toBe('hello');
  });

  it('replays an edit IndexedDB never received (a reload aborted its write), and stores it', async () => {
    const name = uniqueName();
    // What a tab that reloaded mid-write left behind: the edit in the journal only.
    const lost = new Y.Doc();
    lost.getText('t').insert(0, 'written on the plane');
    localStorage.setItem(
      `${name}#journal:${lost.clientID}:0`,
      toBase64(Y.encodeStateAsUpdate(lost)),
    );
    expect(await storedText(name)).toBe('');

    const doc = new Y.Doc();
    const local = openLocalStore(name, doc, { storage: localStorage, isRemote: never });
    cleanups.push(() => local.destroy());
    await local.loaded;
    expect(doc.getText('t').toJSON()).toBe('written on the plane');
    await expect.poll(() => journalKeys(name)).toEqual([]);
    expect(await storedText(name)).toBe('written on the plane');
  });

  it('leaves remote updates and oversized pastes to IndexedDB alone', async () => {
    const name = uniqueName();
    const doc = new Y.Doc();
    const relay = { name: 'relay connection' };
    const local = openLocalStore(name, doc, {
      storage: localStorage,
      isRemote: (origin) => origin === relay,
    });
    cleanups.push(() => local.destroy());
    await local.loaded;

    const remote = new Y.Doc();
    remote.getText('t').insert(0, 'from the relay');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), relay);
    doc.getText('t').insert(0, 'x'.repeat(MAX_JOURNALED_BYTES + 1));
    expect(journalKeys(name)).toEqual([]);
  });
});
