import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { PageTarget } from '../../../shared/space-index/index.ts';
import { dropTarget, type DropPosition } from './drop.ts';
import { MoveDialog } from './MoveDialog.tsx';
import { PageItem } from './PageItem.tsx';
import { newPageId } from './space-index-room.ts';
import { TrashSection } from './TrashSection.tsx';
import { displayTitle, TreeActionsContext, type TreeActions } from './tree-context.ts';
import { useSpaceIndex } from './use-space-index.ts';
import './tree.css';
import { Button, MenuList } from '../../ui/index.ts';
import { HOME_DOC_ID } from '../../../shared/space-index/index.ts';
import { useT } from '../../i18n/index.ts';
import { onTreeKeyDown } from './tree-keys.ts';

export interface PageTreeNavProps {
  readonly spaceId: string;
  /** Names the tree for assistive technology: several spaces may be unfolded. */
  readonly spaceName: string;
  /** The page whose note is open (marked as current), if any. */
  readonly selectedPageId: string | null;
  /** The link of a page's note (for "open in new tab" and copy link). */
  readonly hrefFor: (pageId: string) => string;
  /** Opens a page's note (room `<spaceId>/<pageId>`). */
  readonly onOpen: (pageId: string) => void;
}

type Hint = TreeActions['dropHint'];

/** The home note's place in the roving tabindex (it is no page of the index). */
const HOME_FOCUS = '';

/**
 * The page tree of a space: nested pages in the index's deterministic
 * order, as a WAI-ARIA tree (arrow keys, F2 renames, Shift+F10 or right
 * click opens the page's menu: new sub-page, rename, move, archive); drag
 * and drop, and the trash. Every change is a local write to the index doc,
 * so it works offline. Viewers see the tree read-only.
 */
export function PageTreeNav({
  spaceId,
  spaceName,
  selectedPageId,
  hrefFor,
  onOpen,
}: PageTreeNavProps) {
  const t = useT();
  const headingId = useId();
  const { index, tree, readOnlyReason, loaded } = useSpaceIndex(spaceId);
  const readOnly = readOnlyReason !== null;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [moveId, setMoveId] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropHint, setDropHint] = useState<Hint>(null);
  const [rootHint, setRootHint] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ id: string; at: { x: number; y: number } } | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);

  /** Runs a write; a refused one (SpaceIndexError) shows its message and changes nothing. */
  const run = useCallback((write: () => void) => {
    try {
      write();
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  const expand = useCallback((id: string) => {
    setCollapsed((prev) => {
      if (!prev.has(id)) return prev;
      const next = new Set(prev);
      next.delete(id);
      return next;
    });
  }, []);

  const endDrag = useCallback(() => {
    setDragging(null);
    setDropHint(null);
    setRootHint(false);
  }, []);

  const move = useCallback(
    (id: string, target: PageTarget) => {
      run(() => {
        index.move(id, target);
      });
      if (target.parentId !== null) expand(target.parentId);
    },
    [index, run, expand],
  );

  // Tab lands on the item last focused, else the open page, else Home.
  const focusId =
    focused !== null && (focused === HOME_FOCUS || tree.get(focused) !== undefined)
      ? focused
      : selectedPageId !== null && tree.get(selectedPageId) !== undefined
        ? selectedPageId
        : HOME_FOCUS;

  const actions: TreeActions = useMemo(
    () => ({
      focusId,
      setFocusId: setFocused,
      openMenu: (id, at) => {
        setMenu({ id, at });
      },
      tree,
      readOnly,
      selectedPageId,
      renamingId,
      dropHint,
      isExpanded: (id) => !collapsed.has(id),
      toggle: (id) => {
        setCollapsed((prev) => {
          const next = new Set(prev);
          if (!next.delete(id)) next.add(id);
          return next;
        });
      },
      hrefFor,
      open: onOpen,
      createInside: (parentId) => {
        const id = newPageId();
        run(() => {
          index.create({ id, title: '', parentId });
          if (parentId !== null) expand(parentId);
          setRenamingId(id);
          onOpen(id);
        });
      },
      startRename: setRenamingId,
      finishRename: (id, title) => {
        setRenamingId(null);
        const trimmed = title?.trim();
        if (trimmed === undefined || trimmed === tree.get(id)?.title) return;
        run(() => {
          index.rename(id, trimmed);
        });
      },
      archive: (id) => {
        run(() => {
          index.archive(id);
        });
      },
      openMove: setMoveId,
      dragStart: (id) => {
        setDragging(id);
      },
      dragEnd: endDrag,
      dragOver: (id, position: DropPosition) => {
        const ok = dragging !== null && dropTarget(tree, dragging, id, position) !== null;
        const hint = ok ? { id, position } : null;
        if (hint?.id !== dropHint?.id || hint?.position !== dropHint?.position) setDropHint(hint);
        if (rootHint) setRootHint(false);
        return ok;
      },
      drop: (id, position) => {
        const target = dragging === null ? null : dropTarget(tree, dragging, id, position);
        if (dragging !== null && target !== null) move(dragging, target);
        endDrag();
      },
    }),
    [
      focusId,
      tree,
      readOnly,
      selectedPageId,
      renamingId,
      dropHint,
      collapsed,
      hrefFor,
      onOpen,
      run,
      index,
      expand,
      endDrag,
      dragging,
      rootHint,
      move,
    ],
  );

  const roots = tree.tree();
  const archived = tree.archived();
  return (
    <section className="tree" aria-labelledby={headingId}>
      <div className="tree__header">
        <h2 id={headingId} className="sidebar__title">
          {t('tree.pages')}
        </h2>
        {readOnly ? (
          <span className="tree__readonly" title={readOnlyReason}>
            {t('tree.viewOnly')}
          </span>
        ) : (
          <Button
            className="tree__new"
            onClick={() => {
              actions.createInside(null);
            }}
          >
            {t('tree.newPage')}
          </Button>
        )}
      </div>
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      <TreeActionsContext value={actions}>
        <ul
          ref={treeRef}
          className="tree__list"
          role="tree"
          aria-label={t('tree.pagesOf', { name: spaceName })}
          onKeyDown={(event) => {
            onTreeKeyDown(
              event,
              {
                toggle: (id) => {
                  actions.toggle(id);
                },
                rename: (id) => {
                  actions.startRename(id);
                },
                openMenu: (id, at) => {
                  actions.openMenu(id, at);
                },
              },
              readOnly,
            );
          }}
        >
          {/* Every space has its home note, whether or not it has pages. */}
          <li role="none">
            <a
              className="tree__home"
              role="treeitem"
              aria-level={1}
              aria-selected={selectedPageId === HOME_DOC_ID}
              tabIndex={focusId === HOME_FOCUS ? 0 : -1}
              href={hrefFor(HOME_DOC_ID)}
              aria-current={selectedPageId === HOME_DOC_ID ? 'page' : undefined}
              onFocus={() => {
                setFocused(HOME_FOCUS);
              }}
              onClick={(event) => {
                event.preventDefault();
                onOpen(HOME_DOC_ID);
              }}
            >
              {t('tree.home')}
            </a>
          </li>
          {roots.map((node) => (
            <PageItem key={node.page.id} node={node} level={1} />
          ))}
        </ul>
        {roots.length === 0 && !loaded && !readOnly && (
          <p className="sidebar__hint">{t('tree.syncing')}</p>
        )}
      </TreeActionsContext>
      {dragging !== null && (
        <div
          className="tree__root-drop"
          data-drop={rootHint ? 'inside' : undefined}
          onDragOver={(event) => {
            event.preventDefault();
            setRootHint(true);
            setDropHint(null);
          }}
          onDragLeave={() => {
            setRootHint(false);
          }}
          onDrop={(event) => {
            event.preventDefault();
            move(dragging, { parentId: null });
            endDrag();
          }}
        >
          {t('tree.dropTop')}
        </div>
      )}
      <TrashSection
        pages={archived}
        readOnly={readOnly}
        onRestore={(id) => {
          run(() => {
            index.restore(id);
          });
        }}
      />
      {menu !== null && tree.get(menu.id) !== undefined && (
        <MenuList
          label={t('tree.menu', { title: displayTitle(tree.get(menu.id)?.title ?? '') })}
          at={menu.at}
          onClose={() => {
            const id = menu.id;
            setMenu(null);
            // Back to the page's item, as a menu returns focus to its opener.
            treeRef.current
              ?.querySelector<HTMLElement>(`[role="treeitem"][data-page-id="${CSS.escape(id)}"]`)
              ?.focus();
          }}
          items={[
            {
              label: t('tree.newSubPage'),
              onSelect: () => {
                actions.createInside(menu.id);
              },
            },
            {
              label: t('tree.rename'),
              onSelect: () => {
                actions.startRename(menu.id);
              },
            },
            {
              label: t('tree.move'),
              onSelect: () => {
                setMoveId(menu.id);
              },
            },
            {
              label: t('tree.archive'),
              danger: true,
              onSelect: () => {
                actions.archive(menu.id);
              },
            },
          ]}
        />
      )}
      {moveId !== null && tree.get(moveId) !== undefined && (
        <MoveDialog
          tree={tree}
          pageId={moveId}
          onClose={() => {
            setMoveId(null);
          }}
          onMove={(target) => {
            move(moveId, target);
            setMoveId(null);
          }}
        />
      )}
    </section>
  );
}
