/**
 * Hears of every stored update (a storage wrapper, as the legal journal and
 * version history use) and keeps two things current off the update path:
 * - edit counts per note per person: counted in memory, written as one
 *   upsert per note per person every `flushMs` (never a row per keystroke);
 * - each note's text and comment counts: `indexDelayMs` after a note's last
 *   update, its document is read once (the loaded room's, else the stored
 *   state) and its title, text and comments per author are stored.
 * Failures are logged, never thrown at the room: the update itself is stored.
 */
import * as Y from 'yjs';
import { listThreads } from '../../shared/comments/index.ts';
import { textFromNoteDoc } from '../../shared/search/index.ts';
import { parseRoomName, SPACE_INDEX_DOC_ID } from '../../shared/wire.ts';
import { errorMessage, type Logger } from '../log.ts';
import { passThrough } from '../storage/pass-through.ts';
import type { AppendMeta, DocStorage } from '../storage/types.ts';
import type { EditTally, KnowledgeStore } from './types.ts';

export interface RecorderOptions {
  readonly store: KnowledgeStore;
  /** The encoded state of a room: the loaded document's, else what storage holds; null when empty. */
  readonly readState: (room: string) => Promise<Uint8Array | null>;
  readonly now: () => number;
  readonly log: Logger;
  /** How long edit counts gather in memory before one batched write. */
  readonly flushMs: number;
  /** Quiet time after a note's last update before its text is indexed again. */
  readonly indexDelayMs: number;
}

interface Tally {
  spaceId: string;
  docId: string;
  person: string;
  edits: number;
  firstAt: number;
  lastAt: number;
}

export class KnowledgeRecorder {
  readonly #o: RecorderOptions;
  #tallies = new Map<string, Tally>();
  #flushTimer: NodeJS.Timeout | null = null;
  readonly #dirty = new Map<string, NodeJS.Timeout>();
  #writing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: RecorderOptions) {
    this.#o = options;
  }

  /** `storage` with every successful append of a note counted and scheduled for indexing. */
  watch(storage: DocStorage): DocStorage {
    const heard = (room: string, meta: AppendMeta | undefined): void => {
      this.#heard(room, meta);
    };
    const forget = (spaceId: string, docId: string | null): void => {
      this.#enqueue(() => this.#o.store.forget(spaceId, docId, this.#o.now()));
    };
    const bound = passThrough(storage);
    return {
      ...bound,
      // A purged note or deleted space leaves nothing searchable behind.
      ...(bound.purgeRoom === undefined
        ? {}
        : {
            purgeRoom: async (room: string, keep: 'state' | 'nothing') => {
              await bound.purgeRoom?.(room, keep);
              const name = parseRoomName(room);
              // Keeping the state keeps the note (only its past goes): its current text stays indexed.
              if (name !== null && keep === 'nothing') forget(name.spaceId, name.docId);
            },
          }),
      ...(bound.deleteSpace === undefined
        ? {}
        : {
            deleteSpace: async (spaceId: string) => {
              await bound.deleteSpace?.(spaceId);
              forget(spaceId, null);
            },
          }),
      appendUpdate: (room, update, meta) => {
        const seq = storage.appendUpdate(room, update, meta);
        if (typeof seq === 'number') {
          heard(room, meta);
          return seq;
        }
        return seq.then((stored) => {
          heard(room, meta);
          return stored;
        });
      },
    };
  }

  /** Writes every pending count and indexes every pending note now (tests, shutdown). */
  async flush(): Promise<void> {
    const rooms = [...this.#dirty.keys()];
    for (const timer of this.#dirty.values()) clearTimeout(timer);
    this.#dirty.clear();
    this.#writeTallies();
    for (const room of rooms) this.#enqueue(() => this.#index(room));
    await this.#writing;
  }

  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
  }

  #heard(room: string, meta: AppendMeta | undefined): void {
    if (this.#closed) return;
    const name = parseRoomName(room);
    if (name === null || name.docId === SPACE_INDEX_DOC_ID) return;
    const at = meta?.at ?? this.#o.now();
    const person = meta?.by ?? null;
    if (person !== null) {
      const key = `${room}\n${person}`;
      const tally = this.#tallies.get(key);
      if (tally === undefined) {
        this.#tallies.set(key, { ...name, person, edits: 1, firstAt: at, lastAt: at });
      } else {
        tally.edits += 1;
        tally.lastAt = Math.max(tally.lastAt, at);
      }
      this.#flushTimer ??= setTimeout(() => {
        this.#writeTallies();
      }, this.#o.flushMs);
      this.#flushTimer.unref();
    }
    const previous = this.#dirty.get(room);
    if (previous !== undefined) clearTimeout(previous);
    const timer = setTimeout(() => {
      this.#dirty.delete(room);
      this.#enqueue(() => this.#index(room));
    }, this.#o.indexDelayMs);
    timer.unref();
    this.#dirty.set(room, timer);
  }

  #writeTallies(): void {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    if (this.#tallies.size === 0) return;
    const batch: EditTally[] = [...this.#tallies.values()];
    this.#tallies = new Map();
    this.#enqueue(() => this.#o.store.addEdits(batch));
  }

  /** Runs jobs one after another, so counts and texts are written in order. */
  #enqueue(job: () => Promise<void>): void {
    this.#writing = this.#writing.then(async () => {
      try {
        await job();
      } catch (err) {
        this.#o.log.error('knowledge index write failed', { error: errorMessage(err) });
      }
    });
  }

  async #index(room: string): Promise<void> {
    const name = parseRoomName(room);
    if (name === null) return;
    const state = await this.#o.readState(room);
    if (state === null) return;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const { title, text } = textFromNoteDoc(doc);
      const comments = new Map<string, number>();
      for (const thread of listThreads(doc).threads) {
        for (const message of thread.messages) {
          comments.set(message.author, (comments.get(message.author) ?? 0) + 1);
        }
      }
      await this.#o.store.putText({ ...name, title, text, updatedAt: this.#o.now() });
      await this.#o.store.setComments(name.spaceId, name.docId, comments);
    } finally {
      doc.destroy();
    }
  }
}
