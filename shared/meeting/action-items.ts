// Structured action items, read from and written to
// a note's Y.Doc directly, so "My action items" works for notes that are
// synced in the background and never opened, and a tick made there is an
// ordinary Yjs change that syncs to everyone who has the note open.
//
// In the Y.Doc (y-prosemirror layout) an action item is a Y.XmlElement
// `taskItem` (TipTap's TaskItem) with the attributes below, holding a
// paragraph and possibly a nested `taskList` of sub-items. y-prosemirror
// omits attributes whose value is null.
import * as Y from 'yjs';
import { NOTE_BODY_FRAGMENT, plainText } from '../search/note-text.ts';

export const ACTION_LIST_NODE = 'taskList';
export const ACTION_ITEM_NODE = 'taskItem';

/**
 * Attributes of a `taskItem`. The editor's TaskItem extension must declare
 * `id`, `assignee` and `due` (TipTap's declares only `checked`) and give each
 * new item a fresh `id`.
 */
export interface ActionItemAttrs {
  /** Stable id, unique within the note. */
  id: string;
  checked: boolean;
  /** Directory person id (the token's `sub`), or null. */
  assignee: string | null;
  /** Due date `YYYY-MM-DD`, or null. */
  due: string | null;
}

/** An action item read from a note. Malformed attributes read as null. */
export interface ActionItem {
  /** Null when the item has no valid id yet (see `ensureActionItemIds`). */
  id: string | null;
  checked: boolean;
  assignee: string | null;
  due: string | null;
  /** The item's own text, without its sub-items. */
  text: string;
}

/** y-prosemirror stores attribute values as they are (a boolean for `checked`). */
type TaskItemElement = Y.XmlElement<{ [key: string]: string | boolean }>;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_ASSIGNEE_LENGTH = 255;
const DUE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Every action item of a note, in document order (nested items after their parent). */
export function readActionItems(doc: Y.Doc): ActionItem[] {
  return actionItemElements(doc).map(readItem);
}

/** Open (unchecked) action items, optionally only those assigned to `assignee`. */
export function openActionItems(doc: Y.Doc, filter: { assignee?: string } = {}): ActionItem[] {
  return readActionItems(doc).filter(
    (item) => !item.checked && (filter.assignee === undefined || item.assignee === filter.assignee),
  );
}

/**
 * Ticks an action item off (or reopens it with `checked = false`) in one
 * transaction with the given origin, so it syncs and an UndoManager tracking
 * that origin can undo it. Returns how many items changed: 0 when no item has
 * that id (or it already had that state); more than 1 only if a copy-paste
 * duplicated the id before `ensureActionItemIds` ran.
 */
export function setActionItemChecked(
  doc: Y.Doc,
  id: string,
  checked = true,
  origin: unknown = null,
): number {
  let changed = 0;
  doc.transact(() => {
    for (const element of actionItemElements(doc)) {
      if (element.getAttribute('id') === id && readItem(element).checked !== checked) {
        (element as TaskItemElement).setAttribute('checked', checked);
        changed += 1;
      }
    }
  }, origin);
  return changed;
}

/**
 * Gives every action item without a valid id, and every copy-pasted duplicate
 * after the first, a fresh id. Returns how many ids were written (one
 * transaction; nothing is written when all ids are fine).
 */
export function ensureActionItemIds(
  doc: Y.Doc,
  newId: () => string,
  origin: unknown = null,
): number {
  const elements = actionItemElements(doc);
  const seen = new Set<string>();
  const fix: Y.XmlElement[] = [];
  for (const element of elements) {
    const id = readItem(element).id;
    if (id === null || seen.has(id)) fix.push(element);
    else seen.add(id);
  }
  if (fix.length === 0) return 0;
  doc.transact(() => {
    for (const element of fix) {
      let id = newId();
      while (seen.has(id) || !ID.test(id)) id = newId();
      seen.add(id);
      element.setAttribute('id', id);
    }
  }, origin);
  return fix.length;
}

function actionItemElements(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  // Depth first over elements only. Not Yjs's createTreeWalker: it throws on
  // any item that is not a type (text or JSON a stock client wrote under the
  // body's name), and the relay reads every member's documents.
  const visit = (parent: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === ACTION_ITEM_NODE) found.push(child);
      visit(child);
    }
  };
  visit(doc.getXmlFragment(NOTE_BODY_FRAGMENT));
  return found;
}

function readItem(element: Y.XmlElement): ActionItem {
  const id: unknown = element.getAttribute('id');
  const checked: unknown = element.getAttribute('checked');
  const assignee: unknown = element.getAttribute('assignee');
  const due: unknown = element.getAttribute('due');
  const ownText = element
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName !== ACTION_LIST_NODE)
    .map((c) => plainText(c))
    .filter((t) => t !== '')
    .join('\n');
  return {
    id: typeof id === 'string' && ID.test(id) ? id : null,
    // Anyone with write access can store anything: only a real boolean true is "done".
    checked: checked === true,
    assignee:
      typeof assignee === 'string' && assignee.length > 0 && assignee.length <= MAX_ASSIGNEE_LENGTH
        ? assignee
        : null,
    due: typeof due === 'string' && isCalendarDate(due) ? due : null,
    text: ownText,
  };
}

/** Whether `value` is a real date in `YYYY-MM-DD` form (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DUE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
