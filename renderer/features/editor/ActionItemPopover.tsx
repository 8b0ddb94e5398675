import { PersonLink } from '../profile/index.ts';
import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import { isCalendarDate } from '../../../shared/meeting/index.ts';
import { PeoplePicker } from '../members/index.ts';
import type { ActionItemControls, ActionItemTarget } from './action-item-controls.ts';
import type { ActionItemMeta } from './action-item.ts';
import './action-item.css';
import { Button } from '../../ui/index.ts';
import { useT } from '../../i18n/index.ts';

/**
 * The small popover an action item's assignee or due-date button opens
 *: find a person in the directory (or unassign), pick a
 * due date (or clear it). Each choice is one editor command, so it syncs,
 * is stored offline and can be undone.
 */
export function ActionItemPopover({
  controls,
  editor,
}: {
  readonly controls: ActionItemControls;
  readonly editor: Editor;
}) {
  const target = useSyncExternalStore(controls.subscribe, controls.get);
  if (target === null) return null;
  // Keyed by item and field: another item starts with a fresh form.
  return (
    <Popover
      key={`${target.id ?? String(target.pos)}-${target.field}`}
      controls={controls}
      editor={editor}
      target={target}
    />
  );
}

function Popover({
  controls,
  editor,
  target,
}: {
  readonly controls: ActionItemControls;
  readonly editor: Editor;
  readonly target: ActionItemTarget;
}) {
  const titleId = useId();
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [due, setDue] = useState(target.due ?? '');
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    controls.close();
    editor.commands.focus(undefined, { scrollIntoView: false });
  };
  const apply = (meta: ActionItemMeta): boolean => {
    const ok = editor.commands.setActionItemMeta({ id: target.id, pos: target.pos }, meta);
    if (!ok) setError(t('actionItem.gone'));
    return ok;
  };

  useLayoutEffect(() => {
    // Under the button, or above it (growing upwards as results come) when
    // there is more room there; inside the window either way. Set through
    // CSSOM, which the CSP allows.
    const el = box.current;
    if (el === null) return;
    const { width } = el.getBoundingClientRect();
    const below = window.innerHeight - target.anchor.bottom - 8;
    const above = target.anchor.top - 8;
    if (below >= Math.min(above, 320)) {
      el.style.top = `${String(target.anchor.bottom + 4)}px`;
      el.style.maxHeight = `${String(Math.max(below, 120))}px`;
    } else {
      el.style.bottom = `${String(window.innerHeight - target.anchor.top + 4)}px`;
      el.style.maxHeight = `${String(above)}px`;
    }
    const left = Math.min(target.anchor.left, window.innerWidth - width - 4);
    el.style.left = `${String(Math.max(4, left))}px`;
  }, [target.anchor]);
  useEffect(() => {
    const field = target.field === 'due' ? 'input[type="date"]' : 'input[type="search"]';
    box.current?.querySelector<HTMLElement>(field)?.focus();
  }, [target.field]);
  useEffect(() => {
    // A click elsewhere closes the popover, as a menu would.
    const onDown = (event: MouseEvent) => {
      if (event.target instanceof Node && box.current?.contains(event.target) !== true) {
        controls.close();
      }
    };
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('mousedown', onDown);
    };
  }, [controls]);

  const assigneeName =
    target.assignee === null ? null : (controls.nameOf(target.assignee) ?? 'someone');

  return (
    <div
      ref={box}
      className="action-popover"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
    >
      <h2 id={titleId} className="action-popover__title">
        {t('actionItem.title')}
      </h2>
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      <section className="action-popover__section" aria-label={t('actionItem.assigneeSection')}>
        <p className="action-popover__current">
          {assigneeName === null
            ? t('actionItem.nobody')
            : t('actionItem.assignedTo', { name: assigneeName })}
        </p>
        {target.assignee !== null && assigneeName !== null && (
          <p>
            <PersonLink personId={target.assignee} name={assigneeName}>
              {t('actionItem.openAssignee', { name: assigneeName })}
            </PersonLink>
          </p>
        )}
        <PeoplePicker
          search={controls.search}
          label={t('actionItem.find')}
          action={(name) => t('actionItem.assignTo', { name })}
          variant="buttons"
          keepQuery
          onPick={(person) => {
            controls.remember(person);
            if (apply({ assignee: person.id })) close();
          }}
        />
        {target.assignee !== null && (
          <Button
            onClick={() => {
              if (apply({ assignee: null })) close();
            }}
          >
            {t('actionItem.unassign')}
          </Button>
        )}
      </section>
      <form
        className="action-popover__section"
        aria-label={t('actionItem.whenDue')}
        onSubmit={(event) => {
          event.preventDefault();
          if (!isCalendarDate(due)) {
            setError(t('actionItem.realDate'));
            return;
          }
          if (apply({ due })) close();
        }}
      >
        <label className="dialog__field">
          {t('actionItem.dueDate')}
          <input
            className="input"
            type="date"
            value={due}
            onChange={(event) => {
              setDue(event.target.value);
              setError(null);
            }}
          />
        </label>
        <div className="action-popover__buttons">
          <Button type="submit" variant="primary">
            {t('actionItem.setDue')}
          </Button>
          {target.due !== null && (
            <Button
              onClick={() => {
                if (apply({ due: null })) close();
              }}
            >
              {t('actionItem.clearDue')}
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
