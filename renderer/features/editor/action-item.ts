import { getChangedRanges, combineTransactionSteps } from '@tiptap/core';
import { TaskItem, type TaskItemOptions } from '@tiptap/extension-list';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { isCalendarDate } from '../../../shared/meeting/index.ts';
import type { ActionItemControls } from './action-item-controls.ts';
import { actionItemView } from './action-item-view.ts';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function textAttr(name: string, valid: (value: string) => boolean) {
  return {
    default: null,
    // A new item made by Enter is a new action item: it gets its own id
    // (below) and no assignee or due date of the item it was split from.
    keepOnSplit: false,
    parseHTML: (element: HTMLElement) => {
      const value = element.getAttribute(`data-${name}`);
      return value !== null && valid(value) ? value : null;
    },
    renderHTML: (attrs: Record<string, unknown>) => {
      const value = attrs[name];
      return typeof value === 'string' ? { [`data-${name}`]: value } : {};
    },
  };
}

/** A fresh action-item id (matches shared/meeting's `[A-Za-z0-9_-]{1,64}`). */
export function newActionItemId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

const idsKey = new PluginKey('actionItemIds');

/** What may be set on an action item: null clears; an absent key stays as it is. */
export interface ActionItemMeta {
  readonly assignee?: string | null;
  readonly due?: string | null;
}

export interface ActionItemOptions extends TaskItemOptions {
  /** The assignee and due-date controls (null: plain task items, e.g. for schema tests). */
  controls: ActionItemControls | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    actionItem: {
      /**
       * Sets the assignee and/or due date of the action item with `id`
       * (else the one at `pos`): one transaction, so it syncs and undoes.
       * Refuses an empty or over-long assignee and a due date that is not
       * a real `YYYY-MM-DD` day.
       */
      setActionItemMeta: (
        target: { id: string | null; pos: number },
        meta: ActionItemMeta,
      ) => ReturnType;
    };
  }
}

/** Whether `meta` holds only values the schema accepts. */
export function isValidActionItemMeta(meta: ActionItemMeta): boolean {
  const { assignee, due } = meta;
  if (assignee !== undefined && assignee !== null) {
    if (assignee.length === 0 || assignee.length > 256) return false;
  }
  return due === undefined || due === null || isCalendarDate(due);
}

/** Where the action item is now: by id (others may have edited above it), else at `pos`. */
function findItem(
  doc: PMNode,
  typeName: string,
  target: { id: string | null; pos: number },
): number | null {
  if (target.id === null) {
    return doc.nodeAt(target.pos)?.type.name === typeName ? target.pos : null;
  }
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (found.length > 0) return false;
    if (node.type.name === typeName && node.attrs['id'] === target.id) found.push(pos);
    return !node.isTextblock;
  });
  return found[0] ?? null;
}

/**
 * Task items with the structured attributes of shared/meeting/README.md:
 * `id`, `assignee` (directory person id), `due` (`YYYY-MM-DD`), besides
 * TipTap's `checked`. Nested, as the README's `paragraph block*` says.
 */
export const ActionItem = TaskItem.extend<ActionItemOptions>({
  addOptions() {
    return {
      nested: true,
      HTMLAttributes: {},
      taskListTypeName: 'taskList',
      ...this.parent?.(),
      controls: null,
    };
  },
  addAttributes() {
    return {
      ...this.parent?.(),
      id: textAttr('id', (v) => ID.test(v)),
      assignee: textAttr('assignee', (v) => v.length > 0 && v.length <= 256),
      due: textAttr('due', (v) => DATE.test(v)),
    };
  },
  addProseMirrorPlugins() {
    return [...(this.parent?.() ?? []), actionItemIdsPlugin(this.name)];
  },
  addCommands() {
    return {
      ...this.parent?.(),
      setActionItemMeta:
        (target, meta) =>
        ({ tr, dispatch }) => {
          if (!isValidActionItemMeta(meta)) return false;
          const pos = findItem(tr.doc, this.name, target);
          const node = pos === null ? null : tr.doc.nodeAt(pos);
          if (pos === null || node === null) return false;
          const attrs: Record<string, unknown> = { ...node.attrs };
          if (meta.assignee !== undefined) attrs['assignee'] = meta.assignee;
          if (meta.due !== undefined) attrs['due'] = meta.due;
          if (dispatch) tr.setNodeMarkup(pos, undefined, attrs);
          return true;
        },
    };
  },
  addNodeView() {
    const parent = this.parent?.();
    const controls = this.options.controls;
    if (parent == null || controls === null) return parent ?? null;
    return actionItemView(parent, controls);
  },
}).configure({ nested: true });

function isLocal(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return tr.docChanged && meta?.isChangeOrigin !== true;
}

/**
 * Gives every action item this person creates (Enter, the slash menu, a
 * paste) an id, and a fresh one to a pasted duplicate, so "My action items"
 * can tell items apart. Only local changes are looked at: ids in remote
 * changes are their author's to give, so two clients never race to rename
 * the same item. Only the changed ranges are scanned unless an item there
 * may duplicate one elsewhere.
 */
function actionItemIdsPlugin(typeName: string): Plugin {
  return new Plugin({
    key: idsKey,
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some(isLocal)) return null;
      const transform = combineTransactionSteps(oldState.doc, [...transactions]);
      const touched: { node: PMNode; pos: number }[] = [];
      for (const { newRange } of getChangedRanges(transform)) {
        newState.doc.nodesBetween(newRange.from, newRange.to, (node, pos) => {
          if (node.type.name === typeName) touched.push({ node, pos });
          return !node.isTextblock;
        });
      }
      if (touched.length === 0) return null;
      const counts = new Map<string, number>();
      newState.doc.descendants((node) => {
        const id = node.attrs['id'] as unknown;
        if (node.type.name === typeName && typeof id === 'string') {
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        return !node.isTextblock;
      });
      const tr = newState.tr;
      const seen = new Set<number>();
      for (const { node, pos } of touched) {
        if (seen.has(pos)) continue;
        seen.add(pos);
        const id = node.attrs['id'] as unknown;
        const duplicate = typeof id === 'string' && (counts.get(id) ?? 0) > 1;
        if (typeof id === 'string' && ID.test(id) && !duplicate) continue;
        if (duplicate) counts.set(id, (counts.get(id) ?? 1) - 1);
        tr.setNodeAttribute(pos, 'id', newActionItemId());
      }
      return tr.docChanged ? tr.setMeta('addToHistory', false) : null;
    },
  });
}
