import type * as Y from 'yjs';
import { MAX_INDEXED_TEXT, MAX_INDEXED_TITLE, type NoteText } from '../../shared/search/index.ts';
import { buildPageTree, readAllPages } from '../../shared/space-index/index.ts';

/** What the search index needs to know about a page of a space's tree. */
export interface PageInfo {
  readonly title: string;
  /** Archived, or under an archived page: not searched (see README.md). */
  readonly hidden: boolean;
  readonly updatedAt: number;
}

/** The pages of one space index doc (room `<spaceId>/index`), by page id (= note doc id). */
export function pagesOf(doc: Y.Doc): Map<string, PageInfo> {
  const tree = buildPageTree(readAllPages(doc));
  const pages = new Map<string, PageInfo>();
  for (const page of tree.list({ includeArchived: true })) {
    pages.set(page.id, { title: page.title, hidden: page.hidden, updatedAt: page.updatedAt });
  }
  return pages;
}

export function samePage(a: PageInfo | undefined, b: PageInfo | undefined): boolean {
  return a?.title === b?.title && a?.hidden === b?.hidden;
}

/**
 * Title and text to index for a note. The page title from the tree wins over
 * the note's first line (people rename pages in the sidebar); the
 * first line then stays searchable as the first line of the text.
 */
export function noteEntry(body: NoteText, page: PageInfo | undefined): NoteText {
  const pageTitle = page?.title.trim() ?? '';
  if (pageTitle === '') return { title: body.title.slice(0, MAX_INDEXED_TITLE), text: body.text };
  const keepFirst = body.title !== '' && body.title.trim() !== pageTitle;
  return {
    title: pageTitle.slice(0, MAX_INDEXED_TITLE),
    text: keepFirst ? `${body.title}\n${body.text}`.slice(0, MAX_INDEXED_TEXT) : body.text,
  };
}
