/**
 * A read-only, immutable view of a space's page tree at one moment: the
 * stored pages with THE RULE applied (resolve.ts), siblings ordered by order
 * key then id, and archive visibility (an archived page hides its subtree).
 * Built in one linear pass (plus sorting siblings); the SpaceIndex memoises
 * it until the doc changes.
 */
import { compareSiblings } from './order-key.ts';
import { resolveParents } from './resolve.ts';
import type { ArchiveMark, PageKind, StoredPage } from './schema.ts';

/** A page as the UI sees it: with its effective parent. */
export interface Page {
  readonly id: string;
  readonly title: string;
  readonly icon: string | null;
  readonly kind: PageKind;
  /** Effective parent (null: the root), after THE RULE. */
  readonly parentId: string | null;
  readonly order: string;
  /** Set when this page itself was archived. */
  readonly archived: ArchiveMark | null;
  /** True when this page or one of its ancestors is archived. */
  readonly hidden: boolean;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

export interface PageNode {
  readonly page: Page;
  readonly children: readonly PageNode[];
}

export interface ReadOptions {
  /** Include archived pages and their subtrees (default: false). */
  readonly includeArchived?: boolean;
}

export interface PageTree {
  /** Number of pages stored, archived ones included. */
  readonly size: number;
  /** Pages whose stored move lost a cycle and were put back (see README). */
  readonly detached: ReadonlySet<string>;
  /** Pages shown at the root because their stored parent is unknown. */
  readonly orphaned: ReadonlySet<string>;
  get(id: string): Page | undefined;
  /** Children of `parentId` (null: the root), in order. */
  children(parentId: string | null, options?: ReadOptions): readonly Page[];
  /** The whole forest under the root, in order. */
  tree(options?: ReadOptions): readonly PageNode[];
  /** Every page in depth-first order (the order of the sidebar). */
  list(options?: ReadOptions): readonly Page[];
  /** Breadcrumbs: the pages from the top level down to `id`, inclusive; [] if unknown. */
  path(id: string): readonly Page[];
  /** True when `ancestor` is a strict ancestor of `id`. */
  isAncestor(ancestor: string, id: string): boolean;
  /** Pages archived themselves (the trash), most recently archived first. */
  archived(): readonly Page[];
}

const NO_PAGES: readonly Page[] = [];

/** Builds the immutable tree view from the decoded stored pages. */
export function buildPageTree(stored: readonly StoredPage[]): PageTree {
  const resolution = resolveParents(stored);
  const childIds = new Map<string | null, StoredPage[]>();
  for (const page of stored) {
    const parentId = resolution.parent.get(page.id) ?? null;
    const siblings = childIds.get(parentId);
    if (siblings === undefined) childIds.set(parentId, [page]);
    else siblings.push(page);
  }
  for (const siblings of childIds.values()) {
    siblings.sort((a, b) =>
      compareSiblings({ order: a.pos.order, id: a.id }, { order: b.pos.order, id: b.id }),
    );
  }

  // Top-down from the root: every page is reached, as the parents are acyclic.
  const pages = new Map<string, Page>();
  const children = new Map<string | null, Page[]>();
  const queue: { id: string | null; hidden: boolean }[] = [{ id: null, hidden: false }];
  for (let head = 0, next = queue[0]; next !== undefined; head += 1, next = queue[head]) {
    const list: Page[] = [];
    for (const s of childIds.get(next.id) ?? []) {
      const hidden = next.hidden || s.archived !== null;
      const page: Page = {
        id: s.id,
        title: s.title,
        icon: s.icon,
        kind: s.kind,
        parentId: next.id,
        order: s.pos.order,
        archived: s.archived,
        hidden,
        createdAt: s.createdAt,
        createdBy: s.createdBy,
        updatedAt: s.updatedAt,
        updatedBy: s.updatedBy,
      };
      pages.set(s.id, page);
      list.push(page);
      queue.push({ id: s.id, hidden });
    }
    children.set(next.id, list);
  }

  const childrenOf = (parentId: string | null, options?: ReadOptions): readonly Page[] => {
    const all = children.get(parentId) ?? NO_PAGES;
    return options?.includeArchived === true ? all : all.filter((page) => !page.hidden);
  };

  const list = (options?: ReadOptions): readonly Page[] => {
    const out: Page[] = [];
    const stack = [...childrenOf(null, options)].reverse();
    for (let page = stack.pop(); page !== undefined; page = stack.pop()) {
      out.push(page);
      stack.push(...[...childrenOf(page.id, options)].reverse());
    }
    return out;
  };

  return {
    size: pages.size,
    detached: resolution.detached,
    orphaned: resolution.orphaned,
    get: (id) => pages.get(id),
    children: childrenOf,
    list,
    tree(options) {
      // Iterative, so a very deep tree cannot overflow the stack.
      const nodes = new Map<string | null, PageNode[]>([[null, []]]);
      for (const page of list(options)) {
        const own: PageNode[] = [];
        nodes.set(page.id, own);
        nodes.get(page.parentId)?.push({ page, children: own });
      }
      return nodes.get(null) ?? [];
    },
    path(id) {
      const out: Page[] = [];
      for (let page = pages.get(id); page !== undefined;) {
        out.push(page);
        page = page.parentId === null ? undefined : pages.get(page.parentId);
      }
      return out.reverse();
    },
    isAncestor(ancestor, id) {
      for (let current = pages.get(id)?.parentId ?? null; current !== null;) {
        if (current === ancestor) return true;
        current = pages.get(current)?.parentId ?? null;
      }
      return false;
    },
    archived() {
      return [...pages.values()]
        .filter((page) => page.archived !== null)
        .sort((a, b) => (b.archived?.at ?? 0) - (a.archived?.at ?? 0) || (a.id < b.id ? -1 : 1));
    },
  };
}
