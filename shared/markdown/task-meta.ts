/**
 * The reversible Markdown form of an action item's structured attributes
 * (shared/meeting/README.md: `id`, `assignee`, `due`), written after the
 * item's text in the style of the Obsidian Tasks plugin:
 *
 *     - [ ] Send the minutes @ada 📅 2026-03-05 🆔 a1b2c3
 *
 * `@` + the assignee's directory id (percent-encoded, so any id is one
 * word), `📅` + the due date, `🆔` + the item id. Each is optional; order is
 * free on import. An `@` or emoji that belongs to the text is escaped on
 * export (`\@`) so it is never taken for metadata.
 */

export interface TaskMeta {
  assignee: string | null;
  due: string | null;
  id: string | null;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TRAILING = /\s+(?:@(\S+)|📅\s?(\d{4}-\d{2}-\d{2})|🆔\s?([A-Za-z0-9_-]{1,64}))\s*$/u;

/** The metadata suffix for an item (starts with a space), or '' when there is none. */
export function formatTaskMeta(meta: Partial<TaskMeta>): string {
  let out = '';
  if (typeof meta.assignee === 'string' && meta.assignee !== '') {
    out += ` @${encodeURIComponent(meta.assignee)}`;
  }
  if (typeof meta.due === 'string' && DATE.test(meta.due)) out += ` 📅 ${meta.due}`;
  if (typeof meta.id === 'string' && ID.test(meta.id)) out += ` 🆔 ${meta.id}`;
  return out;
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Splits the raw Markdown of an item's first line into its text and the
 * metadata at its end. Unrecognised trailing words stay in the text.
 */
export function parseTaskMeta(raw: string): { text: string; meta: TaskMeta } {
  const meta: TaskMeta = { assignee: null, due: null, id: null };
  let text = raw;
  for (;;) {
    const match = TRAILING.exec(text);
    if (match === null) break;
    const [whole, assignee, due, id] = match;
    if (assignee !== undefined) {
      const decoded = decode(assignee);
      if (decoded === null || meta.assignee !== null) break;
      meta.assignee = decoded;
    } else if (due !== undefined) {
      if (meta.due !== null) break;
      meta.due = due;
    } else if (id !== undefined) {
      if (meta.id !== null) break;
      meta.id = id;
    }
    text = text.slice(0, text.length - whole.length);
  }
  return { text, meta };
}

/** Escapes what `parseTaskMeta` would read as metadata in an item's own text. */
export function escapeTaskText(markdown: string): string {
  return markdown.replace(/(^|\s)(@|📅|🆔)/gu, (_m, space: string, sign: string) =>
    sign === '@' ? `${space}\\@` : `${space}&#x${(sign.codePointAt(0) ?? 0).toString(16)};`,
  );
}
