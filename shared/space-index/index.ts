/**
 * Public API of the space index: the page tree of a space
 * and per-note change markers. See README.md for the
 * layout in the Y.Doc and the rule that keeps concurrent moves acyclic.
 */
export { openSpaceIndex } from './space-index.ts';
export type { PageTreeChange, SpaceIndex, SpaceIndexOptions } from './space-index.ts';
export type { Page, PageNode, PageTree, ReadOptions } from './page-tree.ts';
export { buildPageTree } from './page-tree.ts';
export type { CreatePageInput, PageTarget } from './operations.ts';
export { SpaceIndexError } from './errors.ts';
export type { SpaceIndexErrorCode } from './errors.ts';
export {
  CHANGES_KEY,
  HOME_DOC_ID,
  HOME_TITLE,
  MAX_ICON_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_USER_ID_LENGTH,
  PAGE_KINDS,
  PAGES_KEY,
  readAllPages,
} from './schema.ts';
export type { ArchiveMark, PageKind, PagePosition, StoredPage } from './schema.ts';
export { resolveParents } from './resolve.ts';
export type { Resolution } from './resolve.ts';
export { compareSiblings, isOrderKey, keyBetween } from './order-key.ts';
export {
  MAX_MARKER_STATE_LENGTH,
  changedNotes,
  readChangeMarker,
  readChangeMarkers,
  recordNoteChange,
} from './change-markers.ts';
export type { ChangeMarker } from './change-markers.ts';
