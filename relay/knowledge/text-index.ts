/**
 * The relay's in-memory search index of note texts, kept by each node from
 * the shared store: before each query it catches up with the rows changed
 * since its last look (so updates indexed by another node are found too).
 * The shared search code (shared/search: MiniSearch, the same word folding
 * as the app's local search) does the ranking.
 */
import { createNoteIndex, type NoteHit, type NoteIndex } from '../../shared/search/index.ts';
import type { KnowledgeStore } from './types.ts';

/** Most notes one query considers (the shared index's own cap). */
export const MAX_CANDIDATES = 200;

export class NoteTextIndex {
  readonly #store: KnowledgeStore;
  readonly #index: NoteIndex = createNoteIndex();
  /** Rows dated at or after this are read on the next catch-up. */
  #since = 0;
  #catchingUp: Promise<void> | null = null;
  readonly #spaces = new Map<string, Set<string>>();

  constructor(store: KnowledgeStore) {
    this.#store = store;
  }

  get size(): number {
    return this.#index.size;
  }

  /** Reads what changed since the last catch-up (one at a time; callers share it). */
  catchUp(): Promise<void> {
    this.#catchingUp ??= this.#read().finally(() => {
      this.#catchingUp = null;
    });
    return this.#catchingUp;
  }

  async #read(): Promise<void> {
    const rows = await this.#store.textsSince(this.#since);
    for (const row of rows) {
      if (row.title === '' && row.text === '') {
        this.#index.remove(row.spaceId, row.docId);
        const docs = this.#spaces.get(row.spaceId);
        docs?.delete(row.docId);
        if (docs?.size === 0) this.#spaces.delete(row.spaceId);
      } else {
        this.#index.upsert(row);
        const docs = this.#spaces.get(row.spaceId) ?? new Set<string>();
        docs.add(row.docId);
        this.#spaces.set(row.spaceId, docs);
      }
      // Rows of the same millisecond as the last one may still come: read it again next time.
      this.#since = Math.max(this.#since, row.updatedAt);
    }
  }

  /** The best notes matching `query` among `spaceIds` (all spaces when absent). */
  async search(query: string, limit: number, spaceIds?: Iterable<string>): Promise<NoteHit[]> {
    await this.catchUp();
    return this.#index.search(query, {
      limit: Math.min(limit, MAX_CANDIDATES),
      ...(spaceIds === undefined ? {} : { spaceIds }),
    });
  }

  /** Every space with an indexed note, with one of its notes (for asking whether the caller may read it). */
  spaces(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [spaceId, docs] of this.#spaces) {
      for (const docId of docs) {
        out.set(spaceId, docId);
        break;
      }
    }
    return out;
  }
}
