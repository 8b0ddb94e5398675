/**
 * Builds the legal module for server.ts: its store on the relay's backend
 * (`legal.sqlite` beside the others, or the shared PostgreSQL database), and
 * the few relay parts it needs (stored states, the room registry's write path
 * for editing a space index, the auditor).
 */
import * as Y from 'yjs';
import type { Auditor } from '../audit/auditor.ts';
import type { DocRegistry } from '../docs/registry.ts';
import type { RoomPeer } from '../docs/room.ts';
import { storedState, type NoteHistory } from '../history/history.ts';
import type { Logger } from '../log.ts';
import type { SpaceStore } from '../spaces/types.ts';
import type { DocStorage } from '../storage/types.ts';
import { LegalService } from './service.ts';
import { SqlLegalStore, sqliteRunner } from './sql-store.ts';
import type { LegalStore } from './types.ts';

export interface LegalWiring {
  /** A store opened elsewhere (PostgreSQL), or the data directory of `legal.sqlite`. */
  readonly store: LegalStore | { readonly dataDir: string };
  readonly storage: DocStorage;
  readonly spaces: SpaceStore;
  readonly history: NoteHistory;
  readonly auditor: Auditor;
  readonly now: () => number;
  readonly log: Logger;
}

/** The relay itself as a writer: no connection to answer, no person behind it. */
const RELAY_PEER: RoomPeer = {
  send: () => undefined,
  fail: () => undefined,
};

/** The legal service; `attach` gives it the registry once the relay has built one. */
export function createLegal(options: LegalWiring): {
  legal: LegalService;
  attach: (registry: DocRegistry) => void;
} {
  const store =
    'dataDir' in options.store
      ? new SqlLegalStore(sqliteRunner(options.store.dataDir))
      : options.store;
  let registry: DocRegistry | null = null;
  const legal = new LegalService(store, {
    spaces: options.spaces,
    storage: options.storage,
    history: options.history,
    loadState: (room) => storedState(options.storage, room, options.log),
    inUse: (room) => registry?.loaded(room) != null,
    editDoc: async (room, change) => {
      if (registry === null) throw new Error('legal: no registry attached');
      const live = await registry.acquire(room);
      try {
        // The change is made on a copy and committed as any writer's update
        // would be: stored, then sent to every connected client.
        const scratch = new Y.Doc();
        Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live.doc));
        const updates: Uint8Array[] = [];
        scratch.on('update', (update: Uint8Array) => updates.push(update));
        scratch.transact(() => {
          change(scratch);
        });
        scratch.destroy();
        if (updates.length > 0) live.commitUpdate(RELAY_PEER, Y.mergeUpdates(updates), null);
        await live.flush();
      } finally {
        registry.release(live);
      }
    },
    audit: (input) => {
      options.auditor.record(input);
    },
    now: options.now,
    log: options.log,
  });
  return {
    legal,
    attach: (r) => {
      registry = r;
    },
  };
}
