/**
 * Notes and action items over REST, for scripts and other tools: read a
 * note as Markdown or JSON, create one, append Markdown, list and complete
 * action items. The Markdown format is shared/markdown/README.md's. Routes
 * in shared/rest/notes.ts, rules in relay/http/routes-notes.ts.
 */
import { z } from 'zod';
import { MAX_TITLE_LENGTH } from './space-index/schema.ts';

/** Longest Markdown one request may add (the import limit is larger; a request body is capped too). */
export const NOTE_MARKDOWN_MAX = 200_000;

export const NoteSchema = z.object({
  id: z.string(),
  spaceId: z.string(),
  /** From the space's page tree; empty when the note is not in it. */
  title: z.string(),
  markdown: z.string(),
  /** The body as ProseMirror JSON (the editor's node names). */
  content: z.looseObject({ type: z.string() }),
});
export type Note = z.infer<typeof NoteSchema>;

export const CreateNoteRequestSchema = z.object({
  title: z.string().trim().min(1).max(MAX_TITLE_LENGTH),
  markdown: z.string().max(NOTE_MARKDOWN_MAX).optional(),
});
export type CreateNoteRequest = z.infer<typeof CreateNoteRequestSchema>;

export const AppendToNoteRequestSchema = z.object({
  markdown: z.string().min(1).max(NOTE_MARKDOWN_MAX),
});

export const ApiActionItemSchema = z.object({
  /** Null while the editor has not yet given the item an id (it cannot be completed then). */
  id: z.string().nullable(),
  spaceId: z.string(),
  noteId: z.string(),
  noteTitle: z.string(),
  text: z.string(),
  checked: z.boolean(),
  assignee: z.string().nullable(),
  due: z.string().nullable(),
});
export type ApiActionItem = z.infer<typeof ApiActionItemSchema>;

export const ActionItemsResponseSchema = z.object({ items: z.array(ApiActionItemSchema) });
