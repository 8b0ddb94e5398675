/**
 * The base of every `DocStorage` wrapper (timing, watching, batching): each
 * method of the wrapped store, optional ones exactly when it has them, with
 * the wrapper's own in place of the ones it changes. Written out once so that
 * no wrapper can silently drop a method: a missing `ping` would make a node
 * report ready with its database gone, a missing `purgeRoom` would make a
 * retention purge skip the room.
 */
import type { DocStorage } from './types.ts';

/** `storage`'s methods, bound, overlaid with `overrides`. */
export function passThrough(storage: DocStorage, overrides: Partial<DocStorage> = {}): DocStorage {
  const through: DocStorage = {
    loadDoc: (room) => storage.loadDoc(room),
    appendUpdate: (room, update, meta) => storage.appendUpdate(room, update, meta),
    setStateVector: (room, stateVector) => storage.setStateVector(room, stateVector),
    listMarkers: (spaceId) => storage.listMarkers(spaceId),
    compact: (room, throughSeq, merged) => storage.compact(room, throughSeq, merged),
    ...(storage.deleteSpace === undefined
      ? {}
      : { deleteSpace: (spaceId: string) => storage.deleteSpace?.(spaceId) }),
    ...(storage.purgeRoom === undefined
      ? {}
      : {
          purgeRoom: (room: string, keep: 'state' | 'nothing') => storage.purgeRoom?.(room, keep),
        }),
    ...(storage.ping === undefined ? {} : { ping: () => storage.ping?.() }),
    close: () => storage.close(),
  };
  return { ...through, ...overrides };
}
