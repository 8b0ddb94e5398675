/**
 * Writes to the page tree. Each one validates against the current tree
 * first (so a refused write changes nothing), then writes in one Yjs
 * transaction. A move writes only the moved page: its `pos` (parent, order
 * key, previous parent, stamp) as one value, so it merges with anything
 * others do meanwhile; THE RULE (resolve.ts) settles concurrent cycles.
 */
import * as Y from 'yjs';
import { ID_PATTERN } from '../wire.ts';
import { SpaceIndexError } from './errors.ts';
import { keyBetween } from './order-key.ts';
import type { PageTree } from './page-tree.ts';
import {
  MAX_ICON_LENGTH,
  MAX_TITLE_LENGTH,
  PAGE_KINDS,
  pagesMap,
  type PageKind,
  type PagePosition,
} from './schema.ts';

/** Who writes, and when; `origin` tags the Yjs transactions (for undo managers). */
export interface Actor {
  readonly userId: string;
  readonly now: () => number;
  readonly origin: unknown;
}

/** Where to put a page: under `parentId` (null: the root), at `index` among its visible children. */
export interface PageTarget {
  readonly parentId: string | null;
  /** Position among the visible children, the page itself excluded; default: last. */
  readonly index?: number;
}

export interface CreatePageInput extends PageTarget {
  /** Client-chosen id (so pages can be created offline), matching ID_PATTERN. */
  readonly id: string;
  readonly title: string;
  readonly kind?: PageKind;
  readonly icon?: string | null;
}

/**
 * A move stamp that grows along causality: the sum of the doc's state vector.
 * Any replica that has seen a move has seen every struct counted in its
 * stamp plus the move itself, so its own later moves get a larger stamp
 * (a Lamport clock without storing one). Concurrent moves compare
 * arbitrarily but identically everywhere, with the client id as tie-break.
 */
function moveClock(doc: Y.Doc): number {
  let sum = 0;
  for (const clock of Y.decodeStateVector(Y.encodeStateVector(doc)).values()) sum += clock;
  return sum;
}

function checkTitle(title: unknown): string {
  if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH) {
    throw new SpaceIndexError(
      'invalid-title',
      `A title is a string of at most ${MAX_TITLE_LENGTH} characters.`,
    );
  }
  return title;
}

function checkIcon(icon: unknown): string | null {
  if (icon === null) return null;
  if (typeof icon !== 'string' || icon.length === 0 || icon.length > MAX_ICON_LENGTH) {
    throw new SpaceIndexError(
      'invalid-icon',
      `An icon is a string of 1 to ${MAX_ICON_LENGTH} characters, or null.`,
    );
  }
  return icon;
}

function pageFields(doc: Y.Doc, tree: PageTree, id: string): Y.Map<unknown> {
  const fields = pagesMap(doc).get(id);
  if (tree.get(id) === undefined || !(fields instanceof Y.Map)) {
    throw new SpaceIndexError('not-found', `No page ${JSON.stringify(id)} in this space.`);
  }
  return fields as Y.Map<unknown>;
}

/** Validates a target and computes the order key that puts a page there. */
function placement(tree: PageTree, target: PageTarget, movingId: string | null, clientId: number) {
  const { parentId, index } = target;
  if (parentId !== null) {
    const parent = tree.get(parentId);
    if (parent === undefined)
      throw new SpaceIndexError('not-found', `No parent page ${JSON.stringify(parentId)}.`);
    if (parent.hidden)
      throw new SpaceIndexError('archived-parent', 'Pages cannot be put inside an archived page.');
    if (movingId !== null && (parentId === movingId || tree.isAncestor(movingId, parentId))) {
      throw new SpaceIndexError('cycle', 'A page cannot be moved inside itself.');
    }
  }
  if (index !== undefined && (!Number.isSafeInteger(index) || index < 0)) {
    throw new SpaceIndexError('invalid-position', 'The index is a whole number of at least 0.');
  }
  const siblings = tree.children(parentId).filter((page) => page.id !== movingId);
  const at = Math.min(index ?? siblings.length, siblings.length);
  const lo = siblings[at - 1]?.order ?? null;
  let hi = siblings[at]?.order ?? null;
  if (lo !== null && hi !== null && hi <= lo) {
    // Tied keys (hostile input only): aim for the next larger key of any sibling.
    hi = null;
    for (const page of tree.children(parentId, { includeArchived: true })) {
      if (page.order > lo && (hi === null || page.order < hi)) hi = page.order;
    }
  }
  return { parentId, order: keyBetween(lo, hi, clientId) };
}

function stamp(
  doc: Y.Doc,
  parent: string | null,
  order: string,
  prev: string | null,
): PagePosition {
  return { parent, order, prev, clock: moveClock(doc), client: doc.clientID };
}

function touch(fields: Y.Map<unknown>, actor: Actor): void {
  fields.set('updatedAt', actor.now());
  fields.set('updatedBy', actor.userId);
}

/** Creates a page; refuses a malformed or already used id. */
export function createPage(doc: Y.Doc, tree: PageTree, actor: Actor, input: CreatePageInput): void {
  if (typeof input.id !== 'string' || !ID_PATTERN.test(input.id)) {
    throw new SpaceIndexError(
      'invalid-id',
      'A page id is 1 to 64 characters of A-Z, a-z, 0-9, _ and -.',
    );
  }
  if (pagesMap(doc).has(input.id)) {
    throw new SpaceIndexError('duplicate-id', `A page ${JSON.stringify(input.id)} already exists.`);
  }
  const title = checkTitle(input.title);
  const icon = checkIcon(input.icon ?? null);
  const kind = input.kind ?? 'note';
  if (!PAGE_KINDS.includes(kind))
    throw new SpaceIndexError('invalid-kind', `A page kind is one of ${PAGE_KINDS.join(', ')}.`);
  const { parentId, order } = placement(tree, input, null, doc.clientID);
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    pagesMap(doc).set(input.id, fields);
    const now = actor.now();
    fields.set('title', title);
    if (icon !== null) fields.set('icon', icon);
    fields.set('kind', kind);
    fields.set('pos', stamp(doc, parentId, order, null));
    fields.set('archived', null);
    fields.set('createdAt', now);
    fields.set('createdBy', actor.userId);
    fields.set('updatedAt', now);
    fields.set('updatedBy', actor.userId);
  }, actor.origin);
}

/** Renames a page (archived pages too). */
export function renamePage(
  doc: Y.Doc,
  tree: PageTree,
  actor: Actor,
  id: string,
  title: string,
): void {
  const fields = pageFields(doc, tree, id);
  const checked = checkTitle(title);
  doc.transact(() => {
    fields.set('title', checked);
    touch(fields, actor);
  }, actor.origin);
}

/** Sets or clears (null) a page's icon. */
export function setPageIcon(
  doc: Y.Doc,
  tree: PageTree,
  actor: Actor,
  id: string,
  icon: string | null,
): void {
  const fields = pageFields(doc, tree, id);
  const checked = checkIcon(icon);
  doc.transact(() => {
    if (checked === null) fields.delete('icon');
    else fields.set('icon', checked);
    touch(fields, actor);
  }, actor.origin);
}

/** Moves a page under a new parent at a position; refuses to move a page into its own subtree. */
export function movePage(
  doc: Y.Doc,
  tree: PageTree,
  actor: Actor,
  id: string,
  target: PageTarget,
): void {
  const fields = pageFields(doc, tree, id);
  const current = tree.get(id);
  const { parentId, order } = placement(tree, target, id, doc.clientID);
  doc.transact(() => {
    fields.set('pos', stamp(doc, parentId, order, current?.parentId ?? null));
    touch(fields, actor);
  }, actor.origin);
}

/** Archives a page, which hides its whole subtree; a no-op when already archived. */
export function archivePage(doc: Y.Doc, tree: PageTree, actor: Actor, id: string): void {
  const fields = pageFields(doc, tree, id);
  if (tree.get(id)?.archived != null) return;
  doc.transact(() => {
    fields.set('archived', { at: actor.now(), by: actor.userId });
    touch(fields, actor);
  }, actor.origin);
}

/**
 * Restores an archived page with its subtree. If it would still be hidden
 * (an ancestor is archived too), it moves to the end of the root so that
 * restoring always brings it back into view.
 */
export function restorePage(doc: Y.Doc, tree: PageTree, actor: Actor, id: string): void {
  const fields = pageFields(doc, tree, id);
  const page = tree.get(id);
  if (page === undefined || !page.hidden) return;
  const ancestorArchived = tree
    .path(id)
    .slice(0, -1)
    .some((p) => p.archived !== null);
  const target = ancestorArchived ? placement(tree, { parentId: null }, id, doc.clientID) : null;
  doc.transact(() => {
    fields.set('archived', null);
    if (target !== null) fields.set('pos', stamp(doc, null, target.order, page.parentId));
    touch(fields, actor);
  }, actor.origin);
}

/**
 * Writes the effective parent of every page whose move lost a cycle back
 * into the doc, so the stored tree matches what everyone sees. Optional:
 * readers apply THE RULE anyway. Returns how many pages were rewritten.
 */
export function repairTree(doc: Y.Doc, tree: PageTree, actor: Actor): number {
  const pages = pagesMap(doc);
  let repaired = 0;
  doc.transact(() => {
    for (const id of [...tree.detached].sort()) {
      const page = tree.get(id);
      const fields = pages.get(id);
      if (page === undefined || !(fields instanceof Y.Map)) continue;
      (fields as Y.Map<unknown>).set('pos', stamp(doc, page.parentId, page.order, page.parentId));
      repaired += 1;
    }
  }, actor.origin);
  return repaired;
}
