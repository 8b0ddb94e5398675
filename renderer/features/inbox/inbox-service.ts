import { toBase64 } from 'lib0/buffer';
import type * as Y from 'yjs';
import type { Host } from '../../../shared/host.ts';
import {
  indexRoom,
  markSeen,
  mentionKey,
  mentionsOf,
  mentionTime,
  notificationText,
  NOTIFY_LIMITS,
  type InboxState,
  type MentionEntry,
} from '../../../shared/mentions/index.ts';
import { formatRoomName, parseRoomName, type RoomName } from '../../../shared/wire.ts';
import { t } from '../../i18n/index.ts';
import type { DocHandle, DocRegistry } from '../../sync/index.ts';
import { SPACE_INDEX_DOC_ID } from '../tree/index.ts';
import { createInboxPersist, type InboxStorage } from './inbox-persist.ts';
import { createNoteTitles } from './note-titles.ts';
import { mayChangeMentions } from './read-trigger.ts';

/** One mention of me, as the inbox lists it. */
export interface InboxItem {
  /** `<spaceId>/<docId>#<mention id>`: unique, and what "seen" remembers. */
  readonly key: string;
  readonly room: RoomName;
  readonly noteTitle: string;
  readonly entry: MentionEntry;
  /** When it happened, where known (comments; body mentions noticed after the first index). */
  readonly at: number | null;
  readonly unread: boolean;
}

export interface InboxServiceOptions {
  readonly registry: Pick<
    DocRegistry,
    'knownRooms' | 'knownStateVector' | 'observeDocs' | 'readLocal'
  >;
  /** The signed-in person's sub. */
  readonly me: string;
  readonly host: Pick<Host, 'notify'>;
  readonly storage: InboxStorage;
  readonly now?: () => number;
  /** Changes to an open note are read this long after the last one (default 250 ms). */
  readonly debounceMs?: number;
  /** Cap on the stored state in characters (default MAX_STORED_INBOX_CHARS). */
  readonly maxStoredChars?: number;
  /** Where a failed save is reported, once (default console.warn). */
  readonly warn?: (message: string) => void;
}

export interface InboxService {
  /**
   * Starts watching the registry's docs and reads the local notes; returns
   * the stop function. May be started again after it stopped (React's
   * StrictMode mounts effects twice).
   */
  start(): () => void;
  /** The mentions known now, newest first where a time is known. */
  items(): readonly InboxItem[];
  /** Called after every change of `items()`; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  markSeen(keys: readonly string[]): void;
  /** Reads every locally stored note again (first index of notes not indexed yet). */
  refresh(): Promise<void>;
}

/** Local notes read at once by `refresh()`. */
export const INBOX_READ_CONCURRENCY = 4;

/** More mentions than this in one change are announced in one notification. */
export const MAX_NOTIFICATIONS_PER_CHANGE = 3;

export function inboxStorageKey(me: string): string {
  return `commonplace.inbox.v1.${encodeURIComponent(me)}`;
}

interface RoomEntries {
  readonly room: RoomName;
  readonly title: string;
  readonly entries: readonly MentionEntry[];
}

/**
 * The Mentions inbox: every mention of me in the notes this
 * device holds, read the way "My action items" reads them (local copies via
 * the doc registry, plus every doc it opens), kept current as open notes
 * change, and announced with `host.notify` when a new one arrives from the
 * relay. What a note held when it was first indexed is never announced.
 */
export function createInboxService(options: InboxServiceOptions): InboxService {
  const { registry, me } = options;
  const now = options.now ?? Date.now;
  const persist = createInboxPersist({
    storage: options.storage,
    key: inboxStorageKey(me),
    ...(options.maxStoredChars === undefined ? {} : { maxChars: options.maxStoredChars }),
    warn:
      options.warn ??
      ((message: string) => {
        console.warn(message);
      }),
  });
  let state: InboxState = persist.load();
  const save = () => {
    persist.save(state);
  };
  const rooms = new Map<string, RoomEntries>();
  const listeners = new Set<() => void>();
  const titles = createNoteTitles(registry);
  /** Rooms open in the registry: their live doc is the truth, not a local copy. */
  const open = new Map<string, () => void>();
  let stopped = true;
  let stopObserving = (): void => undefined;
  const isStopped = () => stopped;
  let cache: readonly InboxItem[] | null = null;
  function changed(): void {
    cache = null;
    for (const listener of [...listeners]) listener();
  }

  function record(
    room: RoomName,
    title: string,
    entries: MentionEntry[],
    remote: boolean,
    doc?: Y.Doc,
  ) {
    const key = formatRoomName(room);
    const result = indexRoom(state, key, entries, {
      remote,
      me,
      localClient: doc?.clientID ?? -1,
      now: now(),
    });
    if (result.state !== state) {
      state = result.state;
      save();
    }
    rooms.set(key, { room, title, entries });
    changed();
    announce(room, title, result.announce);
  }

  function announce(room: RoomName, title: string, fresh: readonly MentionEntry[]): void {
    if (fresh.length === 0) return;
    const target = { spaceId: room.spaceId, docId: room.docId };
    const send = (heading: string, body: string) => {
      options.host
        .notify({
          title: notificationText(heading, NOTIFY_LIMITS.title),
          body: notificationText(body, NOTIFY_LIMITS.body),
          target,
        })
        .catch((error: unknown) => {
          console.warn(
            `mentions: no notification: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
    };
    if (fresh.length > MAX_NOTIFICATIONS_PER_CHANGE) {
      send(t('inbox.notifyMany', { count: fresh.length }), title);
      return;
    }
    for (const entry of fresh) {
      if (entry.kind === 'comment')
        send(t('inbox.notifyComment', { name: entry.authorName, title }), entry.text);
      else send(t('inbox.notifyNote', { title }), entry.snippet);
    }
  }

  function watch(handle: DocHandle): void {
    const { key, room, doc, provider } = handle;
    if (room.docId === SPACE_INDEX_DOC_ID || open.has(key)) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let remote = false;
    // Text typed here leaves the mentions as they were (read-trigger.ts); it
    // only dates the snippets around them, read again when the note closes.
    let textChanged = false;
    let everSynced = provider.synced;
    const flush = () => {
      timer = null;
      textChanged = false;
      if (stopped) return;
      const fromRelay = remote;
      remote = false;
      const entries = mentionsOf(doc, me);
      // A note never indexed is indexed once it has synced with the relay, so
      // what it already held is recorded, not announced (no storm on first sync).
      if (state.indexed[key] === undefined && !everSynced) return;
      void titles.titleOf(room, doc).then((title) => {
        if (!stopped) record(room, title, entries, fromRelay, doc);
      });
    };
    const schedule = () => {
      if (timer === null) timer = setTimeout(flush, options.debounceMs ?? 250);
    };
    const onTransaction = (tr: Y.Transaction) => {
      // y-websocket applies the relay's updates with the provider as origin;
      // local edits, the local store and the edit journal use other origins.
      if (tr.origin === provider) remote = true;
      if (mayChangeMentions(tr, provider)) schedule();
      else textChanged = true;
    };
    const onSynced = (synced: boolean) => {
      if (!synced) return;
      everSynced = true;
      schedule();
    };
    const detach = () => {
      doc.off('afterTransaction', onTransaction);
      provider.off('sync', onSynced);
      doc.off('destroy', detach);
      if (timer !== null || textChanged) {
        if (timer !== null) clearTimeout(timer);
        flush();
      }
      open.delete(key);
    };
    doc.on('afterTransaction', onTransaction);
    provider.on('sync', onSynced);
    doc.on('destroy', detach);
    open.set(key, detach);
  }

  async function refresh(): Promise<void> {
    titles.clear();
    const keys = new Set(registry.knownRooms());
    for (const key of open.keys()) keys.add(key);
    // Notes that held no mention of me at the local state they still have
    // need no reading (the search index skips unchanged notes the same way).
    const queue = [...keys].filter(
      (key) =>
        open.has(key) || state.quiet[key] === undefined || state.quiet[key] !== vectorOf(key),
    );
    const quiet: Record<string, string> = {};
    let next = 0;
    // A few notes at a time (like the space export): each local copy is a
    // whole Y.Doc in memory, and a person may hold thousands of notes.
    const worker = async (): Promise<void> => {
      for (let key = queue[next++]; key !== undefined; key = queue[next++]) {
        if (isStopped()) return;
        const vector = vectorOf(key);
        const found = await readOne(key);
        if (found === 0 && vector !== undefined && !open.has(key)) quiet[key] = vector;
      }
    };
    await Promise.all(Array.from({ length: INBOX_READ_CONCURRENCY }, worker));
    if (isStopped() || Object.keys(quiet).length === 0) return;
    // Only notes indexed as empty count (one may have changed meanwhile).
    const marks = Object.entries(quiet).filter(([key]) => state.indexed[key]?.length === 0);
    if (marks.length === 0) return;
    state = { ...state, quiet: { ...state.quiet, ...Object.fromEntries(marks) } };
    save();
  }

  /** The local state vector of a stored room, base64, or undefined when unknown. */
  function vectorOf(key: string): string | undefined {
    const room = parseRoomName(key);
    const vector = room === null ? null : registry.knownStateVector(room);
    return vector === null ? undefined : toBase64(vector);
  }

  /** Reads one stored note; how many mentions of me it holds, or null when it was not read. */
  async function readOne(key: string): Promise<number | null> {
    const room = parseRoomName(key);
    if (room === null || room.docId === SPACE_INDEX_DOC_ID) return null;
    const doc = await registry.readLocal(room).catch(() => null);
    if (doc === null || isStopped()) return null;
    try {
      const entries = mentionsOf(doc, me);
      const title = await titles.titleOf(room, doc);
      if (isStopped()) return null;
      // An open note is indexed by its watcher (which knows whether a change
      // came from the relay); its local copy is only listed.
      if (open.has(key)) {
        if (!rooms.has(key)) rooms.set(key, { room, title, entries });
        changed();
      } else {
        record(room, title, entries, false);
      }
      return entries.length;
    } finally {
      doc.destroy();
    }
  }

  function stop(): void {
    stopped = true;
    stopObserving();
    for (const detach of [...open.values()]) detach();
  }

  return {
    start() {
      if (!stopped) return stop;
      stopped = false;
      stopObserving = registry.observeDocs(watch);
      void refresh();
      return stop;
    },
    items() {
      if (cache !== null) return cache;
      const seen = new Set(state.seen);
      const list: InboxItem[] = [];
      for (const [roomKey, { room, title, entries }] of rooms) {
        for (const entry of entries) {
          const key = mentionKey(roomKey, entry);
          list.push({
            key,
            room,
            noteTitle: title,
            entry,
            at: mentionTime(state, roomKey, entry),
            unread: !seen.has(key),
          });
        }
      }
      list.sort((a, b) => (b.at ?? -1) - (a.at ?? -1) || a.key.localeCompare(b.key));
      cache = list;
      return list;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    markSeen(keys) {
      const next = markSeen(state, keys);
      if (next === state) return;
      state = next;
      save();
      changed();
    },
    refresh,
  };
}
