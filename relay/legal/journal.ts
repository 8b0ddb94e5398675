/**
 * The edit journal: for every stored update of a note, who sent it, when,
 * and what it inserted and deleted (summarise.ts), for per-edit attribution
 * in an eDiscovery export and to know which notes a person edited (legal
 * holds on a person). The relay stores updates merged (compaction), so it
 * keeps this record beside them. Written after the append, off the write
 * path: updates are queued and stored in batches, and a failure is logged,
 * never thrown at the room (the update itself is stored).
 */
import { parseRoomName } from '../../shared/wire.ts';
import { errorMessage, type Logger } from '../log.ts';
import { passThrough } from '../storage/pass-through.ts';
import type { AppendMeta, DocStorage } from '../storage/types.ts';
import { summariseUpdate } from './summarise.ts';
import type { EditRecord, LegalStore } from './types.ts';

interface Pending {
  readonly room: string;
  readonly update: Uint8Array;
  readonly meta: AppendMeta | undefined;
}

export class EditJournal {
  readonly #store: LegalStore;
  readonly #log: Logger;
  readonly #now: () => number;
  #pending: Pending[] = [];
  #writing: Promise<void> = Promise.resolve();
  #scheduled = false;

  constructor(store: LegalStore, log: Logger, now: () => number) {
    this.#store = store;
    this.#log = log;
    this.#now = now;
  }

  /** `storage` with every successful append of a note queued for the journal. */
  watch(storage: DocStorage): DocStorage {
    const note = (room: string, update: Uint8Array, meta: AppendMeta | undefined): void => {
      this.#pending.push({ room, update, meta });
      this.#schedule();
    };
    return passThrough(storage, {
      appendUpdate: (room, update, meta) => {
        const seq = storage.appendUpdate(room, update, meta);
        if (typeof seq === 'number') {
          note(room, update, meta);
          return seq;
        }
        return seq.then((stored) => {
          note(room, update, meta);
          return stored;
        });
      },
    });
  }

  /** Resolves once everything queued so far is stored (tests, exports, purges). */
  async flush(): Promise<void> {
    while (this.#pending.length > 0 || this.#scheduled) {
      this.#writeNow();
      await this.#writing;
    }
    await this.#writing;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#writeNow();
    });
  }

  #writeNow(): void {
    this.#scheduled = false;
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    this.#writing = this.#writing.then(async () => {
      const records: EditRecord[] = [];
      for (const { room, update, meta } of batch) {
        const name = parseRoomName(room);
        if (name === null) continue;
        records.push({
          spaceId: name.spaceId,
          docId: name.docId,
          at: meta?.at ?? this.#now(),
          by: meta?.by ?? null,
          ...summariseUpdate(update),
        });
      }
      try {
        await this.#store.appendEdits(records);
      } catch (err) {
        this.#log.error('edit journal write failed', { error: errorMessage(err) });
      }
    });
  }
}
