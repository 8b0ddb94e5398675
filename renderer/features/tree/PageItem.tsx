import { useEffect, useRef, useState, type DragEvent } from 'react';
import { MAX_TITLE_LENGTH, type PageNode } from '../../../shared/space-index/index.ts';
import { dropPosition } from './drop.ts';
import { displayTitle, useTreeActions } from './tree-context.ts';

/** The drag payload type; the page id itself travels in the tree's state. */
const DRAG_TYPE = 'application/x-commonplace-page';

function positionOf(event: DragEvent<HTMLElement>) {
  return dropPosition(event.clientY, event.currentTarget.getBoundingClientRect());
}

/** One page of the tree with its children: link, expand toggle, actions, drop zone. */
export function PageItem({ node, level }: { readonly node: PageNode; readonly level: number }) {
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
    <li className="tree__item" data-page-id={page.id}>
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
      >
        {children.length > 0 ? (
          <button
            type="button"
            className="tree__toggle"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Collapse' : 'Expand'} ${title}`}
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
            initial={page.title}
            onDone={(t) => {
              actions.finishRename(page.id, t);
            }}
          />
        ) : (
          <a
            ref={link}
            className="tree__link"
            href={actions.hrefFor(page.id)}
            aria-current={actions.selectedPageId === page.id ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              actions.open(page.id);
            }}
            onKeyDown={(event) => {
              if (event.key === 'F2' && !actions.readOnly) {
                event.preventDefault();
                actions.startRename(page.id);
              }
            }}
          >
            {page.icon !== null && <span className="tree__icon">{page.icon}</span>}
            {title}
          </a>
        )}
        {!actions.readOnly && !renaming && (
          <span className="tree__actions">
            <RowButton
              label={`New page inside ${title}`}
              text="+"
              onClick={() => {
                actions.createInside(page.id);
              }}
            />
            <RowButton
              label={`Rename ${title}`}
              text="✎"
              onClick={() => {
                actions.startRename(page.id);
              }}
            />
            <RowButton
              label={`Move ${title} to…`}
              text="⇄"
              onClick={() => {
                actions.openMove(page.id);
              }}
            />
            <RowButton
              label={`Archive ${title}`}
              text="🗑"
              onClick={() => {
                actions.archive(page.id);
              }}
            />
          </span>
        )}
      </div>
      {expanded && children.length > 0 && (
        <ul className="tree__group" aria-label={`Pages inside ${title}`}>
          {children.map((child) => (
            <PageItem key={child.page.id} node={child} level={level + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

function RowButton(props: { label: string; text: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="tree__action"
      aria-label={props.label}
      title={props.label}
      onClick={props.onClick}
    >
      <span aria-hidden="true">{props.text}</span>
    </button>
  );
}

/** Inline title editor: Enter (or leaving the field) saves, Escape cancels. */
function RenameInput(props: { initial: string; onDone: (title: string | null) => void }) {
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
      aria-label="Page title"
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
