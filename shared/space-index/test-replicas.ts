/**
 * Test support (imported by the *.test.ts files only): replicas of a space
 * index that exchange Yjs updates over a fake network whose delivery order
 * the test controls, and checks of the tree invariants.
 */
import * as Y from 'yjs';
import type { PageTree } from './page-tree.ts';
import { openSpaceIndex, type SpaceIndex } from './space-index.ts';

export interface Replica {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly index: SpaceIndex;
  /** Updates produced here, not yet delivered to each peer (by peer name). */
  readonly outbox: Map<string, Uint8Array[]>;
}

/** Creates `count` replicas with fixed client ids (so runs are reproducible). */
export function createReplicas(count: number, firstClientId = 1, clock = () => 1_000): Replica[] {
  const replicas: Replica[] = [];
  for (let i = 0; i < count; i += 1) {
    const doc = new Y.Doc();
    doc.clientID = firstClientId + i;
    const name = `r${i}`;
    replicas.push({
      name,
      doc,
      index: openSpaceIndex(doc, { userId: `user-${i}`, now: clock }),
      outbox: new Map(),
    });
  }
  for (const replica of replicas) {
    replica.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return; // peers forward only their own edits
      for (const peer of replicas) {
        if (peer === replica) continue;
        const queue = replica.outbox.get(peer.name);
        if (queue === undefined) replica.outbox.set(peer.name, [update]);
        else queue.push(update);
      }
    });
  }
  return replicas;
}

/** Delivers one queued update from `from` to `to`, by position in the queue. */
export function deliver(from: Replica, to: Replica, position = 0): boolean {
  const queue = from.outbox.get(to.name);
  const update = queue?.splice(position, 1)[0];
  if (update === undefined) return false;
  Y.applyUpdate(to.doc, update, 'network');
  return true;
}

/** Full sync of the given replicas with one another (state exchange), as after reconnecting. */
export function syncAll(replicas: readonly Replica[]): void {
  for (const a of replicas) {
    for (const b of replicas) {
      if (a === b) continue;
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), 'network');
    }
  }
  // What was queued between these replicas is now included; queues to others stay.
  for (const a of replicas) for (const b of replicas) a.outbox.delete(b.name);
}

/** A canonical text form of the whole tree (archived pages included), for equality checks. */
export function canonicalTree(tree: PageTree): string {
  return JSON.stringify(
    tree
      .list({ includeArchived: true })
      .map((page) => [
        page.id,
        page.parentId,
        page.title,
        page.icon,
        page.kind,
        page.order,
        page.hidden,
        page.archived,
      ]),
  );
}

/**
 * Invariants every computed tree must hold; returns the violations found.
 * - every stored page appears exactly once in the depth-first listing;
 * - walking parents from any page reaches the root (no cycle);
 * - children are in (order key, id) order.
 */
export function treeViolations(tree: PageTree, expectedIds: Iterable<string>): string[] {
  const problems: string[] = [];
  const listed = tree.list({ includeArchived: true });
  const seen = new Map<string, number>();
  for (const page of listed) seen.set(page.id, (seen.get(page.id) ?? 0) + 1);
  for (const id of expectedIds) {
    const times = seen.get(id) ?? 0;
    if (times !== 1) problems.push(`page ${id} listed ${times} times`);
  }
  if (listed.length !== tree.size) problems.push(`listed ${listed.length} of ${tree.size} pages`);
  for (const page of listed) {
    let steps = 0;
    for (let p = tree.get(page.id); p?.parentId != null; p = tree.get(p.parentId)) {
      steps += 1;
      if (steps > tree.size) {
        problems.push(`cycle through ${page.id}`);
        break;
      }
    }
    const siblings = tree.children(page.id, { includeArchived: true });
    for (let i = 1; i < siblings.length; i += 1) {
      const a = siblings[i - 1];
      const b = siblings[i];
      if (
        a !== undefined &&
        b !== undefined &&
        (a.order > b.order || (a.order === b.order && a.id >= b.id))
      ) {
        problems.push(`children of ${page.id} out of order at ${i}`);
      }
    }
  }
  return problems;
}
