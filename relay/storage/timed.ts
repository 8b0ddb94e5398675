/**
 * Wraps a `DocStorage` to time each call into the storage-latency histogram.
 * A synchronous store stays synchronous (no promise is added on its path).
 */
import type { Histogram } from 'prom-client';
import { passThrough } from './pass-through.ts';
import type { AppendMeta, DocStorage, MaybePromise, StoredDoc, StoredMarker } from './types.ts';

function timed<T>(
  histogram: Histogram<'op'>,
  op: string,
  call: () => MaybePromise<T>,
): MaybePromise<T> {
  const started = performance.now();
  const observe = (): void => {
    histogram.observe({ op }, (performance.now() - started) / 1000);
  };
  const result = call();
  if (result instanceof Promise) return result.finally(observe);
  observe();
  return result;
}

/** `storage` with every data call timed by operation. */
export function timedStorage(storage: DocStorage, histogram: Histogram<'op'>): DocStorage {
  return passThrough(storage, {
    loadDoc: (room): MaybePromise<StoredDoc> =>
      timed(histogram, 'load', () => storage.loadDoc(room)),
    appendUpdate: (room, update, meta?: AppendMeta): MaybePromise<number> =>
      timed(histogram, 'append', () => storage.appendUpdate(room, update, meta)),
    setStateVector: (room, stateVector) =>
      timed(histogram, 'marker', () => storage.setStateVector(room, stateVector)),
    listMarkers: (spaceId): MaybePromise<StoredMarker[]> =>
      timed(histogram, 'markers', () => storage.listMarkers(spaceId)),
    compact: (room, throughSeq, merged) =>
      timed(histogram, 'compact', () => storage.compact(room, throughSeq, merged)),
    // Optional methods stay optional: a caller tests for them (e.g. the trash
    // purge) and must see exactly what the wrapped store offers.
    ...(storage.deleteSpace === undefined
      ? {}
      : {
          deleteSpace: (spaceId: string) =>
            timed(histogram, 'delete_space', () => storage.deleteSpace?.(spaceId)),
        }),
    ...(storage.purgeRoom === undefined
      ? {}
      : {
          purgeRoom: (room: string, keep: 'state' | 'nothing') =>
            timed(histogram, 'purge_room', () => storage.purgeRoom?.(room, keep)),
        }),
  });
}
