/**
 * Builds the knowledge module for server.ts: its store on the relay's
 * backend (`knowledge.sqlite` beside the others, or the shared PostgreSQL
 * database), the recorder that watches stored updates, the in-memory text
 * index and the service the REST routes call.
 */
import type { Logger } from '../log.ts';
import type { Authorizer } from '../pipeline/auth.ts';
import type { SpaceStore } from '../spaces/types.ts';
import { KnowledgeRecorder } from './recorder.ts';
import { knowledgeSqlite } from './runner.ts';
import { KnowledgeService } from './service.ts';
import { SqlKnowledgeStore } from './sql-store.ts';
import { NoteTextIndex } from './text-index.ts';
import type { KnowledgeStore } from './types.ts';

/** What a deployment tunes (relay CLI `--expert-finder-default`, tests). */
export interface KnowledgeOptions {
  /** Whether people who never chose appear in the expert finder; false by default. */
  readonly expertDefaultOptIn?: boolean;
  /** Quiet time after a note's last update before it is indexed again; 2 s by default. */
  readonly indexDelayMs?: number;
  /** How long edit counts gather before one batched write; 1 s by default. */
  readonly flushMs?: number;
}

export const DEFAULT_INDEX_DELAY_MS = 2_000;
export const DEFAULT_FLUSH_MS = 1_000;

export interface KnowledgeWiring {
  /** A store opened elsewhere (PostgreSQL), or the data directory of `knowledge.sqlite`. */
  readonly store: KnowledgeStore | { readonly dataDir: string };
  readonly options: KnowledgeOptions | undefined;
  readonly spaces: SpaceStore;
  readonly authorizer: Authorizer;
  readonly readState: (room: string) => Promise<Uint8Array | null>;
  readonly now: () => number;
  readonly log: Logger;
}

export interface Knowledge {
  readonly service: KnowledgeService;
  readonly recorder: KnowledgeRecorder;
  /** Writes what is pending, then closes a store opened here. */
  close(): Promise<void>;
}

export function openKnowledge(w: KnowledgeWiring): Knowledge {
  const own = 'dataDir' in w.store;
  const store =
    'dataDir' in w.store ? new SqlKnowledgeStore(knowledgeSqlite(w.store.dataDir)) : w.store;
  const recorder = new KnowledgeRecorder({
    store,
    readState: w.readState,
    now: w.now,
    log: w.log,
    flushMs: w.options?.flushMs ?? DEFAULT_FLUSH_MS,
    indexDelayMs: w.options?.indexDelayMs ?? DEFAULT_INDEX_DELAY_MS,
  });
  const service = new KnowledgeService({
    store,
    index: new NoteTextIndex(store),
    spaces: w.spaces,
    authorizer: w.authorizer,
    defaultOptIn: w.options?.expertDefaultOptIn ?? false,
    now: w.now,
  });
  return {
    service,
    recorder,
    close: async () => {
      await recorder.close();
      if (own) await store.close();
    },
  };
}
