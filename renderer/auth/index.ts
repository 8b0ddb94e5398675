export { createOidcClient, profileFromClaims, type OidcClient } from './oidc-client.ts';
export {
  createWebSession,
  describeError,
  type SessionMessages,
  type WebSession,
} from './web-session.ts';
export { isDue, refreshDelay, refreshLead } from './refresh-schedule.ts';
export { memoryStore, type KeyValueStore, type PendingSignIn, type TokenSet } from './token-set.ts';
