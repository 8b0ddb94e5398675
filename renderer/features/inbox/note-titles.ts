import type * as Y from 'yjs';
import { buildPageTree, readAllPages } from '../../../shared/space-index/index.ts';
import { textFromNoteDoc } from '../../../shared/search/index.ts';
import type { RoomName } from '../../../shared/wire.ts';
import type { DocRegistry } from '../../sync/index.ts';
import { SPACE_INDEX_DOC_ID } from '../tree/index.ts';

type Reader = Pick<DocRegistry, 'readLocal'>;

/**
 * Titles of notes as the sidebar shows them: the page title from the space's
 * tree (room `<spaceId>/index`), else the note's first line, else its id.
 * Space trees are read once per space and kept until `clear()`.
 */
export function createNoteTitles(registry: Reader) {
  const trees = new Map<string, Promise<Map<string, string>>>();

  const treeOf = (spaceId: string): Promise<Map<string, string>> => {
    let tree = trees.get(spaceId);
    if (tree === undefined) {
      tree = registry
        .readLocal({ spaceId, docId: SPACE_INDEX_DOC_ID })
        .then((doc) => {
          try {
            const titles = new Map<string, string>();
            for (const page of buildPageTree(readAllPages(doc)).list({ includeArchived: true })) {
              titles.set(page.id, page.title);
            }
            return titles;
          } finally {
            doc.destroy();
          }
        })
        .catch(() => new Map<string, string>());
      trees.set(spaceId, tree);
    }
    return tree;
  };

  return {
    /** The title of `room`; `doc` (the note, when at hand) gives its first line as a fallback. */
    async titleOf(room: RoomName, doc?: Y.Doc): Promise<string> {
      const fromTree = (await treeOf(room.spaceId)).get(room.docId)?.trim() ?? '';
      if (fromTree !== '') return fromTree;
      const first = doc === undefined ? '' : textFromNoteDoc(doc).title.trim();
      return first === '' ? room.docId : first;
    },
    /** Forgets the trees read so far (pages were renamed or added). */
    clear(): void {
      trees.clear();
    },
  };
}
