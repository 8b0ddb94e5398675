/** Markdown in and out of notes (export, import, refused offline edits). Format: README.md. */
export { fragmentToMarkdown } from './fragment-to-markdown.ts';
export { fragmentToJson } from './fragment-json.ts';
export { jsonToMarkdown, type MarkdownExportOptions } from './serialize.ts';
export {
  personLookupWords,
  type MentionedPerson,
  type PersonNameOf,
  type PersonResolver,
} from './people.ts';
export {
  markdownToProsemirrorJson,
  MarkdownImportError,
  MAX_MARKDOWN_LENGTH,
  type MarkdownImportOptions,
} from './parse.ts';
export { isAllowedLinkHref, MAX_LINK_LENGTH } from './links.ts';
export { formatTaskMeta, parseTaskMeta, type TaskMeta } from './task-meta.ts';
export { appendJsonToFragment } from './json-to-fragment.ts';
