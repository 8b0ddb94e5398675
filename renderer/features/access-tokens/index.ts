export { AccessTokensDialog } from './AccessTokensDialog.tsx';
export { ServiceAccountsTab } from './ServiceAccountsTab.tsx';
