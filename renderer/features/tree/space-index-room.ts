import { SPACE_INDEX_DOC_ID, type RoomName } from '../../../shared/wire.ts';

// The index's doc id lives in shared/wire.ts (the relay needs it too); page ids made here are 32 hex digits.
export { SPACE_INDEX_DOC_ID };

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
