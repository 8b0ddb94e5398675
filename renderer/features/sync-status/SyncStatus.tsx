import { useAppStore } from '../../services/index.ts';
import { t, useT } from '../../i18n/index.ts';
import { selectPendingNotes, selectSyncState } from '../../store/index.ts';
import './sync-status.css';

/**
 * "3 notes not yet synced": counted in notes, since the underlying count is
 * of keystroke-sized updates nobody can relate to; null when nothing waits.
 */
export function pendingLabel(notes: number): string | null {
  return notes === 0 ? null : t('sync.pendingNotes', { count: notes });
}

/** The truthful sync status in the top bar: never "synced" while anything waits. */
export function SyncStatus() {
  const t = useT();
  const state = useAppStore(selectSyncState);
  const notes = useAppStore(selectPendingNotes);
  const detail = pendingLabel(notes);
  const label = state === 'online' && detail !== null ? t('sync.syncing') : t(`sync.${state}`);
  return (
    <span
      className={`sync-status sync-status--${state}`}
      role="status"
      aria-label={t('sync.label')}
      data-state={state}
    >
      <span className="sync-status__dot" aria-hidden="true" />
      <span className="sync-status__state">{label}</span>
      {detail !== null && (
        <span className="sync-status__pending" data-pending={notes}>
          {detail}
        </span>
      )}
    </span>
  );
}
