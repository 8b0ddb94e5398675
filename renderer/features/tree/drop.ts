import type { PageTarget, PageTree } from '../../../shared/space-index/index.ts';
import { t } from '../../i18n/index.ts';

/** Where a dragged page lands relative to the row under the pointer. */
export type DropPosition = 'before' | 'inside' | 'after';

/**
 * The drop position from the pointer's height in the row: the top quarter
 * puts the page before the row, the bottom quarter after it, the middle
 * inside it. A row without height (not laid out) means inside.
 */
export function dropPosition(clientY: number, rect: { top: number; height: number }): DropPosition {
  const ratio = (clientY - rect.top) / rect.height;
  if (!Number.isFinite(ratio)) return 'inside';
  if (ratio < 0.25) return 'before';
  if (ratio > 0.75) return 'after';
  return 'inside';
}

/** True when `movingId` may be dropped on `targetId` (not itself, not inside its own subtree). */
export function canDrop(tree: PageTree, movingId: string, targetId: string): boolean {
  if (movingId === targetId) return false;
  if (tree.get(movingId) === undefined || tree.get(targetId) === undefined) return false;
  return !tree.isAncestor(movingId, targetId);
}

/**
 * The move target for dropping `movingId` at `position` of `targetId`:
 * inside means last child; before/after mean the target's parent, at the
 * target's index among its visible siblings (the moving page excluded, as
 * `SpaceIndex.move` counts them). Null when the drop is not allowed.
 */
export function dropTarget(
  tree: PageTree,
  movingId: string,
  targetId: string,
  position: DropPosition,
): PageTarget | null {
  if (!canDrop(tree, movingId, targetId)) return null;
  if (position === 'inside') return { parentId: targetId };
  const parentId = tree.get(targetId)?.parentId ?? null;
  const siblings = tree.children(parentId).filter((page) => page.id !== movingId);
  const at = siblings.findIndex((page) => page.id === targetId);
  if (at < 0) return null;
  return { parentId, index: position === 'before' ? at : at + 1 };
}

/**
 * Where a page may be moved with "Move to…": the root (null, titled "Top
 * level of the space" in the UI language) and every visible page outside
 * its own subtree, in sidebar order with their depth.
 */
export function moveDestinations(
  tree: PageTree,
  movingId: string,
): { readonly id: string | null; readonly title: string; readonly depth: number }[] {
  const out: { id: string | null; title: string; depth: number }[] = [
    { id: null, title: t('tree.topLevel'), depth: 0 },
  ];
  for (const page of tree.list()) {
    if (page.id === movingId || tree.isAncestor(movingId, page.id)) continue;
    out.push({ id: page.id, title: page.title, depth: tree.path(page.id).length });
  }
  return out;
}
