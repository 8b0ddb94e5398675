import { HOME_DOC_ID } from '../../shared/space-index/index.ts';
import { ID_PATTERN, type RoomName } from '../../shared/wire.ts';
import { t } from '../i18n/index.ts';

/** The note a space opens with when the link names none: its home page. */
export const DEFAULT_NOTE = HOME_DOC_ID;

/** The views of the main area that belong to no space. */
export const VIEWS = ['home', 'inbox', 'actions', 'experts', 'profile', 'browse'] as const;
export type View = (typeof VIEWS)[number];

/**
 * Where the app is: a note of a space, or (with `spaceId` null) one of the
 * person's own views, Home by default.
 */
export interface Route {
  readonly spaceId: string | null;
  readonly docId: string;
  /** Only without a space; absent means Home. */
  readonly view?: View;
  /** The person whose profile the `profile` view shows (their token's `sub`). */
  readonly person?: string;
}

/** Longest person id in a link (as the relay's people table). */
const MAX_PERSON_ID = 255;

/** The route of a person's profile. */
export function profileRoute(personId: string): Route {
  return { spaceId: null, docId: DEFAULT_NOTE, view: 'profile', person: personId };
}

export type RouteResult = { ok: true; route: Route } | { ok: false; message: string };

/** The route of a view of the person's own (Home, Inbox, My action items, Browse spaces). */
export function viewRoute(view: View): Route {
  return view === 'home'
    ? { spaceId: null, docId: DEFAULT_NOTE }
    : { spaceId: null, docId: DEFAULT_NOTE, view };
}

/** The view a route shows, or null when it shows a note. */
export function viewOf(route: Route): View | null {
  return route.spaceId === null ? (route.view ?? 'home') : null;
}

function isView(value: string): value is View {
  return (VIEWS as readonly string[]).includes(value);
}

/**
 * The place to open, from `?space=<id>&note=<id>` or `?view=inbox|actions|browse`.
 * Without either the app opens Home; without `note` a space opens its
 * default note. Ids are validated with the relay's own rule (shared/wire.ts)
 * so a bad link shows a clear message instead of opening a surprising room.
 */
export function routeFromSearch(search: string): RouteResult {
  const params = new URLSearchParams(search);
  const spaceId = params.get('space');
  const docId = params.get('note') ?? DEFAULT_NOTE;
  const view = params.get('view');
  if ((spaceId !== null && !ID_PATTERN.test(spaceId)) || !ID_PATTERN.test(docId)) {
    return {
      ok: false,
      message: t('app.badLink'),
    };
  }
  if (spaceId === null && view === 'profile') {
    const person = params.get('person') ?? '';
    if (person.length === 0 || person.length > MAX_PERSON_ID) {
      return { ok: false, message: t('app.badLink') };
    }
    return { ok: true, route: profileRoute(person) };
  }
  if (spaceId === null && view !== null && isView(view)) {
    return { ok: true, route: viewRoute(view) };
  }
  return { ok: true, route: { spaceId, docId } };
}

/** The query string for a route (the inverse of `routeFromSearch`). */
export function searchForRoute(route: Route): string {
  if (route.spaceId === null) {
    const view = viewOf(route);
    if (view === 'profile' && route.person !== undefined) {
      return `?${new URLSearchParams({ view, person: route.person }).toString()}`;
    }
    return view === null || view === 'home' ? '' : `?view=${view}`;
  }
  const params = new URLSearchParams({ space: route.spaceId });
  if (route.docId !== DEFAULT_NOTE) params.set('note', route.docId);
  return `?${params.toString()}`;
}

/** The room of a route, once it names a space. */
export function roomOf(route: Route): RoomName | null {
  return route.spaceId === null ? null : { spaceId: route.spaceId, docId: route.docId };
}
