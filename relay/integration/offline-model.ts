/**
 * The random workload of the offline sync property test: a seeded
 * generator, and a ledger of every edit made and every deletion recorded, so
 * that the final state can be checked against what must be there.
 */
import * as Y from 'yjs';

/** mulberry32: a tiny seeded PRNG, so a failing seed replays exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Picks one element of a non-empty array. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const TOKEN = /\{[^}]*\}/g;

/** Tokens (`{…}`) in a note's text, with where each starts. */
export function tokensIn(text: Y.Text): { token: string; at: number }[] {
  return [...text.toJSON().matchAll(TOKEN)].map((m) => ({ token: m[0], at: m.index }));
}

/**
 * Positions between whole tokens. Inserting only there keeps every token one
 * contiguous run, so "is it still present" is a substring check, whatever
 * the concurrent interleaving.
 */
export function boundaries(text: Y.Text): number[] {
  return [0, ...tokensIn(text).map(({ token, at }) => at + token.length)];
}

/** What was written and what was deliberately removed, per document. */
export class Ledger {
  readonly inserted = new Map<string, Set<string>>();
  readonly deleted = new Map<string, Set<string>>();
  readonly marks = new Map<string, Set<string>>();
  readonly unmarked = new Map<string, Set<string>>();
  readonly pages = new Set<string>();

  static #add(map: Map<string, Set<string>>, docId: string, value: string): void {
    let set = map.get(docId);
    if (set === undefined) {
      set = new Set();
      map.set(docId, set);
    }
    set.add(value);
  }

  insert(docId: string, token: string): void {
    Ledger.#add(this.inserted, docId, token);
  }
  delete(docId: string, token: string): void {
    Ledger.#add(this.deleted, docId, token);
  }
  mark(docId: string, key: string): void {
    Ledger.#add(this.marks, docId, key);
  }
  unmark(docId: string, key: string): void {
    Ledger.#add(this.unmarked, docId, key);
  }

  /** Every problem with `doc` against the ledger (empty when all is as it must be). */
  problems(docId: string, doc: Y.Doc): string[] {
    const out: string[] = [];
    const text = doc.getText('body').toJSON();
    const deleted = this.deleted.get(docId) ?? new Set<string>();
    for (const token of this.inserted.get(docId) ?? []) {
      const count = text.split(token).length - 1;
      if (deleted.has(token)) {
        if (count !== 0) out.push(`${docId}: deleted ${token} is back`);
      } else if (count !== 1) out.push(`${docId}: ${token} present ${count} times`);
    }
    const marks = doc.getMap('marks');
    const unmarked = this.unmarked.get(docId) ?? new Set<string>();
    for (const key of this.marks.get(docId) ?? []) {
      if (marks.has(key) === unmarked.has(key)) out.push(`${docId}: mark ${key} wrong`);
    }
    return out;
  }
}
