/**
 * Room stage: the room is the URL path, `/<spaceId>/<docId>`, as a stock
 * y-websocket client builds it (`${serverUrl}/${roomname}`). The raw path is
 * checked as sent: it is neither percent-decoded nor dot-segment-normalised
 * (WHATWG URL parsing would turn `/a/../b/c` into `/b/c`), so two spellings
 * never reach the same room. Anything else closes with 4404.
 */
import { CloseCode, parseRoomName, type RoomName } from '../../shared/wire.ts';
import { pass, refuse, type StageResult } from './types.ts';

/** Splits a request target into its raw path and its query parameters. */
export function splitRequestUrl(rawUrl: string): { path: string; query: URLSearchParams } {
  const q = rawUrl.indexOf('?');
  const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));
  return { path, query };
}

/** Parses the room from a raw request path such as `/space/doc`. */
export function roomFromPath(path: string): StageResult<RoomName> {
  const room = path.startsWith('/') ? parseRoomName(path.slice(1)) : null;
  if (room === null) return refuse(CloseCode.InvalidRoom, 'room must be /<spaceId>/<docId>');
  return pass(room);
}
