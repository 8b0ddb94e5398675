/**
 * Notes and action items over REST: the rules. Every route needs
 * membership of the space (404 for an unknown space or note, 403 for a
 * non-member); writes need the editor or owner role, so a viewer, like a
 * viewer's socket, cannot change a note. Reads and writes go through the
 * relay's document path (notes/note-docs.ts), which asks the sockets' access
 * stage first (purge guard, acceptable use): stored, then broadcast.
 */
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { Role } from '../../shared/api.ts';
import {
  appendJsonToFragment,
  fragmentToJson,
  jsonToMarkdown,
  markdownToProsemirrorJson,
  MarkdownImportError,
} from '../../shared/markdown/index.ts';
import {
  namesForExport,
  resolverForImport,
  type PeopleSearch,
} from '../../shared/markdown/people-lookup.ts';
import { readActionItems, setActionItemChecked } from '../../shared/meeting/action-items.ts';
import {
  AppendToNoteRequestSchema,
  CreateNoteRequestSchema,
  type ApiActionItem,
  type Note,
} from '../../shared/notes-api.ts';
import { API } from '../../shared/rest/index.ts';
import { NOTE_BODY_FRAGMENT } from '../../shared/search/note-text.ts';
import { openSpaceIndex, readAllPages, type StoredPage } from '../../shared/space-index/index.ts';
import { ID_PATTERN, SPACE_INDEX_DOC_ID } from '../../shared/wire.ts';
import type { NoteDocs } from '../notes/note-docs.ts';
import type { ApiDeps, ApiRequest, ApiRoute } from './api-types.ts';
import { HttpError } from './json.ts';
import { memberOf, param } from './route-access.ts';

interface NoteRef {
  readonly spaceId: string;
  readonly noteId: string;
  readonly role: Role;
}

function notesOf(deps: ApiDeps): NoteDocs {
  if (deps.notes === undefined) throw new HttpError(404, 'not_found', 'notes are not served here');
  return deps.notes;
}

function mayWrite(role: Role): void {
  if (role === 'viewer') throw new HttpError(403, 'forbidden', 'viewers cannot change notes');
}

/** The live (not archived) pages of a space's index. */
async function pagesOf(deps: ApiDeps, req: ApiRequest, spaceId: string): Promise<StoredPage[]> {
  const room = `${spaceId}/${SPACE_INDEX_DOC_ID}`;
  const pages = await notesOf(deps).read(req.principal, room, readAllPages);
  return (pages ?? []).filter((p) => p.archived === null);
}

async function noteOf(deps: ApiDeps, req: ApiRequest): Promise<NoteRef & { title: string }> {
  const { spaceId, role } = await memberOf(deps, req);
  const noteId = param(req, 'noteId');
  if (!ID_PATTERN.test(noteId) || noteId === SPACE_INDEX_DOC_ID) {
    throw new HttpError(404, 'not_found', 'no such note');
  }
  const page = (await pagesOf(deps, req, spaceId)).find((p) => p.id === noteId);
  if (page === undefined) throw new HttpError(404, 'not_found', 'no such note');
  return { spaceId, noteId, role, title: page.title };
}

function bodyOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(NOTE_BODY_FRAGMENT);
}

/** The directory as the Markdown converters ask it: assignees by id, people by a word of their name. */
function searchOf(deps: ApiDeps): PeopleSearch {
  return async (q) => deps.store.searchPeople(q, 10);
}

async function view(
  deps: ApiDeps,
  req: ApiRequest,
  ref: Omit<NoteRef, 'role'>,
  title: string,
): Promise<Note> {
  const room = `${ref.spaceId}/${ref.noteId}`;
  const content = (await notesOf(deps).read(req.principal, room, (doc) =>
    fragmentToJson(bodyOf(doc)),
  )) ?? { type: 'doc' };
  // Assignees by name, as the editor's export writes them.
  const nameOf = await namesForExport(content, () => null, searchOf(deps));
  return {
    id: ref.noteId,
    spaceId: ref.spaceId,
    title,
    markdown: jsonToMarkdown(content, { nameOf }),
    content: { ...content },
  };
}

/** Appends Markdown to a note's body as the caller; 400 for Markdown the importer refuses. */
async function append(
  deps: ApiDeps,
  req: ApiRequest,
  room: string,
  markdown: string,
): Promise<void> {
  let json;
  try {
    // `@Name` and `👤 Name` become people the directory knows, as in the editor's import.
    const resolvePerson = await resolverForImport(markdown, searchOf(deps));
    json = markdownToProsemirrorJson(markdown, { resolvePerson });
  } catch (err) {
    if (err instanceof MarkdownImportError)
      throw new HttpError(400, 'invalid_markdown', err.message);
    throw err;
  }
  await notesOf(deps).edit(req.principal, room, (doc) => {
    appendJsonToFragment(bodyOf(doc), json);
  });
}

/** The action items of the live notes of a space, open ones unless `all`. */
async function itemsOf(
  deps: ApiDeps,
  req: ApiRequest,
  spaceId: string,
  all: boolean,
  assignee: string | null,
): Promise<ApiActionItem[]> {
  const out: ApiActionItem[] = [];
  for (const page of await pagesOf(deps, req, spaceId)) {
    const room = `${spaceId}/${page.id}`;
    // A note the access stage refuses (deleted for good) is left out, not the whole list.
    const items = await notesOf(deps)
      .read(req.principal, room, readActionItems)
      .catch((err: unknown) => {
        if (err instanceof HttpError && err.status === 403) return null;
        throw err;
      });
    for (const item of items ?? []) {
      if (!all && item.checked) continue;
      if (assignee !== null && item.assignee !== assignee) continue;
      out.push({ ...item, spaceId, noteId: page.id, noteTitle: page.title });
    }
  }
  return out;
}

const wantsAll = (req: ApiRequest): boolean => req.query.get('all') === 'true';

export const NOTE_ROUTES: readonly ApiRoute[] = [
  {
    ...API.getNote,
    handle: async (deps, req) => {
      const note = await noteOf(deps, req);
      return { status: 200, body: await view(deps, req, note, note.title) };
    },
  },
  {
    ...API.getNoteMarkdown,
    handle: async (deps, req) => {
      const note = await noteOf(deps, req);
      const { markdown } = await view(deps, req, note, note.title);
      return {
        status: 200,
        raw: {
          contentType: 'text/markdown; charset=utf-8',
          bytes: new TextEncoder().encode(markdown),
        },
      };
    },
  },
  {
    ...API.createNote,
    handle: async (deps, req) => {
      const { spaceId, role } = await memberOf(deps, req);
      mayWrite(role);
      const body = CreateNoteRequestSchema.parse(req.body);
      const noteId = randomUUID();
      const userId = req.principal.id;
      // The body first: the page appears in everyone's tree with its text already there.
      if (body.markdown !== undefined && body.markdown !== '') {
        await append(deps, req, `${spaceId}/${noteId}`, body.markdown);
      }
      await notesOf(deps).edit(req.principal, `${spaceId}/${SPACE_INDEX_DOC_ID}`, (doc) => {
        openSpaceIndex(doc, { userId, now: deps.now }).create({
          id: noteId,
          title: body.title,
          kind: 'note',
          parentId: null,
        });
      });
      return { status: 201, body: await view(deps, req, { spaceId, noteId }, body.title) };
    },
  },
  {
    ...API.appendToNote,
    handle: async (deps, req) => {
      const note = await noteOf(deps, req);
      mayWrite(note.role);
      const { markdown } = AppendToNoteRequestSchema.parse(req.body);
      await append(deps, req, `${note.spaceId}/${note.noteId}`, markdown);
      return { status: 200, body: await view(deps, req, note, note.title) };
    },
  },
  {
    ...API.listMyActionItems,
    handle: async (deps, req) => {
      const items: ApiActionItem[] = [];
      for (const space of await deps.store.spacesOf(req.principal.id)) {
        items.push(...(await itemsOf(deps, req, space.id, wantsAll(req), req.principal.id)));
      }
      return { status: 200, body: { items } };
    },
  },
  {
    ...API.listSpaceActionItems,
    handle: async (deps, req) => {
      const { spaceId } = await memberOf(deps, req);
      return {
        status: 200,
        body: { items: await itemsOf(deps, req, spaceId, wantsAll(req), null) },
      };
    },
  },
  {
    ...API.completeActionItem,
    handle: async (deps, req) => {
      const note = await noteOf(deps, req);
      mayWrite(note.role);
      const itemId = param(req, 'itemId');
      const room = `${note.spaceId}/${note.noteId}`;
      const found = (await notesOf(deps).read(req.principal, room, readActionItems))?.find(
        (i) => i.id === itemId,
      );
      if (found === undefined) throw new HttpError(404, 'not_found', 'no such action item');
      await notesOf(deps).edit(req.principal, room, (doc) => {
        setActionItemChecked(doc, itemId, true);
      });
      const item = { ...found, checked: true };
      return {
        status: 200,
        body: { ...item, spaceId: note.spaceId, noteId: note.noteId, noteTitle: note.title },
      };
    },
  },
];
