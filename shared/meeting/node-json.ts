// ProseMirror's JSON form of a document (what TipTap's `editor.getJSON()`
// returns and `setContent()` takes), as plain objects: shared/ cannot depend
// on the editor, and the template must be buildable anywhere (main, relay).

/** A mark on a text node, e.g. `{ type: 'bold' }`. */
export interface MarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node in ProseMirror JSON form. */
export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJSON[];
  text?: string;
  marks?: MarkJSON[];
}

export function text(value: string, marks?: MarkJSON[]): NodeJSON {
  return marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks };
}

/** A paragraph; empty strings are dropped because ProseMirror forbids empty text nodes. */
export function paragraph(...inline: (NodeJSON | string)[]): NodeJSON {
  const content = inline.filter((n) => n !== '').map((n) => (typeof n === 'string' ? text(n) : n));
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function heading(level: 1 | 2 | 3, value: string): NodeJSON {
  return value === ''
    ? { type: 'heading', attrs: { level } }
    : { type: 'heading', attrs: { level }, content: [text(value)] };
}

export function bulletList(items: readonly NodeJSON[][]): NodeJSON {
  return {
    type: 'bulletList',
    content: items.map((content) => ({ type: 'listItem', content })),
  };
}
