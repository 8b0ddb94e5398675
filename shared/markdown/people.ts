import type { NodeJSON } from '../meeting/node-json.ts';

/**
 * People in exported Markdown are names (`@Grace Hopper`, `👤 Grace Hopper`),
 * never directory ids, which mean nothing to a reader. Import turns a name
 * back into the person where a resolver (fed from the directory) knows it.
 */

/** A person as a mention stores them. */
export interface MentionedPerson {
  readonly id: string;
  readonly label: string;
}

/** The person with exactly this name (case-insensitive is fine), if there is one. */
export type PersonResolver = (name: string) => MentionedPerson | undefined;

/** A person's name by directory id, if known. */
export type PersonNameOf = (id: string) => string | null | undefined;

/** Words a name spans at most; longer runs after `@` are not tried. */
const MAX_NAME_WORDS = 5;
/** Punctuation after a name that is not part of it ("@Ada, please"). */
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"’”]+$/u;

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function mapNodes(node: NodeJSON, visit: (node: NodeJSON) => NodeJSON): NodeJSON {
  const next = visit(node);
  if (next.content === undefined) return next;
  return { ...next, content: next.content.map((child) => mapNodes(child, visit)) };
}

/**
 * The document as it is exported: each action item's assignee becomes a
 * name (from `nameOf`, else a mention of the same person in the note) and
 * its internal id is dropped; each mention gets a label. An id with no name
 * anywhere is kept as written, so nothing is lost.
 */
export function namesForExport(doc: NodeJSON, nameOf: PersonNameOf = () => null): NodeJSON {
  const labels = new Map<string, string>();
  mapNodes(doc, (node) => {
    const id = str(node.attrs?.['id']);
    const label = str(node.attrs?.['label']);
    if (node.type === 'mention' && id !== null && label !== null) labels.set(id, label);
    return node;
  });
  const name = (id: string) => str(nameOf(id)) ?? labels.get(id) ?? null;
  return mapNodes(doc, (node) => {
    if (node.type === 'taskItem') {
      const assignee = str(node.attrs?.['assignee']);
      return {
        ...node,
        attrs: {
          ...node.attrs,
          id: null,
          assignee: assignee === null ? null : (name(assignee) ?? assignee),
        },
      };
    }
    if (node.type === 'mention') {
      const id = str(node.attrs?.['id']) ?? '';
      const label = str(node.attrs?.['label']) ?? name(id) ?? id;
      return { ...node, attrs: { ...node.attrs, label } };
    }
    return node;
  });
}

/** The person named at the start of `text` (after an `@`), trying the longest run of words first. */
function nameAt(
  text: string,
  resolve: PersonResolver,
): { person: MentionedPerson; length: number } | null {
  const words = text.split(' ', MAX_NAME_WORDS);
  for (let count = words.length; count > 0; count--) {
    const candidate = words.slice(0, count).join(' ').replace(TRAILING_PUNCTUATION, '');
    if (candidate === '') continue;
    const person = resolve(candidate);
    if (person !== undefined) return { person, length: candidate.length };
  }
  return null;
}

/** A text node split at `@Name`s the resolver knows; code keeps its text. */
function splitMentions(node: NodeJSON, resolve: PersonResolver): NodeJSON[] {
  const text = node.text ?? '';
  if (!text.includes('@') || node.marks?.some((mark) => mark.type === 'code') === true) {
    return [node];
  }
  const out: NodeJSON[] = [];
  const pushText = (value: string) => {
    if (value !== '') out.push({ ...node, text: value });
  };
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // Only at a word's start, so e-mail addresses stay text.
    if (at > 0 && !/\s|[(["'“‘]/u.test(text[at - 1] ?? '')) continue;
    const found = nameAt(text.slice(at + 1), resolve);
    if (found === null) continue;
    pushText(text.slice(from, at));
    out.push({ type: 'mention', attrs: { id: found.person.id, label: found.person.label } });
    from = at + 1 + found.length;
    at = from - 1;
  }
  pushText(text.slice(from));
  return out;
}

/**
 * The imported document with names turned back into people: `@Name` in text
 * becomes a mention and an action item's assignee name becomes the person's
 * id, where `resolve` knows the name. Names it does not know stay as written.
 */
export function resolvePeople(doc: NodeJSON, resolve: PersonResolver): NodeJSON {
  return mapNodes(doc, (node) => {
    if (node.type === 'taskItem') {
      const assignee = str(node.attrs?.['assignee']);
      const person = assignee === null ? undefined : resolve(assignee);
      if (person !== undefined) return { ...node, attrs: { ...node.attrs, assignee: person.id } };
    }
    if (node.content?.some((child) => child.type === 'text') !== true) return node;
    return {
      ...node,
      content: node.content.flatMap((child) =>
        child.type === 'text' ? splitMentions(child, resolve) : [child],
      ),
    };
  });
}

/**
 * The first word of each `@Name` and each assignee name in `markdown`: what
 * to look up in a directory that searches by prefix, to build a resolver
 * before importing. At most `limit` distinct words.
 */
export function personLookupWords(markdown: string, limit = 50): string[] {
  const words = new Set<string>();
  for (const match of markdown.matchAll(
    /(?:^|[\s(["'“‘])(?:@|👤\s?)([^\s@👤📅🆔\\[\]()*_`~<>]+)/gu,
  )) {
    const word = match[1]?.replace(TRAILING_PUNCTUATION, '');
    if (word !== undefined && word !== '') words.add(word);
    if (words.size >= limit) break;
  }
  return [...words];
}
