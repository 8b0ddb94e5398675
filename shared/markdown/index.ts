/** Markdown in and out of notes (issue 4 point 9; issue 5 point 5). Format: README.md. */
export { fragmentToMarkdown } from './fragment-to-markdown.ts';
export { fragmentToJson } from './fragment-json.ts';
export { jsonToMarkdown } from './serialize.ts';
export {
  markdownToProsemirrorJson,
  MarkdownImportError,
  MAX_MARKDOWN_LENGTH,
  type MarkdownImportOptions,
} from './parse.ts';
export { isAllowedLinkHref, MAX_LINK_LENGTH } from './links.ts';
export { formatTaskMeta, parseTaskMeta, type TaskMeta } from './task-meta.ts';
