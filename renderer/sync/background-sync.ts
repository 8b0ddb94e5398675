import * as Y from 'yjs';
import { fromBase64 } from 'lib0/buffer';
import {
  DirectoryResponseSchema,
  DocMarkersResponseSchema,
  httpBaseFromRelayUrl,
  type DocMarker,
} from '../../shared/api.ts';
import type { AccessTokenResult } from '../../shared/auth.ts';
import { API, pathOf, type RouteContract } from '../../shared/rest/index.ts';
import { readAllPages } from '../../shared/space-index/schema.ts';
import { formatRoomName, SPACE_INDEX_DOC_ID, type RoomName } from '../../shared/wire.ts';
import type { AppStore, OfflineChange } from '../store/index.ts';
import type { DocRegistry } from './doc-registry-api.ts';
import { decodeStateVector, differs } from './pending.ts';

/**
 * Keeps every note of every joined space current without opening it:
 * fetches the relay's change markers (`GET /api/spaces/{id}/docs`)
 * periodically and when the network comes back, and hands the registry only
 * the documents whose relay state differs from ours. After a reconnect it
 * also reports which notes others changed meanwhile.
 */
export interface BackgroundSync {
  /** Runs one round now (after `online`); also reports changes made while offline. */
  runNow(): Promise<void>;
  /** The network went away: changes from now on go into the next report. */
  wentOffline(): void;
  stop(): void;
}

export interface BackgroundSyncOptions {
  readonly registry: DocRegistry;
  readonly store: AppStore;
  readonly relayUrl: string;
  readonly fetch: typeof fetch;
  readonly accessToken: () => Promise<AccessTokenResult | null>;
  /** The signed-in person's `sub`: their own changes are not reported. */
  readonly me: string;
  readonly titleOf?: (room: RoomName) => string | null;
  readonly intervalMs?: number;
  readonly now?: () => number;
  /** Spaces not to download (online-only by their classification); none when absent. */
  readonly skipSpace?: (spaceId: string) => boolean;
}

export const BACKGROUND_SYNC_INTERVAL_MS = 30_000;

/** Whether the relay holds something the local copy lacks. */
function relayAhead(local: ReadonlyMap<number, number>, relay: ReadonlyMap<number, number>) {
  for (const [client, clock] of relay) if ((local.get(client) ?? 0) < clock) return true;
  return false;
}

function relayVector(marker: DocMarker): Map<number, number> | null {
  try {
    return decodeStateVector(fromBase64(marker.stateVector));
  } catch {
    return null;
  }
}

export function createBackgroundSync(options: BackgroundSyncOptions): BackgroundSync {
  const { registry, store } = options;
  const base = httpBaseFromRelayUrl(options.relayUrl);
  const now = options.now ?? Date.now;
  let offlineSince: number | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  /** A GET of the REST contract; quiet (null) on any failure: the next round tries again. */
  async function get(route: RouteContract, params?: Record<string, string>): Promise<unknown> {
    const token = await options.accessToken();
    if (token === null) return null;
    const response = await options.fetch(new URL(pathOf(route, params), base), {
      headers: { Authorization: `Bearer ${token.accessToken}`, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
    });
    // An older relay without the markers route answers 404: nothing to do.
    if (!response.ok) return null;
    return (await response.json()) as unknown;
  }

  async function names(ids: Set<string>): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    if (ids.size === 0) return map;
    const parsed = DirectoryResponseSchema.safeParse(
      await get(API.searchDirectory).catch(() => null),
    );
    if (parsed.success) {
      for (const person of parsed.data.people)
        map.set(person.id, person.name ?? person.email ?? person.id);
    }
    return map;
  }

  /**
   * A note the relay purged for good (a retention purge of the trash) is in
   * neither its markers nor the space's page tree: this machine's copy goes
   * too. A note created here and not yet sent is in the local page tree, and
   * a note under legal hold is never purged on the relay, so neither is ever
   * deleted here. The local tree is only believed once it holds all the
   * relay's tree holds: someone just added to a space opens a note (not in
   * the markers while nobody has written into it) before their copy of the
   * tree has synced, and that note is no more gone than the tree is empty.
   */
  async function purgeGone(spaceId: string, markers: readonly DocMarker[]): Promise<void> {
    const onRelay = new Set(markers.map((m) => m.docId));
    const prefix = `${spaceId}/`;
    const candidates = registry
      .knownRooms()
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length))
      .filter((docId) => docId !== SPACE_INDEX_DOC_ID && !onRelay.has(docId));
    const indexMarker = markers.find((m) => m.docId === SPACE_INDEX_DOC_ID);
    const relayIndex = indexMarker === undefined ? null : relayVector(indexMarker);
    if (candidates.length === 0 || relayIndex === null) return;
    const index = await registry.readLocal({ spaceId, docId: SPACE_INDEX_DOC_ID });
    const behind = relayAhead(Y.decodeStateVector(Y.encodeStateVector(index)), relayIndex);
    const pages = new Set(readAllPages(index).map((page) => page.id));
    index.destroy();
    if (behind) return;
    for (const docId of candidates) {
      if (!pages.has(docId)) await registry.purgeLocal({ spaceId, docId });
    }
  }

  async function round(): Promise<void> {
    const since = offlineSince;
    const changed: { room: RoomName; by: string }[] = [];
    for (const space of store.getState().spaces.items) {
      if (stopped) return;
      if (options.skipSpace?.(space.id) === true) continue;
      const raw = await get(API.listDocMarkers, { id: space.id }).catch(() => null);
      const parsed = DocMarkersResponseSchema.safeParse(raw);
      if (!parsed.success) continue;
      await purgeGone(space.id, parsed.data.docs);
      for (const marker of parsed.data.docs) {
        const room = { spaceId: space.id, docId: marker.docId };
        const relay = relayVector(marker);
        if (relay === null) continue;
        const known = registry.knownStateVector(room);
        const local = (known && decodeStateVector(known)) ?? new Map<number, number>();
        if (!differs(local, relay)) continue;
        if (
          since !== null &&
          marker.updatedAt >= since &&
          marker.updatedBy !== null &&
          marker.updatedBy !== options.me &&
          relayAhead(local, relay) &&
          marker.docId !== SPACE_INDEX_DOC_ID
        ) {
          changed.push({ room, by: marker.updatedBy });
        }
        registry.syncInBackground(room);
      }
    }
    if (since === null) return;
    offlineSince = null;
    const who = await names(new Set(changed.map((c) => c.by)));
    const report: OfflineChange[] = changed.map(({ room, by }) => ({
      roomKey: formatRoomName(room),
      title: options.titleOf?.(room) ?? room.docId,
      by: [who.get(by) ?? by],
    }));
    store.getState().setOfflineReport(report);
  }

  const runNow = (): Promise<void> => {
    running ??= round()
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runNow(), options.intervalMs ?? BACKGROUND_SYNC_INTERVAL_MS);

  return {
    runNow,
    wentOffline() {
      offlineSince ??= now();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** For tests and stand-in relays: the marker of a doc as the relay would send it. */
export function markerOf(
  docId: string,
  doc: Y.Doc,
  updatedBy: string | null,
  updatedAt: number,
): DocMarker {
  const sv = Y.encodeStateVector(doc);
  let binary = '';
  for (const byte of sv) binary += String.fromCharCode(byte);
  return { docId, stateVector: btoa(binary), updatedAt, updatedBy };
}
