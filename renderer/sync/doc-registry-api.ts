import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { RoomName } from '../../shared/wire.ts';
import type { AppStore } from '../store/index.ts';
import type { BackoffOptions } from './backoff.ts';
import type { JournalStorage } from './edit-journal.ts';
import type { KnownDocsStorage } from './known-docs.ts';
import type { LocalProtection } from './local-store.ts';
import type { AwarenessUser } from './peers.ts';
import type { RelayCredentials } from './relay-auth.ts';

// The doc registry's public contract: what it is given and what it offers.
// Its implementation is doc-registry.ts.

/** One open document: the Y.Doc, its provider and the fragment the editor binds to. */
export interface DocHandle {
  /** `<spaceId>/<docId>`, also the key of this room's status in the store. */
  readonly key: string;
  readonly room: RoomName;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly body: Y.XmlFragment;
}

/** Where documents are kept on this machine. */
export interface LocalStoreOptions {
  /** The signed-in person's `sub`: one set of databases per person; null while nobody is. */
  readonly owner: string | null;
  /** localStorage (metadata only: state vectors and "has unsynced changes" flags). */
  readonly storage: KnownDocsStorage;
  /**
   * Where local edits are journaled synchronously before IndexedDB commits
   * them (edit-journal.ts): window.localStorage in the app.
   */
  readonly journal?: JournalStorage;
  /**
   * How the host lets `owner`'s notes be kept here (encrypted with its key,
   * plain, or not at all; see local-protection.ts). Without it, plain.
   */
  readonly protection?: (owner: string) => Promise<LocalProtection>;
}

export interface DocRegistryOptions {
  /** WebSocket base URL of the relay (`AppInfo.relayUrl`). */
  readonly relayUrl: string;
  /**
   * Relay URLs to rotate through when a connection fails (`relayUrlsOf(AppInfo)`,
   * `relayUrl` first); `relayUrl` alone when absent.
   */
  readonly relayUrls?: readonly string[];
  /** Where derived status goes. */
  readonly store: AppStore;
  /** Announced to others through awareness. */
  readonly user: AwarenessUser;
  /** Connect providers on open (default true). Unit tests open documents offline. */
  readonly connect?: boolean;
  /** How long an unused document stays open, so that a quick re-open does not reconnect. */
  readonly idleMs?: number;
  /** Access tokens for the relay. Without them connections carry no token. */
  readonly credentials?: RelayCredentials;
  /** The WebSocket class (tests script the relay's side with one). */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** Without it, documents live in memory only (tests of the connection rules). */
  readonly localStore?: LocalStoreOptions;
  /** Open sockets at most, opened notes included (default 16). */
  readonly maxSockets?: number;
  readonly backoff?: BackoffOptions;
  /** How long a background sync stays open once synced (default 1 s). */
  readonly backgroundIdleMs?: number;
  /** A note's title for messages (the space index knows it); the doc id otherwise. */
  readonly titleOf?: (room: RoomName) => string | null;
  /**
   * Whether `room` may be kept on this device (a space's classification may
   * make it online only); every room may when absent.
   */
  readonly keepLocal?: (room: RoomName) => boolean;
}

/**
 * Owns every Y.Doc and WebsocketProvider of the renderer, outside React
 * (handbook §1, §2.7). Components get a handle with `open` and keep it alive
 * with `retain`; background sync asks for `syncInBackground`. The registry
 * loads each doc from the local store before it connects, keeps the number
 * of sockets bounded, reconnects with jittered back-off and pushes
 * connection state, sync state, pending counts and the people present into
 * the store.
 */
export interface DocRegistry {
  /**
   * The handle for `room`, created on first use. `created` marks a note made
   * here (offline too): editable at once, as nothing on the relay can be
   * overwritten.
   */
  open(room: RoomName, options?: { created?: boolean }): DocHandle;
  /** Keeps `handle` open until the returned function is called. */
  retain(handle: DocHandle): () => void;
  /** Syncs `room` without an editor, then closes it once synced and idle. */
  syncInBackground(room: RoomName): void;
  /** The local state vector of `room` when it was last open here, or null. */
  knownStateVector(room: RoomName): Uint8Array | null;
  /** A copy of `room` from the local store only (no connection): for exports. */
  readLocal(room: RoomName): Promise<Y.Doc>;
  /**
   * Keys (`<spaceId>/<docId>`) of every room the current owner has stored
   * locally, open or not (from the known-docs metadata). The search index
   * (renderer/search) reads the ones it has not indexed yet with `readLocal`.
   */
  knownRooms(): readonly string[];
  /**
   * Deletes this machine's copy of `room` (its note was deleted for good on
   * the relay): closes it and removes its local store and known-docs entry.
   * Does nothing while an editor retains it.
   */
  purgeLocal(room: RoomName): Promise<void>;
  /**
   * Calls `listener` with every handle open now and with each one the
   * registry opens from now on (by an editor or by background sync), before
   * its local store has loaded, so the listener sees every change. A handle's
   * doc emits `destroy` when the registry closes it. Returns the unsubscribe
   * function. Used by the search index to keep notes current.
   */
  observeDocs(listener: (handle: DocHandle) => void): () => void;
  /** Reconnects every document that waits for a retry (the network came back). */
  reconnectNow(): void;
  /** Changes the name and colour shown to others in every open room. */
  setUser(user: AwarenessUser): void;
  /** Keys of the rooms that hold a socket now (for tests and diagnostics). */
  activeSockets(): readonly string[];
  /**
   * Another person signed in (or nobody, with null): closes every document
   * and uses that person's local store from now on.
   */
  setOwner(owner: string | null): void;
  /** Closes every document and connection. */
  destroy(): void;
}
