import { getChangedRanges, combineTransactionSteps } from '@tiptap/core';
import { TaskItem } from '@tiptap/extension-list';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

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

/**
 * Task items with the structured attributes of shared/meeting/README.md:
 * `id`, `assignee` (directory person id), `due` (`YYYY-MM-DD`), besides
 * TipTap's `checked`. Nested, as the README's `paragraph block*` says.
 */
export const ActionItem = TaskItem.extend({
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
