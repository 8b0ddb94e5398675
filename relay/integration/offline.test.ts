// Edits made while the relay is down (by two
// clients, on the same note, on different notes, and new pages in the space
// index) all arrive once it is back; a client killed while offline finds its
// edits in its local store (y-indexeddb, here on fake-indexeddb) when it
// starts again offline, and they reach the relay when it returns.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { openSpaceIndex, type SpaceIndex } from '../../shared/space-index/index.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import { connectClient, synced, tempDataDir, type TestClient } from './helpers.ts';
import { Replica, RestartableRelay, snapshot } from './offline-helpers.ts';

const SPACE = 'team';
const replicas: Replica[] = [];
const clients: TestClient[] = [];
let relay: RestartableRelay | null = null;
let cleanup: (() => void) | null = null;

afterEach(async () => {
  for (const r of replicas.splice(0)) r.kill();
  for (const c of clients.splice(0)) c.destroy();
  await relay?.stop();
  relay = null;
  cleanup?.();
  cleanup = null;
});

async function startRelay(): Promise<RestartableRelay> {
  const data = tempDataDir();
  cleanup = data.cleanup;
  relay = new RestartableRelay(data.dir);
  await relay.start();
  return relay;
}

function replica(name: string, r: RestartableRelay, options = {}): Replica {
  const made = new Replica(name, () => r.wsUrl, SPACE, options);
  replicas.push(made);
  return made;
}

function index(replica: Replica): SpaceIndex {
  return openSpaceIndex(replica.doc('index'), { userId: replica.name });
}

/** What the relay stored for `docId`, read from its database once it is stopped. */
async function storedDoc(r: RestartableRelay, docId: string): Promise<Y.Doc> {
  const storage = new SqliteStorage({ dataDir: r.dataDir });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates([...storage.loadDoc(`${SPACE}/${docId}`).updates]));
  await storage.close();
  return doc;
}

describe('offline edits', () => {
  it('two clients edit the same note and different notes and create pages with the relay down; nothing is lost', async () => {
    const r = await startRelay();
    const ada = replica('ada', r);
    const bob = replica('bob', r);
    for (const person of [ada, bob]) {
      await person.open('index');
      await person.open('shared');
    }
    ada.doc('shared').getText('body').insert(0, 'Agenda.');
    await expect.poll(() => ada.synced() && bob.synced()).toBe(true);
    await expect.poll(() => bob.doc('shared').getText('body').toJSON()).toBe('Agenda.');

    await r.stop();
    // Same note, both ends of it.
    ada.doc('shared').getText('body').insert(0, 'ADA-1 ');
    bob.doc('shared').getText('body').insert(7, ' BOB-1');
    // Different notes, each new, each with a page in the index.
    index(ada).create({ id: 'ada-note', title: 'Ada’s note', parentId: null });
    (await ada.open('ada-note')).getText('body').insert(0, 'ADA-2');
    index(bob).create({ id: 'bob-note', title: 'Bob’s note', parentId: null });
    (await bob.open('bob-note')).getText('body').insert(0, 'BOB-2');
    index(bob).create({ id: 'bob-child', title: 'Under Ada’s?', parentId: null });
    expect(ada.synced()).toBe(false);

    await r.start();
    await expect.poll(() => ada.synced() && bob.synced(), { timeout: 10_000 }).toBe(true);
    // Each learns of the other's note from the index and opens it (background sync does this).
    await expect.poll(() => index(ada).get('bob-note')?.title).toBe('Bob’s note');
    await expect.poll(() => index(bob).get('ada-note')?.title).toBe('Ada’s note');
    await ada.open('bob-note');
    await bob.open('ada-note');
    const docIds = ['index', 'shared', 'ada-note', 'bob-note'];
    await vi.waitFor(
      () => {
        expect(docIds.map((id) => snapshot(ada.doc(id)))).toEqual(
          docIds.map((id) => snapshot(bob.doc(id))),
        );
      },
      { timeout: 10_000, interval: 20 },
    );

    const shared = ada.doc('shared').getText('body').toJSON();
    expect(shared).toContain('ADA-1 ');
    expect(shared).toContain(' BOB-1');
    expect(shared).toContain('Agenda');
    expect(ada.doc('ada-note').getText('body').toJSON()).toBe('ADA-2');
    expect(ada.doc('bob-note').getText('body').toJSON()).toBe('BOB-2');
    expect(
      index(ada)
        .tree()
        .map((n) => n.page.id)
        .sort(),
    ).toEqual(['ada-note', 'bob-child', 'bob-note']);
    // And the relay stored all of it.
    await r.stop();
    for (const id of docIds) {
      expect(snapshot(await storedDoc(r, id)), id).toEqual(snapshot(ada.doc(id)));
    }
  });

  it('a client killed while offline restarts offline with its edits, which reach the relay once it is back', async () => {
    const r = await startRelay();
    const first = replica('carol', r, { localStore: true });
    await first.open('note');
    first.doc('note').getText('body').insert(0, 'online. ');
    await expect.poll(() => first.synced()).toBe(true);

    await r.stop();
    first.doc('note').getText('body').insert(8, 'offline edit. ');
    await first.open('new-note');
    first.doc('new-note').getText('body').insert(0, 'written offline');
    // y-indexeddb writes each update as it happens; give those writes their turn, then kill.
    await expect
      .poll(async () => {
        const probe = new Replica('carol', () => r.wsUrl, SPACE, {
          localStore: true,
          offline: true,
        });
        const text = (await probe.open('new-note')).getText('body').toJSON();
        probe.kill();
        return text;
      })
      .toBe('written offline');
    first.kill();

    // Restarted with the relay still down: the local store has everything.
    const again = replica('carol', r, { localStore: true });
    await again.open('note');
    await again.open('new-note');
    expect(again.online).toBe(true); // trying, but the relay is down
    expect(again.synced()).toBe(false);
    expect(again.doc('note').getText('body').toJSON()).toBe('online. offline edit. ');
    expect(again.doc('new-note').getText('body').toJSON()).toBe('written offline');

    await r.start();
    await expect.poll(() => again.synced(), { timeout: 10_000 }).toBe(true);
    const handle = r.running;
    if (handle === null) throw new Error('relay not running');
    const witness = connectClient(handle.wsUrl, `${SPACE}/new-note`);
    clients.push(witness);
    await synced(witness);
    await expect.poll(() => witness.text.toJSON()).toBe('written offline');
    await r.stop();
    expect((await storedDoc(r, 'note')).getText('body').toJSON()).toBe('online. offline edit. ');
    expect((await storedDoc(r, 'new-note')).getText('body').toJSON()).toBe('written offline');
  });
});
