import type { RoomName } from '../../../shared/wire.ts';

/**
 * The doc id of a space's index (issue 4 point 2: room `<spaceId>/index`).
 * Page ids made here are 32 hex digits (`newPageId`), so no page can take it.
 */
export const SPACE_INDEX_DOC_ID = 'index';

export function spaceIndexRoom(spaceId: string): RoomName {
  return { spaceId, docId: SPACE_INDEX_DOC_ID };
}

/**
 * A fresh page id, chosen here so that a page can be created offline (the
 * page id is also its note's doc id). 122 random bits; matches ID_PATTERN.
 */
export function newPageId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
