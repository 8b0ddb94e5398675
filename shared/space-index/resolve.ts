/**
 * THE RULE: the effective parent of every page, computed the same way by
 * every replica from the same document state (README.md explains why).
 *
 * 1. A stored parent that is not a known page (unknown, not yet synced,
 *    malformed) counts as the root: such a page shows at the root, never lost.
 * 2. Each page has one stored parent, so the stored parents form a functional
 *    graph: every cycle in it is a simple, disjoint loop, and it can only come
 *    from concurrent moves (a single replica never writes a cycle). In each
 *    cycle the page with the greatest move stamp (clock, then client id, then
 *    page id) loses: its move is ignored, as if it had been applied last and
 *    skipped, like the move operation of Kleppmann et al.
 * 3. A losing page goes back to the parent it had before its move (`prev`)
 *    unless that would make a new cycle or `prev` is unknown; then the root.
 *    Losers are placed in ascending stamp order, so the result is unique.
 *
 * Cost: one pass over the pages to find cycles (each page is visited once),
 * plus an ancestor walk per losing page only. Linear for a 2,000-page space.
 */
import type { StoredPage } from './schema.ts';

/** The resolved shape of the tree, before ordering and visibility. */
export interface Resolution {
  /** Effective parent of every page (null: the root). Acyclic by construction. */
  readonly parent: ReadonlyMap<string, string | null>;
  /** Pages whose stored move lost a cycle (rule 2); a client may `repair()` them. */
  readonly detached: ReadonlySet<string>;
  /** Pages whose stored parent is not a known page (rule 1). */
  readonly orphaned: ReadonlySet<string>;
}

/** Orders pages by move stamp: clock, then Yjs client id, then page id. */
export function compareStamps(a: StoredPage, b: StoredPage): number {
  if (a.pos.clock !== b.pos.clock) return a.pos.clock - b.pos.clock;
  if (a.pos.client !== b.pos.client) return a.pos.client - b.pos.client;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** True when `ancestor` is `node` or lies on `node`'s path to the root. */
function isOnPathToRoot(
  ancestor: string,
  node: string,
  parent: ReadonlyMap<string, string | null>,
): boolean {
  let current: string | null | undefined = node;
  while (current !== null && current !== undefined) {
    if (current === ancestor) return true;
    current = parent.get(current);
  }
  return false;
}

/** Applies THE RULE (see the file comment) to the stored pages. */
export function resolveParents(pages: Iterable<StoredPage>): Resolution {
  const byId = new Map<string, StoredPage>();
  for (const page of pages) byId.set(page.id, page);

  const parent = new Map<string, string | null>();
  const orphaned = new Set<string>();
  for (const page of byId.values()) {
    const stored = page.pos.parent;
    if (stored !== null && !byId.has(stored)) orphaned.add(page.id);
    parent.set(page.id, stored !== null && byId.has(stored) ? stored : null);
  }

  // Find every cycle of the functional graph with one walk per unvisited page.
  const IN_PROGRESS = 1;
  const DONE = 2;
  const state = new Map<string, number>();
  const losers: StoredPage[] = [];
  for (const start of byId.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && !state.has(current)) {
      state.set(current, IN_PROGRESS);
      path.push(current);
      current = parent.get(current) ?? null;
    }
    if (current !== null && state.get(current) === IN_PROGRESS) {
      let loser: StoredPage | undefined;
      for (const id of path.slice(path.indexOf(current))) {
        const page = byId.get(id);
        if (page !== undefined && (loser === undefined || compareStamps(page, loser) > 0)) {
          loser = page;
        }
      }
      if (loser !== undefined) losers.push(loser);
    }
    for (const id of path) state.set(id, DONE);
  }

  // Cut every cycle at its loser, then put losers back where they came from.
  for (const loser of losers) parent.set(loser.id, null);
  losers.sort(compareStamps);
  for (const loser of losers) {
    const prev = loser.pos.prev;
    if (prev !== null && byId.has(prev) && !isOnPathToRoot(loser.id, prev, parent)) {
      parent.set(loser.id, prev);
    }
  }
  return { parent, detached: new Set(losers.map((page) => page.id)), orphaned };
}
