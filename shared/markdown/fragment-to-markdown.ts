import type * as Y from 'yjs';
import { fragmentToJson } from './fragment-json.ts';
import { jsonToMarkdown, type MarkdownExportOptions } from './serialize.ts';

/**
 * The Markdown of a note's body (the Y.XmlFragment TipTap binds to), without
 * a DOM or an editor, so refused offline edits and notes can be exported
 * anywhere. Format: README.md beside this file. Unknown nodes keep their
 * text so nothing is dropped.
 */
export function fragmentToMarkdown(
  fragment: Y.XmlFragment,
  options: MarkdownExportOptions = {},
): string {
  return jsonToMarkdown(fragmentToJson(fragment), options);
}
