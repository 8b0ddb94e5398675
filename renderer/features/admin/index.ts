export { AdminDialog } from './AdminDialog.tsx';
export { useIsAdmin } from './use-admin-status.ts';
