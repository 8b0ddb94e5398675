import type { KeyboardEvent } from 'react';

/** What the tree's keys do besides moving focus. */
export interface TreeKeyActions {
  /** Folds or unfolds a page (only called for pages with children). */
  toggle(id: string): void;
  rename(id: string): void;
  openMenu(id: string, at: { readonly x: number; readonly y: number }): void;
}

const HOME = '';

/**
 * The keyboard of the WAI-ARIA APG tree view pattern on a `role="tree"`
 * element: ↑/↓ move between visible items, → unfolds (or enters the first
 * child), ← folds (or goes to the parent), Home/End jump; Enter follows the
 * item's link natively. Beyond the pattern: F2 renames, Shift+F10 or the
 * context-menu key opens the item's menu. Items are the rendered treeitems
 * in document order, so folded children (not rendered) are skipped.
 */
export function onTreeKeyDown(
  event: KeyboardEvent<HTMLElement>,
  actions: TreeKeyActions,
  readOnly: boolean,
): void {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const index = items.indexOf(event.target as HTMLElement);
  const item = items[index];
  if (item === undefined) return;
  const id = item.dataset.pageId ?? HOME;
  const expanded = item.getAttribute('aria-expanded');
  const focus = (target: HTMLElement | undefined | null) => {
    event.preventDefault();
    target?.focus();
  };
  switch (event.key) {
    case 'ArrowDown':
      focus(items[index + 1]);
      return;
    case 'ArrowUp':
      focus(items[index - 1]);
      return;
    case 'Home':
      focus(items[0]);
      return;
    case 'End':
      focus(items.at(-1));
      return;
    case 'ArrowRight':
      event.preventDefault();
      if (expanded === 'false') actions.toggle(id);
      else if (expanded === 'true') items[index + 1]?.focus();
      return;
    case 'ArrowLeft': {
      event.preventDefault();
      if (expanded === 'true') {
        actions.toggle(id);
        return;
      }
      const parent = item.closest('[role="group"]')?.closest('li');
      parent?.querySelector<HTMLElement>('[role="treeitem"]')?.focus();
      return;
    }
    case 'F2':
      if (readOnly || id === HOME) return;
      event.preventDefault();
      actions.rename(id);
      return;
    case 'F10':
      if (!event.shiftKey) return;
      break;
    case 'ContextMenu':
      break;
    default:
      return;
  }
  // Shift+F10 or the context-menu key.
  if (readOnly || id === HOME) return;
  event.preventDefault();
  const box = item.getBoundingClientRect();
  actions.openMenu(id, { x: box.left + 16, y: box.bottom });
}
