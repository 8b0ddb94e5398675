import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { MAX_JOURNALED_BYTES, type EditJournalOptions } from './edit-journal.ts';
import { seal, unseal, type LocalKey } from './local-crypto.ts';

/**
 * The edit journal of an encrypted note (the plain one is edit-journal.ts):
 * each local update is sealed with the person's key and then written to
 * localStorage, removed once the encrypted store has committed it, and
 * replayed on the next opening if it was not.
 *
 * The trade-off: localStorage is synchronous but WebCrypto is not, so an
 * update reaches the journal one AES-GCM call after the keystroke (tens of
 * microseconds for a keystroke) instead of at once. A crash inside that
 * window loses the keystroke; without the journal the window is the whole
 * IndexedDB commit, which a reload or quit aborts. Encrypting synchronously
 * instead would need the key in JavaScript memory (an extractable key and a
 * JavaScript AES), giving up WebCrypto's non-extractable key for a window of
 * microseconds, so it is not done. Nothing in localStorage is readable
 * without the key: the entries are sealed like every IndexedDB record,
 * bound to the note's database name.
 */
export interface SealedJournal {
  /** Entries not yet confirmed by the encrypted store. */
  size(): number;
  /** Resolves once the leftovers of an earlier session are applied (and stored). */
  readonly replayed: Promise<void>;
  destroy(): void;
}

/** The parts of the encrypted store the journal needs (encrypted-persistence.ts). */
export interface SealedStoreLike {
  /** Resolves once every update seen so far is stored. */
  flushed(): Promise<void>;
}

const REPLAY = Symbol('sealed-journal replay');

/** The additional data of a journal entry: it opens only for this note. */
const journalLabel = (name: string) => `${name}\u0000journal`;

/** The journal of `doc` under keys `<name>#sealed-journal:<clientID>:<seq>`. */
export function openSealedJournal(
  name: string,
  doc: Y.Doc,
  store: SealedStoreLike,
  key: LocalKey,
  options: EditJournalOptions,
): SealedJournal {
  const { storage } = options;
  const prefix = `${name}#sealed-journal:`;
  const own = `${prefix}${String(doc.clientID)}:`;
  const label = journalLabel(name);
  const waiting = new Set<string>();
  let seq = 0;
  let destroyed = false;

  /** Removes `k` once the store holds everything queued so far (which includes its update). */
  const confirm = (k: string) => {
    waiting.add(k);
    // Also after destroy: closing the store stores what it queued first.
    void store.flushed().then(() => {
      storage.removeItem(k);
      waiting.delete(k);
    });
  };

  const leftovers: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(prefix) === true) leftovers.push(k);
  }
  const replayed = (async () => {
    for (const k of leftovers) {
      const value = storage.getItem(k);
      try {
        if (value !== null) {
          Y.applyUpdate(doc, await unseal(key, fromBase64(value), label, name), REPLAY);
        }
      } catch {
        // Sealed under another key or corrupt: it cannot be applied, ever; dropped.
      }
      confirm(k);
    }
    await store.flushed();
  })();

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (destroyed || origin === REPLAY || options.isRemote(origin)) return;
    if (update.byteLength > MAX_JOURNALED_BYTES) return;
    const k = `${own}${String(seq++)}`;
    void seal(key, update, label).then((sealed) => {
      try {
        storage.setItem(k, toBase64(sealed));
      } catch {
        return; // quota: the encrypted store alone, as without a journal
      }
      confirm(k);
    });
  };
  doc.on('update', onUpdate);

  return {
    size: () => waiting.size,
    replayed,
    destroy() {
      destroyed = true;
      doc.off('update', onUpdate);
    },
  };
}
