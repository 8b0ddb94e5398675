import * as Y from 'yjs';
import type { MarkJSON, NodeJSON } from '../meeting/node-json.ts';

/**
 * ProseMirror JSON from a Y.XmlFragment as y-prosemirror stores it
 * (elements named after nodes, attributes as is, marks as formatting
 * attributes of the text), without a schema or a DOM, so exports run
 * anywhere. y-prosemirror names a mark that may overlap itself
 * `<mark>--<hash>`; the suffix is dropped.
 */
export function fragmentToJson(fragment: Y.XmlFragment): NodeJSON {
  return { type: 'doc', content: children(fragment) };
}

function children(parent: Y.XmlFragment | Y.XmlElement): NodeJSON[] {
  const out: NodeJSON[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) out.push(element(child));
    else if (child instanceof Y.XmlText) out.push(...textNodes(child));
  }
  return out;
}

function element(node: Y.XmlElement): NodeJSON {
  const json: NodeJSON = { type: node.nodeName };
  const attrs = node.getAttributes() as Record<string, unknown>;
  if (Object.keys(attrs).length > 0) json.attrs = { ...attrs };
  const content = children(node);
  if (content.length > 0) json.content = content;
  return json;
}

function textNodes(text: Y.XmlText): NodeJSON[] {
  const out: NodeJSON[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    const marks: MarkJSON[] = Object.entries(op.attributes ?? {}).map(([key, value]) => {
      const type = key.replace(/--[A-Za-z0-9+/=]*$/, '');
      return value !== null && typeof value === 'object' && Object.keys(value).length > 0
        ? { type, attrs: { ...(value as Record<string, unknown>) } }
        : { type };
    });
    out.push(
      marks.length > 0
        ? { type: 'text', text: op.insert, marks }
        : { type: 'text', text: op.insert },
    );
  }
  return out;
}
