/**
 * Per-edit attribution of a note from its edit journal: for each stored
 * update, who sent it, when, the text it inserted, and the text it deleted.
 * An update names what it deletes only by Yjs id, so the deleted text is
 * looked up among the runs earlier journal entries inserted; a deletion of
 * text inserted before the journal's oldest kept entry (retention) counts its
 * characters only.
 */
import type { DeletedRange, EditRecord, InsertedRun } from './types.ts';

export interface AttributedEdit {
  readonly at: string;
  readonly by: string | null;
  readonly byName: string | null;
  readonly inserted: string;
  readonly insertedItems: number;
  readonly deleted: string;
  readonly deletedItems: number;
}

/** Runs inserted so far, by client, for deletion look-ups. */
class InsertedText {
  readonly #byClient = new Map<number, InsertedRun[]>();

  add(run: InsertedRun): void {
    const runs = this.#byClient.get(run.client) ?? [];
    runs.push(run);
    this.#byClient.set(run.client, runs);
  }

  /** The known text of a deleted range (characters of unknown or non-text items are left out). */
  textOf(range: DeletedRange): string {
    let text = '';
    for (const run of this.#byClient.get(range.client) ?? []) {
      if (run.text === '') continue;
      const from = Math.max(range.clock, run.clock);
      const to = Math.min(range.clock + range.length, run.clock + run.text.length);
      if (from < to) text += run.text.slice(from - run.clock, to - run.clock);
    }
    return text;
  }
}

/** The journal of one note as attributed edits, oldest first. */
export function attribute(
  edits: readonly EditRecord[],
  nameOf: (sub: string) => string | null,
): AttributedEdit[] {
  const known = new InsertedText();
  return edits.map((edit) => {
    // Its own runs first: one merged update may insert text and delete part of it.
    for (const run of edit.inserts) known.add(run);
    const deleted = edit.deletes.map((range) => known.textOf(range)).join('');
    return {
      at: new Date(edit.at).toISOString(),
      by: edit.by,
      byName: edit.by === null ? null : nameOf(edit.by),
      inserted: edit.inserts.map((run) => run.text).join(''),
      insertedItems: edit.inserts.reduce((sum, run) => sum + run.length, 0),
      deleted,
      deletedItems: edit.deletes.reduce((sum, range) => sum + range.length, 0),
    };
  });
}
