/**
 * How a space's page tree is laid out in its index Y.Doc (room
 * `<spaceId>/index`), and tolerant readers for it.
 *
 * Layout:
 * - `pages`: Y.Map of page id → Y.Map of fields. One nested map per page, so
 *   concurrent edits of different fields (a rename and an archive, say) both
 *   survive; each field is last-writer-wins on its own.
 * - Inside a page, `pos` holds parent, order key, previous parent and the
 *   move stamp as ONE plain value. They must change together: were they
 *   separate keys, two concurrent moves could merge into a parent from one
 *   and an order key (or stamp) from the other.
 * - `changes`: Y.Map of note doc id → change marker (see change-markers.ts).
 *
 * Any member with write access can put anything into this doc, so every
 * reader here accepts malformed values and falls back to safe defaults
 * instead of throwing: a bad field never hides the rest of the tree.
 */
import * as Y from 'yjs';
import { ID_PATTERN } from '../wire.ts';

/** Name of the root Y.Map holding the pages. */
export const PAGES_KEY = 'pages';
/** Name of the root Y.Map holding per-note change markers. */
export const CHANGES_KEY = 'changes';

/** Longest page title accepted by the write API. */
export const MAX_TITLE_LENGTH = 500;
/** Longest icon (an emoji or a short icon name) accepted by the write API. */
export const MAX_ICON_LENGTH = 64;

/**
 * The note a space opens with (its home page, like a wiki's front page). It
 * is no page of the tree: it cannot be moved or archived, and it is shown,
 * found and exported under {@link HOME_TITLE}.
 */
export const HOME_DOC_ID = 'welcome';
export const HOME_TITLE = 'Home';
/** Longest user id recorded in `createdBy` / `updatedBy`. */
export const MAX_USER_ID_LENGTH = 256;

export const PAGE_KINDS = ['note', 'meeting'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/**
 * Where a page sits, written atomically by each create and move.
 * `clock`/`client` form the move stamp used to break cycles (README.md);
 * `prev` is the parent the mover saw before moving, where the page goes back
 * to if its move loses.
 */
export interface PagePosition {
  readonly parent: string | null;
  readonly order: string;
  readonly prev: string | null;
  readonly clock: number;
  readonly client: number;
}

export interface ArchiveMark {
  readonly at: number;
  readonly by: string;
}

/** A page's fields exactly as stored (after tolerant decoding). */
export interface StoredPage {
  readonly id: string;
  readonly title: string;
  readonly icon: string | null;
  readonly kind: PageKind;
  readonly pos: PagePosition;
  readonly archived: ArchiveMark | null;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

/** The root map of pages in a space index doc. */
export function pagesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PAGES_KEY);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function pageRef(value: unknown): string | null {
  return typeof value === 'string' && ID_PATTERN.test(value) ? value : null;
}

/** Decodes a stored `pos`; anything malformed puts the page at the root, never loses it. */
export function readPosition(value: unknown): PagePosition {
  if (!isRecord(value)) return { parent: null, order: '', prev: null, clock: 0, client: 0 };
  return {
    parent: pageRef(value['parent']),
    order: str(value['order'], ''),
    prev: pageRef(value['prev']),
    clock: num(value['clock'], 0),
    client: num(value['client'], 0),
  };
}

function readArchive(value: unknown): ArchiveMark | null {
  if (!isRecord(value)) return null;
  return { at: num(value['at'], 0), by: str(value['by'], '') };
}

function readKind(value: unknown): PageKind {
  return value === 'meeting' ? 'meeting' : 'note';
}

/**
 * Decodes one entry of the pages map. Returns null only when the entry is
 * not a page at all (bad id, or not a nested Y.Map); fields are defaulted.
 */
export function readStoredPage(id: string, value: unknown): StoredPage | null {
  if (!ID_PATTERN.test(id) || !(value instanceof Y.Map)) return null;
  const fields = value as Y.Map<unknown>;
  const icon = fields.get('icon');
  return {
    id,
    title: str(fields.get('title'), ''),
    icon: typeof icon === 'string' ? icon : null,
    kind: readKind(fields.get('kind')),
    pos: readPosition(fields.get('pos')),
    archived: readArchive(fields.get('archived')),
    createdAt: num(fields.get('createdAt'), 0),
    createdBy: str(fields.get('createdBy'), ''),
    updatedAt: num(fields.get('updatedAt'), 0),
    updatedBy: str(fields.get('updatedBy'), ''),
  };
}

/** Every page stored in the doc, decoded. Order is not meaningful. */
export function readAllPages(doc: Y.Doc): StoredPage[] {
  const pages: StoredPage[] = [];
  pagesMap(doc).forEach((value, id) => {
    const page = readStoredPage(id, value);
    if (page !== null) pages.push(page);
  });
  return pages;
}
