/**
 * Which notes active legal holds cover. A hold on a space covers each of
 * its notes; a hold on a person covers each note they edited (the edit
 * journal, the note's last writer, or the page's creator). A covered note is
 * never purged, by retention or by the trash, while the hold is in force.
 */
import { holdActive, type LegalHold } from '../../shared/legal-api.ts';
import type { LegalStore } from './types.ts';

export class HoldIndex {
  readonly spaces: ReadonlySet<string>;
  readonly people: ReadonlySet<string>;
  readonly #store: LegalStore;

  private constructor(store: LegalStore, holds: readonly LegalHold[]) {
    this.#store = store;
    const active = holds.filter(holdActive);
    this.spaces = new Set(
      active.flatMap((h) => (h.scope.kind === 'space' ? [h.scope.spaceId] : [])),
    );
    this.people = new Set(
      active.flatMap((h) => (h.scope.kind === 'person' ? [h.scope.personId] : [])),
    );
  }

  /** The holds in force now. */
  static async load(store: LegalStore): Promise<HoldIndex> {
    return new HoldIndex(store, await store.holds());
  }

  /** Whether a note is held; `writers` are people known to have written it besides the journal. */
  async noteHeld(
    spaceId: string,
    docId: string,
    writers: readonly (string | null)[],
  ): Promise<boolean> {
    if (this.spaces.has(spaceId)) return true;
    if (this.people.size === 0) return false;
    if (writers.some((w) => w !== null && this.people.has(w))) return true;
    const editors = await this.#store.editorsOf(spaceId, docId);
    return editors.some((e) => this.people.has(e));
  }
}
