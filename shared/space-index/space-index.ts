/**
 * The page tree of one space, over its index Y.Doc (room `<spaceId>/index`).
 * Reads come from a memoised PageTree, rebuilt at most once per change of
 * the doc; writes validate against it and go through operations.ts.
 */
import * as Y from 'yjs';
import { SpaceIndexError } from './errors.ts';
import {
  archivePage,
  createPage,
  movePage,
  renamePage,
  repairTree,
  restorePage,
  setPageIcon,
  type Actor,
  type CreatePageInput,
  type PageTarget,
} from './operations.ts';
import {
  buildPageTree,
  type Page,
  type PageNode,
  type PageTree,
  type ReadOptions,
} from './page-tree.ts';
import { MAX_USER_ID_LENGTH, pagesMap, readAllPages } from './schema.ts';

export interface SpaceIndexOptions {
  /** The signed-in person, recorded in createdBy / updatedBy / archived.by. */
  readonly userId: string;
  /** Clock for timestamps (default: Date.now); injectable for tests. */
  readonly now?: () => number;
  /** Origin of this index's transactions (default: the SpaceIndex itself), for undo managers. */
  readonly origin?: unknown;
}

export interface PageTreeChange {
  /** True when the change came from this SpaceIndex's own writes. */
  readonly local: boolean;
  /** Ids of pages whose stored fields changed (effective positions of others may follow). */
  readonly pageIds: ReadonlySet<string>;
}

export interface SpaceIndex {
  readonly doc: Y.Doc;
  /** The current tree (memoised; immutable). */
  snapshot(): PageTree;
  get(id: string): Page | undefined;
  children(parentId: string | null, options?: ReadOptions): readonly Page[];
  tree(options?: ReadOptions): readonly PageNode[];
  path(id: string): readonly Page[];
  archived(): readonly Page[];
  create(input: CreatePageInput): Page;
  rename(id: string, title: string): void;
  setIcon(id: string, icon: string | null): void;
  move(id: string, target: PageTarget): void;
  archive(id: string): void;
  restore(id: string): void;
  /** Writes the outcome of THE RULE for pages that lost a cycle; returns how many. */
  repair(): number;
  /** Calls `listener` after every change of the tree; returns an unsubscribe function. */
  observe(listener: (change: PageTreeChange) => void): () => void;
  /** Stops observing the doc (the doc itself is not destroyed). */
  destroy(): void;
}

/** Opens the page tree of a space index doc for reading and writing as `options.userId`. */
export function openSpaceIndex(doc: Y.Doc, options: SpaceIndexOptions): SpaceIndex {
  if (
    typeof options.userId !== 'string' ||
    options.userId.length === 0 ||
    options.userId.length > MAX_USER_ID_LENGTH
  ) {
    throw new SpaceIndexError(
      'invalid-user',
      `A user id is 1 to ${MAX_USER_ID_LENGTH} characters.`,
    );
  }
  const pages = pagesMap(doc);
  const listeners = new Set<(change: PageTreeChange) => void>();
  let cached: PageTree | null = null;

  const snapshot = (): PageTree => {
    cached ??= buildPageTree(readAllPages(doc));
    return cached;
  };

  const index: SpaceIndex = {
    doc,
    snapshot,
    get: (id) => snapshot().get(id),
    children: (parentId, readOptions) => snapshot().children(parentId, readOptions),
    tree: (readOptions) => snapshot().tree(readOptions),
    path: (id) => snapshot().path(id),
    archived: () => snapshot().archived(),
    create(input) {
      write(() => {
        createPage(doc, snapshot(), actor, input);
      });
      const page = snapshot().get(input.id);
      if (page === undefined) throw new SpaceIndexError('not-found', 'The page was not stored.');
      return page;
    },
    rename: (id, title) => {
      write(() => {
        renamePage(doc, snapshot(), actor, id, title);
      });
    },
    setIcon: (id, icon) => {
      write(() => {
        setPageIcon(doc, snapshot(), actor, id, icon);
      });
    },
    move: (id, target) => {
      write(() => {
        movePage(doc, snapshot(), actor, id, target);
      });
    },
    archive: (id) => {
      write(() => {
        archivePage(doc, snapshot(), actor, id);
      });
    },
    restore: (id) => {
      write(() => {
        restorePage(doc, snapshot(), actor, id);
      });
    },
    repair: () => {
      let count = 0;
      write(() => {
        count = repairTree(doc, snapshot(), actor);
      });
      return count;
    },
    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      pages.unobserveDeep(onChange);
      listeners.clear();
    },
  };

  const actor: Actor = {
    userId: options.userId,
    now: options.now ?? Date.now,
    origin: 'origin' in options ? options.origin : index,
  };

  // Writes invalidate the cache themselves too, so a read straight after a
  // write inside someone's outer transaction (before observers run) is fresh.
  function write(run: () => void): void {
    try {
      run();
    } finally {
      cached = null;
    }
  }

  function onChange(events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void {
    cached = null;
    const pageIds = new Set<string>();
    for (const event of events) {
      if (event.target === pages && event instanceof Y.YMapEvent) {
        const keys: ReadonlySet<unknown> = event.keysChanged;
        for (const key of keys) if (typeof key === 'string') pageIds.add(key);
      } else {
        const key = event.path[0];
        if (typeof key === 'string') pageIds.add(key);
      }
    }
    const change: PageTreeChange = { local: transaction.origin === actor.origin, pageIds };
    for (const listener of [...listeners]) listener(change);
  }
  pages.observeDeep(onChange);
  return index;
}
