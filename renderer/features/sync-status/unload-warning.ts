import type { AppStore } from '../../store/index.ts';
import { selectPendingTotal } from '../../store/index.ts';

/**
 * Whether closing now could lose work the relay has not stored: changes not
 * confirmed, or an unknown count (never assumed zero). The desktop main
 * process can ask the same question before quitting (not wired yet).
 */
export function hasUnsyncedChanges(store: AppStore): boolean {
  return selectPendingTotal(store.getState()) !== 0;
}

/**
 * Warns before a reload or close with unsynced changes.
 * The edits are in IndexedDB already; the warning is because they are not
 * on the relay yet. Returns the function that removes the listener.
 */
export function installUnloadWarning(target: Window, store: AppStore): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsyncedChanges(store)) return;
    // The standard way to ask for the "Leave site?" prompt (HTML §7.4.2.2).
    event.preventDefault();
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    target.removeEventListener('beforeunload', onBeforeUnload);
  };
}
