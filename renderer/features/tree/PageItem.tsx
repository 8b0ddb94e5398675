import { useEffect, useRef, useState, type DragEvent } from 'react';
import { MAX_TITLE_LENGTH, type PageNode } from '../../../shared/space-index/index.ts';
import { useT } from '../../i18n/index.ts';
import { dropPosition } from './drop.ts';
import { displayTitle, useTreeActions } from './tree-context.ts';

/** The drag payload type; the page id itself travels in the tree's state. */
const DRAG_TYPE = 'application/x-commonplace-page';

function positionOf(event: DragEvent<HTMLElement>) {
  return dropPosition(event.clientY, event.currentTarget.getBoundingClientRect());
}

/**
 * One page of the tree with its children. The link is the WAI-ARIA treeitem
 * (the tree's arrow keys move between them); the fold toggle and the ⋯
 * button are pointer shortcuts for what the keys and the context menu do,
 * so they stay out of the tab order and the accessibility tree.
 */
export function PageItem({ node, level }: { readonly node: PageNode; readonly level: number }) {
  const t = useT();
  const actions = useTreeActions();
  const { page, children } = node;
  const title = displayTitle(page.title);
  const expanded = actions.isExpanded(page.id);
  const hint = actions.dropHint?.id === page.id ? actions.dropHint.position : undefined;
  const renaming = actions.renamingId === page.id;
  // Keyboard users land back on the page's link when the title field closes.
  const link = useRef<HTMLAnchorElement>(null);
  const wasRenaming = useRef(false);
  useEffect(() => {
    if (wasRenaming.current && !renaming) link.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  return (
    <li className="tree__item" role="none" data-page-id={page.id}>
      <div
        className="tree__row"
        data-level={level}
        data-indent={Math.min(level, 8)}
        data-drop={hint}
        draggable={!actions.readOnly && !renaming}
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, page.id);
          event.dataTransfer.effectAllowed = 'move';
          actions.dragStart(page.id);
        }}
        onDragEnd={() => {
          actions.dragEnd();
        }}
        onDragOver={(event) => {
          // Accepting the drop is what preventDefault means in HTML5 DnD.
          if (actions.dragOver(page.id, positionOf(event))) {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
          }
        }}
        onDrop={(event) => {
          event.preventDefault();
          actions.drop(page.id, positionOf(event));
        }}
        onContextMenu={(event) => {
          if (actions.readOnly || renaming) return;
          event.preventDefault();
          actions.openMenu(page.id, { x: event.clientX, y: event.clientY });
        }}
      >
        {children.length > 0 ? (
          <button
            type="button"
            className="tree__toggle"
            tabIndex={-1}
            aria-hidden="true"
            onClick={() => {
              actions.toggle(page.id);
            }}
          >
            {expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className="tree__spacer" aria-hidden="true" />
        )}
        {renaming ? (
          <RenameInput
            label={t('tree.pageTitle')}
            initial={page.title}
            onDone={(value) => {
              actions.finishRename(page.id, value);
            }}
          />
        ) : (
          <a
            ref={link}
            className="tree__link"
            role="treeitem"
            data-page-id={page.id}
            aria-level={level}
            aria-expanded={children.length > 0 ? expanded : undefined}
            aria-selected={actions.selectedPageId === page.id}
            tabIndex={actions.focusId === page.id ? 0 : -1}
            href={actions.hrefFor(page.id)}
            aria-current={actions.selectedPageId === page.id ? 'page' : undefined}
            onFocus={() => {
              actions.setFocusId(page.id);
            }}
            onClick={(event) => {
              event.preventDefault();
              actions.open(page.id);
            }}
          >
            {page.icon !== null && <span className="tree__icon">{page.icon}</span>}
            {title}
          </a>
        )}
        {!actions.readOnly && !renaming && (
          <span className="tree__actions" aria-hidden="true">
            <button
              type="button"
              className="tree__action"
              tabIndex={-1}
              title={t('tree.newInside', { title })}
              onClick={() => {
                actions.createInside(page.id);
              }}
            >
              +
            </button>
            <button
              type="button"
              className="tree__action"
              tabIndex={-1}
              title={t('tree.menu', { title })}
              onClick={(event) => {
                const box = event.currentTarget.getBoundingClientRect();
                actions.openMenu(page.id, { x: box.left, y: box.bottom });
              }}
            >
              ⋯
            </button>
          </span>
        )}
      </div>
      {expanded && children.length > 0 && (
        <ul className="tree__group" role="group">
          {children.map((child) => (
            <PageItem key={child.page.id} node={child} level={level + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Inline title editor: Enter (or leaving the field) saves, Escape cancels. */
function RenameInput(props: {
  label: string;
  initial: string;
  onDone: (title: string | null) => void;
}) {
  const [value, setValue] = useState(props.initial);
  const [done, setDone] = useState(false);
  const finish = (title: string | null) => {
    if (done) return;
    setDone(true);
    props.onDone(title);
  };
  return (
    <input
      className="input tree__rename"
      aria-label={props.label}
      value={value}
      maxLength={MAX_TITLE_LENGTH}
      autoFocus
      onFocus={(event) => {
        event.currentTarget.select();
      }}
      onChange={(event) => {
        setValue(event.target.value);
      }}
      onKeyDown={(event) => {
        // The tree's own keys (arrows, F2) must not act while typing a title.
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(value);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(null);
        }
      }}
      onBlur={() => {
        finish(value);
      }}
    />
  );
}
