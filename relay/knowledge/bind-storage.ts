/** A document storage with every method bound, so a wrapper can replace one of them. */
import type { DocStorage } from '../storage/types.ts';

/** Every method of `storage`, bound, optional ones only when present. */
export function bindStorage(storage: DocStorage): DocStorage {
  return {
    loadDoc: (room) => storage.loadDoc(room),
    appendUpdate: (room, update, meta) => storage.appendUpdate(room, update, meta),
    setStateVector: (room, sv) => storage.setStateVector(room, sv),
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
}
