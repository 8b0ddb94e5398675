import { createContext, useContext } from 'react';
import type { PageTree } from '../../../shared/space-index/index.ts';
import { t } from '../../i18n/index.ts';
import type { DropPosition } from './drop.ts';

/** What every row of the tree needs from the tree around it. */
export interface TreeActions {
  readonly tree: PageTree;
  readonly readOnly: boolean;
  readonly selectedPageId: string | null;
  readonly renamingId: string | null;
  readonly dropHint: { readonly id: string; readonly position: DropPosition } | null;
  isExpanded(id: string): boolean;
  toggle(id: string): void;
  hrefFor(id: string): string;
  open(id: string): void;
  createInside(parentId: string | null): void;
  startRename(id: string): void;
  finishRename(id: string, title: string | null): void;
  archive(id: string): void;
  openMove(id: string): void;
  /** Opens the page's context menu at a point of the window. */
  openMenu(id: string, at: { readonly x: number; readonly y: number }): void;
  /** The treeitem that takes Tab (roving tabindex); the others take -1. */
  readonly focusId: string;
  setFocusId(id: string): void;
  dragStart(id: string): void;
  dragEnd(): void;
  /** False when the page being dragged may not land there. */
  dragOver(id: string, position: DropPosition): boolean;
  drop(id: string, position: DropPosition): void;
}

export const TreeActionsContext = createContext<TreeActions | null>(null);

export function useTreeActions(): TreeActions {
  const actions = useContext(TreeActionsContext);
  if (actions === null) throw new Error('TreeActionsContext is missing');
  return actions;
}

/**
 * A page's title for people: "Untitled" (in the UI language) for an empty
 * one. Read while rendering, so a component that re-renders on a language
 * change (useT) shows the new word.
 */
export function displayTitle(title: string): string {
  return title.trim() === '' ? t('tree.untitled') : title;
}
