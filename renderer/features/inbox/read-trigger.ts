import * as Y from 'yjs';

/**
 * Whether a transaction on an open note can have changed its mentions of me,
 * so the inbox must read the note again. Typing changes only `Y.XmlText`
 * (text and its marks); a mention is an element, and comments live in a map,
 * so adding or removing either always touches some other type. The note's
 * own keystrokes therefore cost the inbox nothing; what came from the relay
 * is always read (it may need announcing).
 */
export function mayChangeMentions(tr: Y.Transaction, relayOrigin: unknown): boolean {
  if (tr.origin === relayOrigin) return true;
  for (const type of tr.changed.keys()) {
    if (!(type instanceof Y.XmlText)) return true;
  }
  return false;
}
