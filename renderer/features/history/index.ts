export { HistoryPanel, type HistoryPanelProps } from './HistoryPanel.tsx';
export { restoreSnapshot, snapshotContent } from './restore.ts';
