import type * as Y from 'yjs';
import { observeNoteText, textFromNoteDoc, type NoteText } from '../../shared/search/index.ts';
import { PAGES_KEY } from '../../shared/space-index/index.ts';
import { SPACE_INDEX_DOC_ID } from '../../shared/wire.ts';
import type { DocHandle } from '../sync/index.ts';
import { vectorOf } from './owner-index.ts';

/** Reads a note's text and state vector when the flush runs (not on every keystroke). */
export type Reader = () => { body: NoteText; vector: string };

/** The doc id of a space's index doc (`<spaceId>/index`). */
export const INDEX_DOC = SPACE_INDEX_DOC_ID;

/** What waits to be indexed, by room key (`<spaceId>/<docId>`). */
export interface ChangeQueue {
  /** Docs the registry has open now. */
  readonly openDocs: Map<string, Y.Doc>;
  /** Changed notes: open ones, or ones closed before their change was indexed. */
  readonly dirtyNotes: Map<string, Reader>;
  /** Space index docs whose pages changed. */
  readonly dirtyIndexes: Map<string, Y.Doc>;
  /** Rooms to read from the local store (not open, or closed while dirty). */
  readonly toRead: Set<string>;
  clear(): void;
}

export function createChangeQueue(): ChangeQueue {
  const queue = {
    openDocs: new Map<string, Y.Doc>(),
    dirtyNotes: new Map<string, Reader>(),
    dirtyIndexes: new Map<string, Y.Doc>(),
    toRead: new Set<string>(),
    clear() {
      queue.dirtyNotes.clear();
      queue.dirtyIndexes.clear();
      queue.toRead.clear();
    },
  };
  return queue;
}

export function readerOf(doc: Y.Doc): Reader {
  return () => ({ body: textFromNoteDoc(doc), vector: vectorOf(doc) });
}

/**
 * Follows one doc the registry opened: a note's body (observeNoteText) or a
 * space index's pages. Each change only marks the room dirty and asks for a
 * flush. When the registry closes the doc, a change not indexed yet is read
 * at once, while the doc still holds it.
 */
export function watchDoc(handle: DocHandle, queue: ChangeQueue, flushSoon: () => void): void {
  const { key, doc, room } = handle;
  const { openDocs, dirtyNotes, dirtyIndexes, toRead } = queue;
  openDocs.set(key, doc);
  let stop: () => void;
  if (room.docId === INDEX_DOC) {
    const pages = doc.getMap(PAGES_KEY);
    const onPages = () => {
      dirtyIndexes.set(key, doc);
      flushSoon();
    };
    pages.observeDeep(onPages);
    stop = () => {
      pages.unobserveDeep(onPages);
    };
  } else {
    stop = observeNoteText(doc, () => {
      dirtyNotes.set(key, readerOf(doc));
      flushSoon();
    });
  }
  doc.once('destroy', () => {
    stop();
    if (openDocs.get(key) === doc) openDocs.delete(key);
    const read = dirtyNotes.get(key);
    if (read) {
      const value = read();
      dirtyNotes.set(key, () => value);
    }
    if (dirtyIndexes.get(key) === doc) {
      dirtyIndexes.delete(key);
      toRead.add(key);
    }
  });
}
