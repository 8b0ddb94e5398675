export { SyncStatus, pendingLabel } from './SyncStatus.tsx';
export { RefusedEdits } from './RefusedEdits.tsx';
export { OfflineReport } from './OfflineReport.tsx';
export { hasUnsyncedChanges, installUnloadWarning } from './unload-warning.ts';
