import { HOME_DOC_ID } from '../../shared/space-index/index.ts';
import { ID_PATTERN, type RoomName } from '../../shared/wire.ts';

/** The note a space opens with when the link names none: its home page. */
export const DEFAULT_NOTE = HOME_DOC_ID;

/** Where the app is: a space (null until one is chosen) and a note in it. */
export interface Route {
  readonly spaceId: string | null;
  readonly docId: string;
}

export type RouteResult = { ok: true; route: Route } | { ok: false; message: string };

/**
 * The place to open, from `?space=<id>&note=<id>`. Without `space` the app
 * picks the first of the person's spaces; without `note` a space opens its
 * default note. Ids are validated with the relay's own rule (shared/wire.ts)
 * so a bad link shows a clear message instead of opening a surprising room.
 */
export function routeFromSearch(search: string): RouteResult {
  const params = new URLSearchParams(search);
  const spaceId = params.get('space');
  const docId = params.get('note') ?? DEFAULT_NOTE;
  if ((spaceId !== null && !ID_PATTERN.test(spaceId)) || !ID_PATTERN.test(docId)) {
    return {
      ok: false,
      message:
        'This link does not name a note: space and note ids are 1–64 letters, digits, "-" or "_".',
    };
  }
  return { ok: true, route: { spaceId, docId } };
}

/** The query string for a route (the inverse of `routeFromSearch`). */
export function searchForRoute(route: Route): string {
  if (route.spaceId === null) return '';
  const params = new URLSearchParams({ space: route.spaceId });
  if (route.docId !== DEFAULT_NOTE) params.set('note', route.docId);
  return `?${params.toString()}`;
}

/** The room of a route, once it names a space. */
export function roomOf(route: Route): RoomName | null {
  return route.spaceId === null ? null : { spaceId: route.spaceId, docId: route.docId };
}
