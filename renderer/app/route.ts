import { parseRoomName, type RoomName } from '../../shared/wire.ts';

export const DEFAULT_ROOM: RoomName = { spaceId: 'demo', docId: 'welcome' };

export type RouteResult = { ok: true; room: RoomName } | { ok: false; message: string };

/**
 * The note to open, from `?space=<id>&note=<id>` (both default to the demo
 * note). Ids are validated with the relay's own rule (shared/wire.ts) so a
 * bad link shows a clear message instead of opening a surprising room.
 */
export function roomFromSearch(search: string): RouteResult {
  const params = new URLSearchParams(search);
  const spaceId = params.get('space') ?? DEFAULT_ROOM.spaceId;
  const docId = params.get('note') ?? DEFAULT_ROOM.docId;
  const room = parseRoomName(`${spaceId}/${docId}`);
  if (!room) {
    return {
      ok: false,
      message:
        'This link does not name a note: space and note ids are 1–64 letters, digits, "-" or "_".',
    };
  }
  return { ok: true, room };
}
