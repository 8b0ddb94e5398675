/**
 * A `DocStorage` that tells the history scheduler about every stored update
 * and otherwise passes everything through unchanged. The
 * call comes after `appendUpdate` has succeeded (nothing is noted for an
 * update that was not stored) and before the room broadcasts it, so it must
 * stay cheap and must never throw into the write path.
 */
import { passThrough } from '../storage/pass-through.ts';
import type { DocStorage } from '../storage/types.ts';

/**
 * Wraps `storage` so that `onStored(room)` runs after each successful append.
 * Synchronous storage stays synchronous (the relay's hot path counts on it).
 */
export function watchStorage(
  storage: DocStorage,
  onStored: (room: string) => void,
  onError: (err: unknown) => void,
): DocStorage {
  const notify = (room: string): void => {
    try {
      onStored(room);
    } catch (err) {
      onError(err);
    }
  };
  return passThrough(storage, {
    appendUpdate: (room, update, meta) => {
      const seq = storage.appendUpdate(room, update, meta);
      if (typeof seq === 'number') {
        notify(room);
        return seq;
      }
      return seq.then((stored) => {
        notify(room);
        return stored;
      });
    },
  });
}
