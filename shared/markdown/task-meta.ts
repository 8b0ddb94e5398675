/**
 * The reversible Markdown form of an action item's structured attributes
 * (shared/meeting/README.md: `assignee`, `due`), written after the item's
 * text in the style of the Obsidian Tasks plugin, for people to read:
 *
 *     - [ ] Send the minutes 👤 Ada Lovelace 📅 2026-03-05
 *
 * `👤` + the assignee's name (import turns it back into a directory id when
 * the name resolves), `📅` + the due date. The item's internal id is not
 * written: it means nothing to a reader, and import gives a fresh one. What
 * older exports wrote is still read: `🆔` + the item id, and `@` + the
 * assignee's percent-encoded directory id (unless that word is a person's
 * name, then it is a mention). Each is optional; order is free on import. A
 * sign that belongs to the text is escaped on export (`\@`, `&#x1f4c5;`) so
 * it is never taken for metadata.
 */

export interface TaskMeta {
  /** As written: a person's name, or a directory id when no name was known. */
  assignee: string | null;
  due: string | null;
  id: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SIGNS = /[👤📅🆔]/gu;
const TRAILING =
  /\s+(?:@(\S+)|👤\s?([^\s👤📅🆔](?:[^👤📅🆔\n]*[^\s👤📅🆔])?)|📅\s?(\d{4}-\d{2}-\d{2})|🆔\s?([A-Za-z0-9_-]{1,64}))\s*$/u;

/** The metadata suffix for an item (starts with a space), or '' when there is none. */
export function formatTaskMeta(meta: Partial<TaskMeta>): string {
  let out = '';
  const assignee = meta.assignee?.replace(SIGNS, '').replace(/\s+/g, ' ').trim();
  if (assignee !== undefined && assignee !== '') out += ` 👤 ${assignee}`;
  if (typeof meta.due === 'string' && DATE.test(meta.due)) out += ` 📅 ${meta.due}`;
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
 * metadata at its end. Unrecognised trailing words stay in the text, and
 * so does a trailing `@word` that `isName` says is a person's name.
 */
export function parseTaskMeta(
  raw: string,
  isName: (word: string) => boolean = () => false,
): { text: string; meta: TaskMeta } {
  const meta: TaskMeta = { assignee: null, due: null, id: null };
  let text = raw;
  for (;;) {
    const match = TRAILING.exec(text);
    if (match === null) break;
    const [whole, legacyAssignee, assignee, due, id] = match;
    if (legacyAssignee !== undefined) {
      const decoded = decode(legacyAssignee);
      if (decoded === null || meta.assignee !== null || isName(decoded)) break;
      meta.assignee = decoded;
    } else if (assignee !== undefined) {
      if (meta.assignee !== null) break;
      meta.assignee = assignee;
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
  return markdown.replace(/(^|\s)(@|👤|📅|🆔)/gu, (_m, space: string, sign: string) =>
    sign === '@' ? `${space}\\@` : `${space}&#x${(sign.codePointAt(0) ?? 0).toString(16)};`,
  );
}
