export {
  createDocRegistry,
  type DocHandle,
  type DocRegistry,
  type DocRegistryOptions,
} from './doc-registry.ts';
export { nextConnection, type ProviderSignal } from './connection.ts';
export { AwarenessUserSchema, derivePeers, samePeers, type AwarenessUser } from './peers.ts';
export { NOTE_BODY_FIELD, noteBody } from './note-doc.ts';
export { MAX_UNAUTHORIZED_RETRIES, shouldReconnect, type RelayCredentials } from './relay-auth.ts';
