// A space's own note templates ("Teams can save their own
// templates per space"), kept in the space index Y.Doc (room
// `<spaceId>/index`) beside the page tree, so they sync to every member and
// work offline like the tree does.
//
// Layout: root Y.Map `templates`, template id → ONE plain value
// `{ name, createdBy, createdAt, content }` where `content` is the note's
// ProseMirror JSON as a string. A template is written whole and never edited
// in place (save again under a new id to change it), so a plain value, last
// writer wins, is enough. Anyone with write access can put anything here:
// readers drop malformed entries rather than throw.
import * as Y from 'yjs';
import type { NodeJSON } from '../meeting/index.ts';
import { ID_PATTERN } from '../wire.ts';

/** Name of the root Y.Map holding the templates. */
export const TEMPLATES_KEY = 'templates';
/** Longest template name. */
export const MAX_TEMPLATE_NAME_LENGTH = 100;
/** Largest template content, in characters of JSON (the index doc is loaded by every member). */
export const MAX_TEMPLATE_CONTENT_LENGTH = 256 * 1024;
/** At most this many templates per space. */
export const MAX_TEMPLATES = 200;
/**
 * Largest total of all of a space's template contents, in characters of JSON.
 * 200 templates of 256 KiB would make the index doc (loaded by every member,
 * on every device, before the sidebar shows) 50 MiB; this keeps it small.
 */
export const MAX_TEMPLATES_TOTAL_LENGTH = 4 * 1024 * 1024;
const MAX_USER_ID_LENGTH = 256;

/** A template as stored, after validation. */
export interface SpaceTemplate {
  readonly id: string;
  readonly name: string;
  readonly createdBy: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  /** The note's ProseMirror JSON (a `doc` node), as a string. */
  readonly content: string;
}

export type TemplateErrorCode =
  'bad-name' | 'bad-content' | 'too-large' | 'too-many' | 'space-full' | 'bad-id';

/** A refused save, with a message fit to show. */
export class TemplateError extends Error {
  readonly code: TemplateErrorCode;
  constructor(code: TemplateErrorCode, message: string) {
    super(message);
    this.name = 'TemplateError';
    this.code = code;
  }
}

/** The root map of templates in a space index doc. */
export function templatesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TEMPLATES_KEY);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A ProseMirror `doc` node as JSON: an object with type 'doc' and an array of content. */
function isDocJSON(value: unknown): value is NodeJSON {
  return (
    isRecord(value) &&
    value['type'] === 'doc' &&
    (value['content'] === undefined || Array.isArray(value['content']))
  );
}

/**
 * One stored entry, validated: null for anything malformed (bad id, empty or
 * over-long name, content that is not a doc's JSON or too large, a bad
 * author or time). Tolerant by design: one bad entry never hides the others.
 */
export function readTemplate(id: string, value: unknown): SpaceTemplate | null {
  if (!ID_PATTERN.test(id) || !isRecord(value)) return null;
  const { name, createdBy, createdAt, content } = value;
  if (typeof name !== 'string') return null;
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_TEMPLATE_NAME_LENGTH) return null;
  if (typeof content !== 'string' || content.length > MAX_TEMPLATE_CONTENT_LENGTH) return null;
  if (parseTemplateContent(content) === null) return null;
  return {
    id,
    name: trimmed,
    createdBy:
      typeof createdBy === 'string' && createdBy.length <= MAX_USER_ID_LENGTH ? createdBy : '',
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
    content,
  };
}

/** The template's content as ProseMirror JSON, or null when it is not a doc's JSON. */
export function parseTemplateContent(content: string): NodeJSON | null {
  try {
    const json: unknown = JSON.parse(content);
    return isDocJSON(json) ? json : null;
  } catch {
    return null;
  }
}

/** The space's valid templates, by name (then oldest first). */
export function listTemplates(doc: Y.Doc): SpaceTemplate[] {
  const found: SpaceTemplate[] = [];
  for (const [id, value] of templatesMap(doc).entries()) {
    const template = readTemplate(id, value);
    if (template !== null) found.push(template);
  }
  return found.sort(
    (a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
      a.createdAt - b.createdAt ||
      a.id.localeCompare(b.id),
  );
}

export interface SaveTemplateInput {
  readonly id: string;
  readonly name: string;
  readonly createdBy: string;
  readonly createdAt: number;
  /** The note's ProseMirror JSON (`editor.getJSON()`); anything else is refused. */
  readonly content: unknown;
}

/**
 * Stores a template in one transaction (with `origin`, so it syncs like any
 * edit of the index). Checked first; nothing is written on refusal.
 * @throws TemplateError `bad-name` (empty or over 100 characters), `bad-id`,
 *   `bad-content` (not a doc), `too-large` (over 256 KiB of JSON),
 *   `too-many` (200 templates already), `space-full` (all templates
 *   together would exceed 4 MiB of JSON).
 */
export function saveTemplate(
  doc: Y.Doc,
  input: SaveTemplateInput,
  origin: unknown = null,
): SpaceTemplate {
  const name = input.name.trim();
  if (name === '') throw new TemplateError('bad-name', 'Give the template a name.');
  if (name.length > MAX_TEMPLATE_NAME_LENGTH) {
    throw new TemplateError(
      'bad-name',
      `A template name has at most ${String(MAX_TEMPLATE_NAME_LENGTH)} characters.`,
    );
  }
  if (!ID_PATTERN.test(input.id)) throw new TemplateError('bad-id', 'Invalid template id.');
  if (!isDocJSON(input.content)) {
    throw new TemplateError('bad-content', 'Only a whole note can be saved as a template.');
  }
  const content = JSON.stringify(input.content);
  if (content.length > MAX_TEMPLATE_CONTENT_LENGTH) {
    throw new TemplateError(
      'too-large',
      'This note is too large to be a template (over 256 KiB); images and long text make it so.',
    );
  }
  const map = templatesMap(doc);
  const existing = listTemplates(doc);
  if (!map.has(input.id) && existing.length >= MAX_TEMPLATES) {
    throw new TemplateError(
      'too-many',
      `This space has ${String(MAX_TEMPLATES)} templates already; delete one first.`,
    );
  }
  // Saving under an existing id replaces that template, so its size is not counted twice.
  const others = existing.reduce((sum, t) => (t.id === input.id ? sum : sum + t.content.length), 0);
  if (others + content.length > MAX_TEMPLATES_TOTAL_LENGTH) {
    throw new TemplateError(
      'space-full',
      `This space's templates would take more than ${String(MAX_TEMPLATES_TOTAL_LENGTH / (1024 * 1024))} MiB together; delete a large one first, or save a shorter note.`,
    );
  }
  const stored = {
    name,
    createdBy: input.createdBy.slice(0, MAX_USER_ID_LENGTH),
    createdAt: input.createdAt,
    content,
  };
  doc.transact(() => {
    map.set(input.id, stored);
  }, origin);
  return { id: input.id, ...stored };
}

/** Deletes a template; false when there was none with that id. */
export function deleteTemplate(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  const map = templatesMap(doc);
  if (!map.has(id)) return false;
  doc.transact(() => {
    map.delete(id);
  }, origin);
  return true;
}

/**
 * The content a new note gets from a template: a copy in which every action
 * item is open again and has a fresh id (ids must be unique per note, and
 * "My action items" tells items apart by them). Assignees and due dates stay:
 * a team's template may well say who does what.
 */
export function instantiateTemplate(content: NodeJSON, newId: () => string): NodeJSON {
  const copy = (node: NodeJSON): NodeJSON => {
    const out: NodeJSON = { ...node };
    if (node.attrs !== undefined) out.attrs = { ...node.attrs };
    if (node.type === 'taskItem') out.attrs = { ...out.attrs, id: newId(), checked: false };
    if (node.content !== undefined) out.content = node.content.map(copy);
    return out;
  };
  return copy(content);
}
