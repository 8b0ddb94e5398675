export { createDocRegistry } from './doc-registry.ts';
export type {
  DocHandle,
  DocRegistry,
  DocRegistryOptions,
  LocalStoreOptions,
} from './doc-registry-api.ts';
export { startOfflineSupport, type OfflineSupportOptions } from './offline-support.ts';
export { createBackgroundSync, type BackgroundSync } from './background-sync.ts';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
export { MAX_SOCKETS } from './socket-pool.ts';
export { nextConnection, type ProviderSignal } from './connection.ts';
export { AwarenessUserSchema, derivePeers, samePeers, type AwarenessUser } from './peers.ts';
export { NOTE_BODY_FIELD, noteBody } from './note-doc.ts';
export { MAX_UNAUTHORIZED_RETRIES, shouldReconnect, type RelayCredentials } from './relay-auth.ts';
export { createProtectionResolver, type ProtectionResolver } from './local-protection.ts';
export {
  importLocalKey,
  LocalDataUnreadableError,
  seal,
  unseal,
  type LocalKey,
} from './local-crypto.ts';
export type { LocalProtection } from './local-store.ts';
export { sealPlainNotes } from './seal-plain-notes.ts';
export { dropSettledPlainNotes } from './release-plain-notes.ts';
export { openSealedValues, preloadValues } from './sealed-values.ts';
