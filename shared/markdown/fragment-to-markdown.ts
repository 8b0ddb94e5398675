import type * as Y from 'yjs';
import { fragmentToJson } from './fragment-json.ts';
import { jsonToMarkdown } from './serialize.ts';

/**
 * The Markdown of a note's body (the Y.XmlFragment TipTap binds to), without
 * a DOM or an editor, so refused offline edits (issue 5 point 5) and notes
 * (issue 4 point 9) can be exported anywhere. Format: README.md beside this
 * file. Unknown nodes keep their text so nothing is dropped.
 */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  return jsonToMarkdown(fragmentToJson(fragment));
}
