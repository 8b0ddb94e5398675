/**
 * Wire constants shared by the relay and every client: message types of the
 * y-websocket protocol, the close codes the relay uses, and room naming.
 * One place, so that a client can tell a bad token from a full server
 * (Outline keeps its close codes the same way).
 */

/** Top-level message types of the y-websocket protocol (first varUint of a frame). */
export const MessageType = {
  /** y-protocols/sync: step 1, step 2, update. */
  Sync: 0,
  /** y-protocols/awareness update. */
  Awareness: 1,
  /** y-protocols/auth: permission denied, with a reason (used for read-only). */
  Auth: 2,
  /** Ask the peer to send its full awareness state. */
  QueryAwareness: 3,
  /**
   * Commonplace extension, never sent by stock y-websocket clients (so they
   * never receive it either). A client sends `[RelayState]` alone; the relay
   * answers `[RelayState, varUint8Array(Y.encodeStateVector(doc))]` with the
   * state vector of everything it has durably stored for the room. Comparing
   * it with the local state vector gives the truthful "not yet synced" count
   * instead of a guess.
   */
  RelayState: 100,
  /**
   * Commonplace extension, like RelayState. A client sends `[SpacesChanged]`
   * alone on a connection to ask to be told when its person's space
   * memberships change; the relay then sends `[SpacesChanged]` alone on that
   * connection whenever the person is added to a space, changes role or is
   * removed, so the client re-reads its list of spaces (an invitation shows
   * at once). Stock clients never ask, so they never receive it.
   */
  SpacesChanged: 101,
  /**
   * Commonplace extension, like SpacesChanged. A client sends `[Notification]`
   * alone to subscribe that connection to its person's notifications; the
   * relay then sends `[Notification, varString(json)]` for each new one
   * (shared/notifications-api.ts `NotificationPush`), from whichever relay
   * node generated it. Stock clients never ask, so they never receive it.
   */
  Notification: 102,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/**
 * WebSocket close codes sent by the relay. 1000–1015 are RFC 6455 codes;
 * 4000–4999 are ours and mirror the HTTP status a REST call would get.
 */
export const CloseCode = {
  /** Normal closure. */
  Normal: 1000,
  /** The relay is shutting down (SIGTERM); reconnect later. RFC 6455 "going away". */
  ServerShuttingDown: 1001,
  /** A frame over `maxMessageBytes`. RFC 6455 "message too big"; sent by the socket layer before the frame is buffered. */
  MessageTooLarge: 1009,
  /** An unexpected condition on the relay; the client may retry. */
  InternalError: 1011,
  /** A frame that does not decode as the y-websocket protocol (malformed or truncated). */
  MalformedMessage: 4400,
  /** Missing, invalid or expired token. */
  Unauthorized: 4401,
  /** Authenticated, but not allowed in this room (not a member, domain refused, removed). */
  Forbidden: 4403,
  /** The room name in the URL is not `<spaceId>/<docId>`. */
  InvalidRoom: 4404,
  /**
   * An update took more time or memory to decode and apply than the relay
   * allows (a crafted update that makes Yjs spin or allocate). Resending it
   * cannot succeed.
   */
  UpdateTooCostly: 4413,
  /** The relay is at its connection limit; retry with back-off. */
  Overloaded: 4429,
  /**
   * An administrator withdrew this person's local copy: the client erases its
   * notes, search index, outbox and tokens, then returns to sign-in.
   */
  Wiped: 4410,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which reconnecting with the same credentials cannot succeed. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.Wiped,
  CloseCode.MalformedMessage,
  CloseCode.Forbidden,
  CloseCode.InvalidRoom,
  CloseCode.UpdateTooCostly,
]);

/**
 * WebSocket subprotocol of the relay: a client offers it beside its token
 * (see `relayProtocols`) and the relay echoes it, never the token, so
 * browsers accept the handshake.
 */
export const RELAY_SUBPROTOCOL = 'commonplace.v1';

/**
 * Prefix of the subprotocol that carries the access token. Headers are not
 * shown in a browser console on a failed connect and proxies do not log them,
 * unlike a URL's query; JWTs are base64url with dots, all valid token
 * characters of RFC 6455 §4.1's `Sec-WebSocket-Protocol`.
 */
export const TOKEN_SUBPROTOCOL_PREFIX = 'commonplace.bearer.';

/** The subprotocols a client offers to send `token` to the relay without putting it in the URL. */
export function relayProtocols(token: string): string[] {
  return [RELAY_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${token}`];
}

/** Ids of spaces and documents: chosen by clients (so notes can be created offline). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A parsed room name: every document lives in exactly one space. */
export interface RoomName {
  readonly spaceId: string;
  readonly docId: string;
}

/**
 * Parses `<spaceId>/<docId>` strictly. Anything else (`..`, percent-encoding,
 * empty or over-long ids, extra segments) is rejected rather than normalised,
 * so that two spellings can never name the same room.
 */
export function parseRoomName(room: string): RoomName | null {
  const parts = room.split('/');
  if (parts.length !== 2) return null;
  const [spaceId, docId] = parts;
  if (spaceId === undefined || docId === undefined) return null;
  if (!ID_PATTERN.test(spaceId) || !ID_PATTERN.test(docId)) return null;
  return { spaceId, docId };
}

/** The canonical string form of a room name. */
export function formatRoomName(room: RoomName): string {
  return `${room.spaceId}/${room.docId}`;
}

/**
 * The doc id of a space's index (room `<spaceId>/index`),
 * shared by the renderer and the relay. It is no note (the relay keeps no
 * history of it); page ids are 32 hex digits, so no page can take it.
 */
export const SPACE_INDEX_DOC_ID = 'index';

/**
 * Origin of the desktop app's renderer (served from the privileged `app:`
 * scheme by main). The relay always admits it to its REST API: the API
 * authenticates with bearer tokens only, so CORS guards nothing a token does
 * not, and no web page can send this origin.
 */
export const DESKTOP_APP_ORIGIN = 'app://commonplace';

/**
 * Close reason (with 4401 or 4403) meaning the person was removed from the
 * organisation (deprovisioned), not merely from one space: their local copy
 * is erased like after a wipe.
 */
export const PERSON_REMOVED_REASON = 'person removed';

/** Close reason sent with {@link CloseCode.Wiped}. */
export const WIPED_REASON = 'local copy withdrawn by your organisation';

/**
 * Whether a close tells the client to erase its local copy: an
 * administrator's wipe, or the person removed from the organisation.
 */
export function closeErasesLocalCopy(code: number, reason: string): boolean {
  if (code === CloseCode.Wiped) return true;
  return (
    (code === CloseCode.Unauthorized || code === CloseCode.Forbidden) &&
    reason.trim().toLowerCase() === PERSON_REMOVED_REASON
  );
}
