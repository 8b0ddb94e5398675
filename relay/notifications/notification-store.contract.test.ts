/**
 * The notification store's contract (idempotent insert, list and filters,
 * read state, settings, due items), run against SQLite and PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendTitle, databaseBackends, type DatabaseLocation } from '../db/test-databases.ts';
import type { RelayStores } from '../db/stores.ts';
import type { NewNotification } from './types.ts';

function event(recipient: string, key: string, at: number): NewNotification {
  return {
    recipient,
    kind: key.startsWith('space') ? 'space.added' : 'action_item.assigned',
    eventKey: key,
    spaceId: 's1',
    noteId: key.startsWith('space') ? null : 'n1',
    targetId: 'i1',
    actor: 'ada',
    createdAt: at,
  };
}

for (const backend of databaseBackends()) {
  const suite = backend.unavailable === null ? describe : describe.skip;
  suite(backendTitle(backend, 'NotificationStore'), () => {
    beforeAll(() => backend.setUp(), 60_000);
    afterAll(() => backend.tearDown());
    const open: RelayStores[] = [];
    afterEach(async () => {
      for (const stores of open.splice(0)) await stores.close();
    });
    let location: DatabaseLocation;
    async function reopen(): Promise<RelayStores> {
      const stores = await location.open();
      open.push(stores);
      return stores;
    }

    it('records each (recipient, event) once, also after a reopen', async () => {
      location = await backend.location();
      const first = (await reopen()).notifications;
      expect(await first.insert(event('grace', 'assigned:a', 1), 'id1')).not.toBeNull();
      expect(await first.insert(event('grace', 'assigned:a', 2), 'id2')).toBeNull();
      // Another recipient of the same event gets their own.
      expect(await first.insert(event('alan', 'assigned:a', 3), 'id3')).not.toBeNull();
      await open[0]?.close();
      open.splice(0);
      const again = (await reopen()).notifications;
      expect(await again.insert(event('grace', 'assigned:a', 4), 'id4')).toBeNull();
      const listed = await again.list('grace', { limit: 10 });
      expect(listed.map((n) => n.id)).toEqual(['id1']);
      expect(listed[0]).toMatchObject({ kind: 'action_item.assigned', noteId: 'n1', readAt: null });
    });

    it('lists newest first with filters and keeps read state per recipient', async () => {
      location = await backend.location();
      const store = (await reopen()).notifications;
      await store.insert(event('grace', 'assigned:a', 1), 'a');
      await store.insert(event('grace', 'space:s1', 2), 'b');
      await store.insert(event('grace', 'assigned:c', 3), 'c');
      await store.insert(event('alan', 'assigned:d', 4), 'd');
      expect((await store.list('grace', { limit: 10 })).map((n) => n.id)).toEqual(['c', 'b', 'a']);
      expect((await store.list('grace', { limit: 2 })).map((n) => n.id)).toEqual(['c', 'b']);
      expect(
        (await store.list('grace', { kind: 'space.added', limit: 10 })).map((n) => n.id),
      ).toEqual(['b']);
      // Someone else's id is not theirs to mark.
      expect(await store.markRead('grace', ['a', 'd'], 10)).toBe(1);
      expect(await store.markRead('grace', ['a'], 11)).toBe(0);
      expect(await store.unreadCount('grace')).toBe(2);
      expect(await store.unreadCount('alan')).toBe(1);
      expect((await store.list('grace', { unreadOnly: true, limit: 10 })).map((n) => n.id)).toEqual(
        ['c', 'b'],
      );
      expect(await store.markAllRead('grace', 12)).toBe(2);
      expect(await store.unreadCount('grace')).toBe(0);
      expect((await store.list('grace', { limit: 10 })).find((n) => n.id === 'a')?.readAt).toBe(10);
    });

    it('stores settings and the due scan’s items', async () => {
      location = await backend.location();
      const store = (await reopen()).notifications;
      expect(await store.settings('grace')).toEqual({ mutedSpaces: [], mutedNotes: [], dnd: null });
      const settings = {
        mutedSpaces: ['s1'],
        mutedNotes: ['s2/n1'],
        dnd: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' },
      };
      await store.setSettings('grace', settings);
      expect(await store.settings('grace')).toEqual(settings);
      await store.replaceDueItems('s1', 'n1', [
        { spaceId: 's1', noteId: 'n1', itemId: 'i1', assignee: 'grace', due: '2026-01-02' },
        { spaceId: 's1', noteId: 'n1', itemId: 'i2', assignee: 'alan', due: '2026-01-09' },
      ]);
      await store.replaceDueItems('s1', 'n2', [
        { spaceId: 's1', noteId: 'n2', itemId: 'i3', assignee: 'grace', due: '2026-01-01' },
      ]);
      expect((await store.dueBy('2026-01-02')).map((i) => i.itemId)).toEqual(['i3', 'i1']);
      await store.replaceDueItems('s1', 'n2', []);
      expect((await store.dueBy('2026-01-31')).map((i) => i.itemId)).toEqual(['i1', 'i2']);
    });
  });
}
