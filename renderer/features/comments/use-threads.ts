import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { commentsMap, listThreads, type ThreadList } from '../../../shared/comments/index.ts';

/** A snapshot source for useSyncExternalStore. */
export interface Source<T> {
  readonly subscribe: (listener: () => void) => () => void;
  readonly get: () => T;
}

/** The threads of `doc`, re-read whenever its comments map changes (locally or remotely). */
export function threadSource(doc: Y.Doc): Source<ThreadList> {
  let snapshot = listThreads(doc);
  return {
    subscribe: (listener) => {
      const map = commentsMap(doc);
      const onChange = () => {
        snapshot = listThreads(doc);
        listener();
      };
      map.observeDeep(onChange);
      // Changes between the first read and subscribing.
      onChange();
      return () => {
        map.unobserveDeep(onChange);
      };
    },
    get: () => snapshot,
  };
}

/** The note's comment threads. */
export function useThreads(doc: Y.Doc): ThreadList {
  const source = useMemo(() => threadSource(doc), [doc]);
  return useSyncExternalStore(source.subscribe, source.get);
}
