import type { Person } from '../../../shared/api.ts';

/** Looks people up in the directory (`GET /api/directory?q=`). */
export type PeopleSearch = (q: string) => Promise<Person[]>;

/** The action item whose assignee and due date are being edited. */
export interface ActionItemTarget {
  /** The item's id (stable while others edit); `pos` is where it was when opened. */
  readonly id: string | null;
  readonly pos: number;
  readonly assignee: string | null;
  readonly due: string | null;
  /** Which control was clicked: it gets the focus. */
  readonly field: 'assignee' | 'due';
  /** Under the clicked control, in viewport coordinates. */
  readonly anchor: { readonly left: number; readonly top: number; readonly bottom: number };
}

/**
 * What the action-item node views and the popover share, outside React
 * (like the slash menu's store): which item is being edited, and the names
 * of assignees, looked up once per person in the directory.
 */
export interface ActionItemControls {
  readonly get: () => ActionItemTarget | null;
  open(target: ActionItemTarget): void;
  close(): void;
  readonly subscribe: (listener: () => void) => () => void;
  /** Null when the directory cannot be searched here (the picker then says so). */
  readonly search: PeopleSearch | null;
  /** The person's name when known; starts a directory lookup otherwise. */
  nameOf(id: string): string | null;
  /** Records a name seen elsewhere (a pick in the popover, a mention in the note). */
  remember(person: Person): void;
  /** Called when a looked-up name arrives (node views update their label). */
  readonly subscribeNames: (listener: () => void) => () => void;
}

/** A person for people: name, else email, else null (an id means nothing to them). */
function displayName(person: Person): string | null {
  return person.name ?? person.email ?? null;
}

export function createActionItemControls(search: PeopleSearch | null): ActionItemControls {
  let target: ActionItemTarget | null = null;
  const listeners = new Set<() => void>();
  const nameListeners = new Set<() => void>();
  const names = new Map<string, string>();
  // Ids already asked for (or being asked for): one request per person per editor.
  const asked = new Set<string>();

  const emit = (set: Set<() => void>) => {
    for (const listener of set) listener();
  };
  const remember = (person: Person) => {
    const name = displayName(person);
    if (name === null || names.get(person.id) === name) return;
    names.set(person.id, name);
    emit(nameListeners);
  };

  return {
    get: () => target,
    open(next) {
      target = next;
      emit(listeners);
    },
    close() {
      if (target === null) return;
      target = null;
      emit(listeners);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    search,
    nameOf(id) {
      const known = names.get(id);
      if (known !== undefined) return known;
      if (search !== null && !asked.has(id)) {
        asked.add(id);
        // The directory matches ids too; only an exact id match names the person.
        search(id).then(
          (people) => {
            const person = people.find((p) => p.id === id);
            if (person !== undefined) remember(person);
          },
          () => {
            // Offline or refused: the label falls back; asked again when the note is reopened.
          },
        );
      }
      return null;
    },
    remember,
    subscribeNames(listener) {
      nameListeners.add(listener);
      return () => nameListeners.delete(listener);
    },
  };
}
