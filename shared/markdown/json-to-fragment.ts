import * as Y from 'yjs';
import type { NodeJSON } from '../meeting/node-json.ts';

/**
 * Appends ProseMirror JSON (a `doc`'s blocks) to a Y.XmlFragment in the
 * layout y-prosemirror uses (elements named after nodes, attributes as is,
 * marks as formatting attributes of the text): the inverse of
 * `fragmentToJson`, without a schema or a DOM, so the relay can write notes
 * (REST append) that the editor then shows as if typed. Null attributes are
 * left out, as y-prosemirror does; the editor supplies its defaults.
 */
export function appendJsonToFragment(fragment: Y.XmlFragment, doc: NodeJSON): void {
  fill(fragment, doc.content ?? []);
}

/**
 * Appends `nodes` to `parent`, each element inserted before it is filled:
 * Yjs types read their length only once integrated in a document.
 */
function fill(parent: Y.XmlFragment | Y.XmlElement, nodes: readonly NodeJSON[]): void {
  let text: Y.XmlText | null = null;
  for (const node of nodes) {
    if (node.type === 'text') {
      // Consecutive text nodes share one Y.XmlText, as y-prosemirror stores them.
      if (text === null) {
        text = new Y.XmlText();
        parent.insert(parent.length, [text]);
      }
      const marks: Record<string, object> = {};
      for (const mark of node.marks ?? []) marks[mark.type] = mark.attrs ?? {};
      text.insert(text.length, node.text ?? '', marks);
      continue;
    }
    text = null;
    const element = new Y.XmlElement(node.type);
    parent.insert(parent.length, [element]);
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (value !== null && value !== undefined) element.setAttribute(key, value as string);
    }
    fill(element, node.content ?? []);
  }
}
