import { useAppStore } from '../../services/index.ts';
import { selectPendingTotal, selectSyncState } from '../../store/index.ts';

const LABELS = { online: 'All changes synced', offline: 'Offline', syncing: 'Syncing…' } as const;

/** "N changes not yet synced", or null when there are none (or the number is unknown). */
export function pendingLabel(pending: number | null): string | null {
  if (pending === null) return 'Some changes not yet confirmed';
  if (pending === 0) return null;
  return pending === 1 ? '1 change not yet synced' : `${pending} changes not yet synced`;
}

/** The truthful sync status in the top bar (issue 5 point 4). */
export function SyncStatus() {
  const state = useAppStore(selectSyncState);
  const pending = useAppStore(selectPendingTotal);
  const detail = pendingLabel(pending);
  return (
    <span
      className={`sync-status sync-status--${state}`}
      role="status"
      aria-label="Sync status"
      data-state={state}
    >
      <span className="sync-status__state">
        {state === 'online' && detail !== null ? 'Syncing…' : LABELS[state]}
      </span>
      {detail !== null && (
        <span className="sync-status__pending" data-pending={pending ?? 'unknown'}>
          {detail}
        </span>
      )}
    </span>
  );
}
