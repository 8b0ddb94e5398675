import type * as Y from 'yjs';

/**
 * The Y.XmlFragment of a note's Y.Doc that holds its body (TipTap's
 * Collaboration extension binds to it). Changing the name orphans every
 * stored note, so it is a constant.
 */
export const NOTE_BODY_FIELD = 'body';

export function noteBody(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(NOTE_BODY_FIELD);
}
