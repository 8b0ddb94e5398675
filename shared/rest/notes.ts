/**
 * Notes and action items for scripts and other tools (with a personal
 * access token or a sign-in token). Reading takes membership (viewers
 * included); writing takes the editor or owner role. A write is applied as
 * any editor's update is: stored, then sent to everyone with the note open.
 */
import { z } from 'zod';
import {
  ActionItemsResponseSchema,
  ApiActionItemSchema,
  AppendToNoteRequestSchema,
  CreateNoteRequestSchema,
  NoteSchema,
} from '../notes-api.ts';
import { defineRoutes } from './contract.ts';

export const NOTE_ROUTES = defineRoutes({
  getNote: {
    method: 'GET',
    path: '/api/spaces/{id}/notes/{noteId}',
    operationId: 'getNote',
    summary: 'A note: its title, its body as Markdown and as ProseMirror JSON (members).',
    auth: true,
    responses: { 200: { description: 'the note', schema: NoteSchema } },
    errors: [403, 404],
  },
  getNoteMarkdown: {
    method: 'GET',
    path: '/api/spaces/{id}/notes/{noteId}/markdown',
    operationId: 'getNoteMarkdown',
    summary: "A note's body as Markdown, `text/markdown` (members).",
    auth: true,
    responses: { 200: { description: 'the Markdown', rawContentTypes: ['text/markdown'] } },
    errors: [403, 404],
  },
  createNote: {
    method: 'POST',
    path: '/api/spaces/{id}/notes',
    operationId: 'createNote',
    summary:
      'Creates a note at the end of the space’s top level, with a title and optional Markdown body (editors and owners).',
    auth: true,
    body: CreateNoteRequestSchema,
    responses: { 201: { description: 'the note', schema: NoteSchema } },
    errors: [403, 404],
  },
  appendToNote: {
    method: 'POST',
    path: '/api/spaces/{id}/notes/{noteId}/append',
    operationId: 'appendToNote',
    summary: 'Appends Markdown to the end of a note; editors see it live (editors and owners).',
    auth: true,
    body: AppendToNoteRequestSchema,
    responses: { 200: { description: 'the note as now stored', schema: NoteSchema } },
    errors: [403, 404, 409],
  },
  listMyActionItems: {
    method: 'GET',
    path: '/api/action-items',
    operationId: 'listMyActionItems',
    summary:
      'Action items assigned to you in every space you are a member of; open ones unless `all=true`.',
    auth: true,
    query: [
      { name: 'all', description: 'include completed items', schema: z.boolean().optional() },
    ],
    responses: { 200: { description: 'the items', schema: ActionItemsResponseSchema } },
    errors: [],
  },
  listSpaceActionItems: {
    method: 'GET',
    path: '/api/spaces/{id}/action-items',
    operationId: 'listSpaceActionItems',
    summary: "A space's action items; open ones unless `all=true` (members).",
    auth: true,
    query: [
      { name: 'all', description: 'include completed items', schema: z.boolean().optional() },
    ],
    responses: { 200: { description: 'the items', schema: ActionItemsResponseSchema } },
    errors: [403, 404],
  },
  completeActionItem: {
    method: 'POST',
    path: '/api/spaces/{id}/notes/{noteId}/action-items/{itemId}/complete',
    operationId: 'completeActionItem',
    summary: 'Ticks an action item off (editors and owners).',
    auth: true,
    responses: { 200: { description: 'the item as now stored', schema: ApiActionItemSchema } },
    errors: [403, 404],
  },
});
