import type { Editor, NodeViewRenderer, NodeViewRendererProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import type { ActionItemControls } from './action-item-controls.ts';
import { currentLanguage, formatDate, formatDay, parseDay, t } from '../../i18n/index.ts';

/** Today as `YYYY-MM-DD` in local time: a due date is a calendar day where the person is. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Open and due before today. (`YYYY-MM-DD` strings compare as dates.) */
export function isOverdue(due: string | null, checked: boolean, today = localDate()): boolean {
  return !checked && due !== null && due < today;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A mention of the person in the note (meeting notes list attendees so): its label. */
function mentionLabel(doc: PMNode, id: string): string | null {
  let label: string | null = null;
  doc.descendants((node) => {
    if (label !== null) return false;
    if (node.type.name === 'mention' && node.attrs['id'] === id) label = str(node.attrs['label']);
    return true;
  });
  return label;
}

/**
 * Wraps TipTap's task-item node view (its checkbox stays as it is) and adds,
 * beside the item's text, two small buttons: the assignee (a name, or
 * "Assign") and the due date (or "Due date"). They open the popover through
 * `controls`; the change itself is an editor command, so it syncs and undoes
 * like typing. Disabled while the editor is read-only (viewers).
 */
export function actionItemView(
  parent: NodeViewRenderer,
  controls: ActionItemControls,
): NodeViewRenderer {
  return (props: NodeViewRendererProps) => {
    const inner: NodeView = parent(props);
    const { editor, getPos } = props;
    let node = props.node;
    const meta = document.createElement('span');
    meta.className = 'action-meta';
    meta.contentEditable = 'false';
    const who = document.createElement('button');
    const when = document.createElement('button');
    for (const button of [who, when]) {
      button.type = 'button';
      button.className = 'action-meta__chip';
      // Keep the editor's selection where it is.
      button.addEventListener('mousedown', (event) => {
        event.preventDefault();
      });
    }
    who.classList.add('action-meta__who');
    when.classList.add('action-meta__due');
    meta.append(who, when);
    inner.dom.appendChild(meta);
    const li = inner.dom instanceof HTMLElement ? inner.dom : null;

    const render = () => {
      const assignee = str(node.attrs['assignee']);
      const due = str(node.attrs['due']);
      const checked = node.attrs['checked'] === true;
      let name: string | null = null;
      if (assignee !== null) {
        name = controls.nameOf(assignee);
        if (name === null) {
          name = mentionLabel(editor.state.doc, assignee);
          if (name !== null) controls.remember({ id: assignee, name });
        }
      }
      who.textContent =
        assignee === null ? t('actionItem.assign') : (name ?? t('actionItem.someone'));
      who.setAttribute(
        'aria-label',
        assignee === null
          ? t('actionItem.assign')
          : t('actionItem.assignee', { name: name ?? t('actionItem.notInDirectory') }),
      );
      who.dataset['empty'] = String(assignee === null);
      const overdue = isOverdue(due, checked);
      // A day people read ("tomorrow", "Tue, Mar 10"), never the stored ISO string.
      const locale = currentLanguage();
      const day = due === null ? null : parseDay(due);
      when.textContent =
        due === null
          ? t('actionItem.dueDate')
          : t('actionItem.due', { day: formatDay(due, Date.now(), locale) });
      when.setAttribute(
        'aria-label',
        due === null
          ? t('actionItem.dueDate')
          : t(overdue ? 'actionItem.dueOverdue' : 'actionItem.due', {
              day: day === null ? due : formatDate(day, locale, 'date'),
            }),
      );
      when.dataset['empty'] = String(due === null);
      if (li !== null && (li.dataset['overdue'] === 'true') !== overdue) {
        if (overdue) li.dataset['overdue'] = 'true';
        else delete li.dataset['overdue'];
      }
      const locked = !editor.isEditable;
      who.disabled = locked;
      when.disabled = locked;
    };

    const open = (field: 'assignee' | 'due', button: HTMLElement) => {
      const pos = typeof getPos === 'function' ? getPos() : undefined;
      if (!editor.isEditable || typeof pos !== 'number') return;
      const rect = button.getBoundingClientRect();
      controls.open({
        id: str(node.attrs['id']),
        pos,
        assignee: str(node.attrs['assignee']),
        due: str(node.attrs['due']),
        field,
        anchor: { left: rect.left, top: rect.top, bottom: rect.bottom },
      });
    };
    who.addEventListener('click', () => {
      open('assignee', who);
    });
    when.addEventListener('click', () => {
      open('due', when);
    });

    const stopNames = controls.subscribeNames(render);
    // setEditable emits 'update' (a viewer's note, the first sync): the buttons follow.
    const onEditor = ({ editor: e }: { editor: Editor }) => {
      if (who.disabled === e.isEditable) render();
    };
    editor.on('update', onEditor);
    render();

    return {
      ...inner,
      dom: inner.dom,
      update: (next, decorations, innerDecorations) => {
        const ok = inner.update?.(next, decorations, innerDecorations) ?? false;
        if (ok) {
          node = next;
          render();
        }
        return ok;
      },
      // Our buttons are not document content: ProseMirror must neither
      // re-read them nor handle their clicks and keys.
      ignoreMutation: (mutation) =>
        meta.contains(mutation.target) ||
        (mutation.type === 'attributes' && mutation.attributeName === 'data-overdue') ||
        (inner.ignoreMutation?.(mutation) ?? false),
      stopEvent: (event) =>
        (event.target instanceof Node && meta.contains(event.target)) ||
        (inner.stopEvent?.(event) ?? false),
      destroy: () => {
        stopNames();
        editor.off('update', onEditor);
        inner.destroy?.();
      },
    };
  };
}
