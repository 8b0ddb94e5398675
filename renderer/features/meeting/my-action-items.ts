import * as Y from 'yjs';
import { openActionItems, setActionItemChecked } from '../../../shared/meeting/index.ts';
import { formatRoomName, parseRoomName, type RoomName } from '../../../shared/wire.ts';
import type { AppStore } from '../../store/index.ts';
import { selectRoom } from '../../store/index.ts';
import type { DocRegistry } from '../../sync/index.ts';
import { noteBody } from '../../sync/index.ts';
import { SPACE_INDEX_DOC_ID } from '../tree/index.ts';

export interface MyActionItem {
  readonly room: RoomName;
  /** The note's first heading (a meeting note's title), or '' when it has none. */
  readonly noteTitle: string;
  readonly id: string;
  readonly text: string;
  readonly due: string | null;
}

type Reader = Pick<DocRegistry, 'knownRooms' | 'observeDocs' | 'readLocal' | 'open' | 'retain'>;

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert?: unknown }[])
      .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
      .join('');
  }
  if (node instanceof Y.XmlElement) return node.toArray().map(textOf).join('');
  return '';
}

/** The text of the note's first heading: meeting notes start with their title. */
function firstHeading(doc: Y.Doc): string {
  for (const child of noteBody(doc).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === 'heading') return textOf(child).trim();
  }
  return '';
}

/** Every note room the registry knows: the ones stored locally and the ones open now. */
function noteRooms(registry: Reader): RoomName[] {
  const keys = new Set(registry.knownRooms());
  const stop = registry.observeDocs((handle) => keys.add(handle.key));
  stop();
  const rooms: RoomName[] = [];
  for (const key of keys) {
    const room = parseRoomName(key);
    if (room !== null && room.docId !== SPACE_INDEX_DOC_ID) rooms.push(room);
  }
  return rooms;
}

/**
 * Every open action item assigned to `sub` in the notes
 * this device holds: open ones and the ones background sync keeps stored
 * for every joined space. Read from local copies, without opening sockets.
 */
export async function collectMyActionItems(registry: Reader, sub: string): Promise<MyActionItem[]> {
  const rooms = noteRooms(registry);
  const lists = await Promise.all(
    rooms.map(async (room) => {
      const doc = await registry.readLocal(room).catch(() => null);
      if (doc === null) return [];
      try {
        const noteTitle = firstHeading(doc);
        // An item without an id cannot be ticked from here; the editor gives
        // every item one when the note is next edited.
        return openActionItems(doc, { assignee: sub }).flatMap((item) =>
          item.id === null
            ? []
            : [{ room, noteTitle, id: item.id, text: item.text, due: item.due }],
        );
      } finally {
        doc.destroy();
      }
    }),
  );
  return lists
    .flat()
    .sort(
      (a, b) =>
        (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
        formatRoomName(a.room).localeCompare(formatRoomName(b.room)),
    );
}

/**
 * Ticks (or reopens) an action item in its note through the registry, so
 * the change syncs like any edit and reaches whoever has the note open.
 * Waits (at most `timeoutMs`) for the note's local copy to load so the item
 * is found. Returns how many items changed (0: gone or already in that state).
 */
export async function tickActionItem(
  registry: Reader,
  store: AppStore,
  room: RoomName,
  id: string,
  options: { checked?: boolean; timeoutMs?: number } = {},
): Promise<number> {
  const handle = registry.open(room);
  const release = registry.retain(handle);
  try {
    await whenLocalLoaded(store, handle.key, options.timeoutMs ?? 5000);
    return setActionItemChecked(handle.doc, id, options.checked ?? true, 'my-action-items');
  } finally {
    release();
  }
}

function whenLocalLoaded(store: AppStore, key: string, timeoutMs: number): Promise<void> {
  const loaded = () => selectRoom(key)(store.getState()).localLoaded;
  if (loaded()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const stop = store.subscribe(() => {
      if (loaded()) done();
    });
  });
}
