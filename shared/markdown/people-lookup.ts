/**
 * Directory look-ups around Markdown export and import, shared by the
 * editor (its people search) and the relay's REST API (its people store).
 */
import type { Person } from '../api.ts';
import type { NodeJSON } from '../meeting/node-json.ts';
import { personLookupWords, type PersonNameOf, type PersonResolver } from './people.ts';

/** Finds people by a word of their name, id or email (the directory). */
export type PeopleSearch = (q: string) => Promise<Person[]>;

/** Directory requests made at most for one export or import. */
const MAX_LOOKUPS = 50;

function assigneeIds(node: NodeJSON, into: Set<string>): Set<string> {
  const assignee = node.attrs?.['assignee'];
  if (node.type === 'taskItem' && typeof assignee === 'string' && assignee !== '') {
    into.add(assignee);
  }
  for (const child of node.content ?? []) assigneeIds(child, into);
  return into;
}

/** Asks the directory, answering nothing when it cannot be reached (export and import still work). */
async function lookUp(search: PeopleSearch, queries: readonly string[]): Promise<Person[][]> {
  return Promise.all(queries.slice(0, MAX_LOOKUPS).map((q) => search(q).catch((): Person[] => [])));
}

/**
 * Names of the note's action-item assignees, from `known` (names already
 * shown in the editor) or else the directory, so the exported file says
 * "Grace Hopper" where the note stores a directory id.
 */
export async function namesForExport(
  doc: NodeJSON,
  known: (id: string) => string | null,
  search: PeopleSearch | null,
): Promise<PersonNameOf> {
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const id of assigneeIds(doc, new Set())) {
    const name = known(id);
    if (name !== null) names.set(id, name);
    else missing.push(id);
  }
  if (search !== null && missing.length > 0) {
    const answers = await lookUp(search, missing);
    answers.forEach((people, i) => {
      // The directory matches ids too; only an exact id match names the person.
      const person = people.find((p) => p.id === missing[i]);
      const name = person?.name ?? person?.email;
      if (person !== undefined && name !== undefined) names.set(person.id, name);
    });
  }
  return (id) => names.get(id) ?? null;
}

/**
 * A resolver for importing `markdown`: the people the directory returns for
 * the words after each `@` and `👤`, matched by their whole name (case
 * aside). Without a directory, no name resolves and names stay text.
 */
export async function resolverForImport(
  markdown: string,
  search: PeopleSearch | null,
): Promise<PersonResolver> {
  const byName = new Map<string, Person>();
  if (search !== null) {
    for (const people of await lookUp(search, personLookupWords(markdown, MAX_LOOKUPS))) {
      for (const person of people) {
        if (person.name !== undefined) byName.set(person.name.toLowerCase(), person);
      }
    }
  }
  return (name) => {
    const person = byName.get(name.toLowerCase());
    return person && { id: person.id, label: person.name ?? name };
  };
}
