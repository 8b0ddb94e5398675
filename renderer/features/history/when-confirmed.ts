import type { AppStore } from '../../store/index.ts';

/**
 * Resolves true once the relay has confirmed every local change of
 * `roomKey` (the pending count), false after `timeoutMs`.
 * "Save version now" waits for it: the relay snapshots what it has stored,
 * and the last keystrokes may still be on their way.
 */
export function whenConfirmed(
  store: AppStore,
  roomKey: string,
  timeoutMs: number,
): Promise<boolean> {
  const done = (): boolean => {
    const count = store.getState().pending[roomKey];
    return count === undefined || count === 0;
  };
  if (done()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(false);
    }, timeoutMs);
    const unsubscribe = store.subscribe(() => {
      if (!done()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(true);
    });
  });
}
