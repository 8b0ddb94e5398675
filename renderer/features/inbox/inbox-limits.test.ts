import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { parseInboxState } from '../../../shared/mentions/index.ts';
import type { RoomName } from '../../../shared/wire.ts';
import { createInboxService, INBOX_READ_CONCURRENCY, inboxStorageKey } from './index.ts';

const ADA = 'emp-ada';

function noteMentioningAda(mentions: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < mentions; i += 1) {
    const m = new Y.XmlElement('mention');
    m.setAttribute('id', ADA);
    m.setAttribute('label', 'Ada Lovelace');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Ask '), m]);
    doc.getXmlFragment('body').push([p]);
  }
  return doc;
}

/**
 * A FAKE doc registry whose local reads wait until the test releases them,
 * and which counts the notes open at once (read and not yet destroyed).
 */
function slowRegistry(notes: number, mentionsPerNote = 1) {
  const rooms = Array.from({ length: notes }, (_, i) => `team/note${String(i)}`);
  const waiting: (() => void)[] = [];
  let openNow = 0;
  let maxOpen = 0;
  const registry = {
    knownRooms: () => [...rooms, 'team/index'],
    knownStateVector: () => null,
    observeDocs: () => () => undefined,
    readLocal: (room: RoomName): Promise<Y.Doc> => {
      // The space tree (titles) is not a note: answered at once, not counted.
      if (room.docId === 'index') return Promise.resolve(new Y.Doc());
      openNow += 1;
      maxOpen = Math.max(maxOpen, openNow);
      const doc = noteMentioningAda(mentionsPerNote);
      doc.on('destroy', () => {
        openNow -= 1;
      });
      return new Promise((resolve) => {
        waiting.push(() => {
          resolve(doc);
        });
      });
    },
  };
  return {
    registry,
    waiting,
    openNow: () => openNow,
    maxOpen: () => maxOpen,
    /** Releases every read waiting now, until all notes were read. */
    async drain(service: { items(): readonly unknown[] }, expected: number) {
      while (service.items().length < expected) {
        await vi.waitFor(() => {
          expect(waiting.length > 0 || service.items().length >= expected).toBe(true);
        });
        expect(openNow).toBeLessThanOrEqual(INBOX_READ_CONCURRENCY);
        for (const release of waiting.splice(0)) release();
        await Promise.resolve();
      }
    },
  };
}

function memoryStorage(quota = Infinity) {
  const map = new Map<string, string>();
  let writes = 0;
  return {
    map,
    writes: () => writes,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      writes += 1;
      if (value.length > quota) throw new DOMException('quota exceeded', 'QuotaExceededError');
      map.set(key, value);
    },
  };
}

const host = { notify: () => Promise.resolve() };

describe('inbox refresh reads a few notes at a time', () => {
  it(`never has more than ${String(INBOX_READ_CONCURRENCY)} local notes open at once`, async () => {
    const fake = slowRegistry(13);
    const service = createInboxService({
      registry: fake.registry,
      me: ADA,
      host,
      storage: memoryStorage(),
    });
    const stop = service.start();
    await fake.drain(service, 13);
    expect(service.items()).toHaveLength(13);
    // The pool was used (more than one at a time), and within its bound.
    expect(fake.maxOpen()).toBe(INBOX_READ_CONCURRENCY);
    await vi.waitFor(() => {
      expect(fake.openNow()).toBe(0);
    });
    stop();
  });
});

describe('inbox storage', () => {
  it('caps the stored state (fewer notes) and keeps the seen marks', async () => {
    const fake = slowRegistry(40, 3);
    const storage = memoryStorage();
    const service = createInboxService({
      registry: fake.registry,
      me: ADA,
      host,
      storage,
      maxStoredChars: 1200,
    });
    const stop = service.start();
    await fake.drain(service, 120);
    const first = service.items()[0]?.key ?? '';
    service.markSeen([first]);
    const raw = storage.map.get(inboxStorageKey(ADA)) ?? '';
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.length).toBeLessThanOrEqual(1200);
    const stored = parseInboxState(raw);
    const rooms = Object.keys(stored.indexed);
    expect(rooms.length).toBeGreaterThan(0);
    expect(rooms.length).toBeLessThan(40);
    expect(stored.seen).toEqual([first]);
    stop();
  });

  it('retries smaller when the quota is shared, and says nothing when that works', async () => {
    const fake = slowRegistry(40, 3);
    const storage = memoryStorage(1000);
    const warn = vi.fn();
    const service = createInboxService({
      registry: fake.registry,
      me: ADA,
      host,
      storage,
      maxStoredChars: 3000,
      warn,
    });
    const stop = service.start();
    await fake.drain(service, 120);
    const raw = storage.map.get(inboxStorageKey(ADA)) ?? '';
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.length).toBeLessThanOrEqual(750);
    expect(warn).not.toHaveBeenCalled();
    stop();
  });

  it('logs once when saving fails, however often it fails', async () => {
    const fake = slowRegistry(5);
    const storage = memoryStorage(0);
    const warn = vi.fn();
    const service = createInboxService({ registry: fake.registry, me: ADA, host, storage, warn });
    const stop = service.start();
    await fake.drain(service, 5);
    service.markSeen(service.items().map((item) => item.key));
    expect(storage.writes()).toBeGreaterThan(4);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('QuotaExceededError');
    // Still works in memory.
    expect(service.items().every((item) => !item.unread)).toBe(true);
    stop();
  });
});

describe('inbox start-up', () => {
  it('reads again only the notes that changed since they held no mention of me', async () => {
    // A FAKE registry: two notes without mentions and one with, each with a
    // local state vector the test sets; reads are counted per note.
    const docs: Record<string, Y.Doc> = {
      'team/quiet': new Y.Doc(),
      'team/later': new Y.Doc(),
      'team/busy': noteMentioningAda(1),
    };
    const vectors: Record<string, number> = { 'team/quiet': 1, 'team/later': 1, 'team/busy': 1 };
    const reads: string[] = [];
    const registry = {
      knownRooms: () => Object.keys(docs),
      observeDocs: () => () => undefined,
      knownStateVector: (room: RoomName) => {
        const v = vectors[`${room.spaceId}/${room.docId}`];
        return v === undefined ? null : Uint8Array.of(v);
      },
      readLocal: (room: RoomName): Promise<Y.Doc> => {
        const key = `${room.spaceId}/${room.docId}`;
        // The space tree (page titles) is read too; only notes are counted.
        if (room.docId !== 'index') reads.push(key);
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(docs[key] ?? new Y.Doc()));
        return Promise.resolve(copy);
      },
    };
    const storage = memoryStorage();
    const startOnce = async () => {
      const service = createInboxService({ registry, me: ADA, host, storage });
      const stop = service.start();
      await vi.waitFor(() => {
        expect(service.items()).toHaveLength(1);
      });
      await vi.waitFor(() => {
        expect(parseInboxState(storage.map.get(inboxStorageKey(ADA)) ?? null).quiet).toEqual({
          'team/quiet': 'AQ==',
          'team/later': vectors['team/later'] === 1 ? 'AQ==' : 'Ag==',
        });
      });
      stop();
    };

    await startOnce();
    expect(reads.sort()).toEqual(['team/busy', 'team/later', 'team/quiet']);

    // The next start: "later" changed locally meanwhile, the others did not.
    reads.length = 0;
    vectors['team/later'] = 2;
    await startOnce();
    expect(reads.sort()).toEqual(['team/busy', 'team/later']);
  });
});
