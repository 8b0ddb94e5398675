/**
 * The knowledge store's contract, run against SQLite and PostgreSQL: edit
 * counts add up per note per person with first and last times kept, comment
 * counts are replaced per note, note texts are read back by time, a purged
 * note or deleted space is forgotten, declared profiles round-trip.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RelayStores } from '../db/stores.ts';
import { backendTitle, databaseBackends } from '../db/test-databases.ts';
import type { KnowledgeStore } from './types.ts';

const S = 'S1';

for (const backend of databaseBackends()) {
  const suite = backend.unavailable === null ? describe : describe.skip;
  suite(backendTitle(backend, 'KnowledgeStore'), () => {
    beforeAll(() => backend.setUp(), 60_000);
    afterAll(() => backend.tearDown());
    const open: RelayStores[] = [];
    afterEach(async () => {
      for (const stores of open.splice(0)) await stores.close();
    });
    async function fresh(): Promise<KnowledgeStore> {
      const stores = await (await backend.location()).open();
      open.push(stores);
      return stores.knowledge;
    }

    it('adds edit counts per note per person, keeping the first and last time', async () => {
      const store = await fresh();
      await store.addEdits([
        { spaceId: S, docId: 'a', person: 'ada', edits: 3, firstAt: 100, lastAt: 200 },
        { spaceId: S, docId: 'a', person: 'grace', edits: 1, firstAt: 150, lastAt: 150 },
      ]);
      await store.addEdits([
        { spaceId: S, docId: 'a', person: 'ada', edits: 2, firstAt: 50, lastAt: 120 },
        { spaceId: S, docId: 'b', person: 'ada', edits: 1, firstAt: 300, lastAt: 300 },
      ]);
      const rows = await store.authorshipOf([{ spaceId: S, docId: 'a' }]);
      expect(rows.sort((x, y) => x.person.localeCompare(y.person))).toEqual([
        { spaceId: S, docId: 'a', person: 'ada', edits: 5, firstAt: 50, lastAt: 200, comments: 0 },
        {
          spaceId: S,
          docId: 'a',
          person: 'grace',
          edits: 1,
          firstAt: 150,
          lastAt: 150,
          comments: 0,
        },
      ]);
      // Another space's note of the same id is not the same note.
      expect(await store.authorshipOf([{ spaceId: 'S2', docId: 'a' }])).toEqual([]);
      expect((await store.notesOf('ada', 10)).map((n) => n.docId)).toEqual(['b', 'a']);
    });

    it('replaces a note’s comment counts, keeping edits', async () => {
      const store = await fresh();
      await store.addEdits([
        { spaceId: S, docId: 'a', person: 'ada', edits: 2, firstAt: 1, lastAt: 2 },
      ]);
      await store.setComments(
        S,
        'a',
        new Map([
          ['ada', 2],
          ['kat', 1],
        ]),
      );
      await store.setComments(S, 'a', new Map([['kat', 3]]));
      const rows = await store.authorshipOf([{ spaceId: S, docId: 'a' }]);
      const by = new Map(rows.map((r) => [r.person, r]));
      expect(by.get('ada')).toMatchObject({ edits: 2, comments: 0 });
      expect(by.get('kat')).toMatchObject({ edits: 0, comments: 3, firstAt: null });
    });

    it('stores note texts, reads changes since a time, forgets purged notes and spaces', async () => {
      const store = await fresh();
      await store.putText({ spaceId: S, docId: 'a', title: 'Alpha', text: 'one', updatedAt: 10 });
      await store.putText({ spaceId: S, docId: 'b', title: 'Beta', text: 'two', updatedAt: 20 });
      await store.putText({ spaceId: 'S2', docId: 'c', title: 'Gamma', text: 'x', updatedAt: 30 });
      await store.putText({ spaceId: S, docId: 'a', title: 'Alpha 2', text: 'uno', updatedAt: 40 });
      expect((await store.textsSince(20)).map((t) => t.title)).toEqual([
        'Beta',
        'Gamma',
        'Alpha 2',
      ]);
      expect(await store.titles([{ spaceId: S, docId: 'a' }])).toEqual(
        new Map([['S1/a', 'Alpha 2']]),
      );
      await store.addEdits([
        { spaceId: S, docId: 'b', person: 'ada', edits: 1, firstAt: 1, lastAt: 1 },
      ]);
      await store.forget(S, 'b', 50);
      expect(await store.authorshipOf([{ spaceId: S, docId: 'b' }])).toEqual([]);
      await store.forget('S2', null, 60);
      const changed = await store.textsSince(50);
      expect(changed.map((t) => [t.docId, t.title, t.text])).toEqual([
        ['b', '', ''],
        ['c', '', ''],
      ]);
    });

    it('keeps declared profiles; lists only those who declared something', async () => {
      const store = await fresh();
      expect(await store.profile('ada')).toBeNull();
      await store.setProfile(
        { person: 'ada', skills: ['Yjs', 'Rust'], askMeAbout: ['CRDTs'], expertOptIn: true },
        1,
      );
      await store.setProfile({ person: 'bob', skills: [], askMeAbout: [], expertOptIn: false }, 1);
      await store.setProfile(
        { person: 'ada', skills: ['Yjs'], askMeAbout: [], expertOptIn: false },
        2,
      );
      expect(await store.profile('ada')).toEqual({
        person: 'ada',
        skills: ['Yjs'],
        askMeAbout: [],
        expertOptIn: false,
      });
      expect((await store.declaredProfiles()).map((p) => p.person)).toEqual(['ada']);
      expect((await store.profiles(['ada', 'bob', 'carl'])).map((p) => p.person).sort()).toEqual([
        'ada',
        'bob',
      ]);
    });
  });
}
