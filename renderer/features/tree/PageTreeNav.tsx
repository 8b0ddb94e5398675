import { useCallback, useId, useMemo, useState } from 'react';
import type { PageTarget } from '../../../shared/space-index/index.ts';
import { dropTarget, type DropPosition } from './drop.ts';
import { MoveDialog } from './MoveDialog.tsx';
import { PageItem } from './PageItem.tsx';
import { newPageId } from './space-index-room.ts';
import { TrashSection } from './TrashSection.tsx';
import { TreeActionsContext, type TreeActions } from './tree-context.ts';
import { useSpaceIndex } from './use-space-index.ts';
import './tree.css';
import { Button } from '../../ui/index.ts';
import { HOME_DOC_ID } from '../../../shared/space-index/index.ts';
import { useT } from '../../i18n/index.ts';

export interface PageTreeNavProps {
  readonly spaceId: string;
  /** The page whose note is open (marked as current), if any. */
  readonly selectedPageId: string | null;
  /** The link of a page's note (for "open in new tab" and copy link). */
  readonly hrefFor: (pageId: string) => string;
  /** Opens a page's note (room `<spaceId>/<pageId>`). */
  readonly onOpen: (pageId: string) => void;
}

type Hint = TreeActions['dropHint'];

/**
 * The page tree of a space (issue 4 point 2): nested pages in the index's
 * deterministic order; new page, inline rename, drag and drop or "Move to…",
 * archive and the trash. Every change is a local write to the index doc, so
 * it works offline. Viewers see the tree read-only.
 */
export function PageTreeNav({ spaceId, selectedPageId, hrefFor, onOpen }: PageTreeNavProps) {
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

  const actions: TreeActions = useMemo(
    () => ({
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
        {/* Every space has its home note, whether or not it has pages. */}
        <a
          className="tree__home"
          href={hrefFor(HOME_DOC_ID)}
          aria-current={selectedPageId === HOME_DOC_ID ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            onOpen(HOME_DOC_ID);
          }}
        >
          {t('tree.home')}
        </a>
        {roots.length === 0 ? (
          !loaded && !readOnly && <p className="sidebar__hint">{t('tree.syncing')}</p>
        ) : (
          <ul className="tree__list" aria-label={t('tree.pages')}>
            {roots.map((node) => (
              <PageItem key={node.page.id} node={node} level={1} />
            ))}
          </ul>
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
