import type * as Y from 'yjs';
import { buildPageTree, readAllPages } from '../../../shared/space-index/index.ts';
import type { RoomName } from '../../../shared/wire.ts';
import type { DocRegistry } from '../../sync/index.ts';
import { MEETING_FIELD } from '../meeting/index.ts';
import { SPACE_INDEX_DOC_ID } from '../tree/index.ts';

export interface UpcomingMeeting {
  readonly room: RoomName;
  readonly title: string;
  /** Epoch ms. */
  readonly start: number;
}

/** When the meeting of `doc` starts, if the note says. */
export function meetingStart(doc: Y.Doc): number | null {
  const value = doc.getMap(MEETING_FIELD).get('start');
  if (typeof value !== 'string') return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

/** A meeting that started less than this long ago is likely still going on: still listed. */
export const ONGOING_MS = 60 * 60 * 1000;

/**
 * Meetings of my spaces that start from `now` on (or are going on), soonest
 * first, read from the local copies only (works offline).
 */
export async function upcomingMeetings(
  registry: Pick<DocRegistry, 'readLocal'>,
  spaceIds: readonly string[],
  now: number,
  limit = 5,
): Promise<UpcomingMeeting[]> {
  const found: UpcomingMeeting[] = [];
  for (const spaceId of spaceIds) {
    const index = await registry.readLocal({ spaceId, docId: SPACE_INDEX_DOC_ID });
    let pages: { id: string; title: string }[];
    try {
      pages = buildPageTree(readAllPages(index))
        .list()
        .filter((page) => page.kind === 'meeting');
    } finally {
      index.destroy();
    }
    for (const page of pages) {
      const note = await registry.readLocal({ spaceId, docId: page.id });
      try {
        const start = meetingStart(note);
        if (start !== null && start >= now - ONGOING_MS) {
          found.push({ room: { spaceId, docId: page.id }, title: page.title, start });
        }
      } finally {
        note.destroy();
      }
    }
  }
  return found.sort((a, b) => a.start - b.start).slice(0, limit);
}
