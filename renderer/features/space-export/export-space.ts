import { strToU8, zipSync, type Zippable } from 'fflate';
import { jsonToMarkdown } from '../../../shared/markdown/index.ts';
import { withImageLinks } from '../../../shared/markdown/image.ts';
import type { NodeJSON } from '../../../shared/meeting/node-json.ts';
import { HOME_DOC_ID, HOME_TITLE, type PageTree } from '../../../shared/space-index/index.ts';
import type { AppStore } from '../../store/index.ts';
import type { DocRegistry } from '../../sync/index.ts';
import type { FilesService } from '../images/index.ts';
import { exportImages, imageIds } from './export-images.ts';
import { exportPaths, relativeLink, type ExportPage } from './export-paths.ts';
import { loadNote, type LoadNoteOptions } from './load-note.ts';

/** Notes loaded at once: enough to overlap round trips, few enough to leave sockets free. */
export const EXPORT_CONCURRENCY = 4;

export interface SpaceExportResult {
  /** The zip, or null when no page could be exported at all. */
  readonly zip: Uint8Array | null;
  readonly exported: number;
  /** Pages whose notes came from this device's copy, as the relay could not be reached. */
  readonly stale: readonly string[];
  /** Titles of the pages left out, with why. */
  readonly missing: readonly { readonly title: string; readonly reason: string }[];
  /** Images put in `_files/`. */
  readonly images: number;
  /** Images left out (their links stay `commonplace-file:`), with the notes that show them and why. */
  readonly missingImages: readonly { readonly notes: readonly string[]; readonly reason: string }[];
}

export interface SpaceExportInput {
  readonly spaceId: string;
  readonly tree: PageTree;
  readonly registry: DocRegistry;
  readonly store: AppStore;
  readonly online: boolean;
  /** Where the images' bytes come from (null: the links stay `commonplace-file:`, listed as missing). */
  readonly files?: Pick<FilesService, 'read'> | null;
  readonly timeoutMs?: number;
  /** Called after each note with how many are done, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
}

interface MutablePage {
  readonly id: string;
  readonly title: string;
  readonly archived: boolean;
  readonly children: MutablePage[];
}

/** The tree, archived pages included, as export-paths.ts takes it (no recursion). */
function toExportPages(tree: PageTree): ExportPage[] {
  const roots: MutablePage[] = [];
  const made = new Map<string, MutablePage>();
  // Depth-first, so a parent always comes before its children, in order.
  for (const page of tree.list({ includeArchived: true })) {
    const node = { id: page.id, title: page.title, archived: page.archived !== null, children: [] };
    made.set(page.id, node);
    const parent = page.parentId === null ? undefined : made.get(page.parentId);
    (parent?.children ?? roots).push(node);
  }
  return roots;
}

/**
 * Builds a whole space as a zip of Markdown files laid out like its page
 * tree (layout in export-paths.ts), the home note as
 * `Home.md`, archived pages under `_archive/`, images under `_files/`
 * linked by relative paths. Every note is opened through the doc registry
 * and waited for (load-note.ts), a few at a time; then its images are
 * fetched (export-images.ts) and its Markdown written.
 */
export async function exportSpace(input: SpaceExportInput): Promise<SpaceExportResult> {
  const entries = exportPaths(toExportPages(input.tree), { homeId: HOME_DOC_ID });
  const notes: { path: string; title: string; doc: NodeJSON }[] = [];
  const stale: string[] = [];
  const missing: { title: string; reason: string }[] = [];
  const options: LoadNoteOptions = {
    online: input.online,
    ...(input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs }),
  };
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let entry = entries[next++]; entry !== undefined; entry = entries[next++]) {
      const home = entry.pageId === HOME_DOC_ID;
      const title = home ? HOME_TITLE : (input.tree.get(entry.pageId)?.title ?? entry.pageId);
      const note = await loadNote(
        input.registry,
        input.store,
        { spaceId: input.spaceId, docId: entry.pageId },
        options,
      );
      if (note.ok && home && jsonToMarkdown(note.doc).trim() === '') {
        // A space whose home note was never written: no empty Home.md.
      } else if (note.ok) {
        notes.push({ path: entry.path, title, doc: note.doc });
        if (!note.fresh) stale.push(title);
      } else {
        missing.push({ title, reason: note.reason });
      }
      done += 1;
      input.onProgress?.(done, entries.length);
    }
  };
  await Promise.all(Array.from({ length: EXPORT_CONCURRENCY }, worker));

  const idsOf = new Map(notes.map((note) => [note, imageIds(note.doc)]));
  const images = await exportImages(
    input.files ?? null,
    input.spaceId,
    [...new Set([...idsOf.values()].flat())],
    EXPORT_CONCURRENCY,
  );
  const files: Zippable = { ...images.files };
  const showing = new Map<string, string[]>();
  for (const note of notes) {
    const path = (fileId: string) => images.paths.get(fileId) ?? null;
    files[note.path] = strToU8(
      withImageLinks(
        (fileId) => {
          const target = path(fileId);
          return target === null ? null : relativeLink(note.path, target);
        },
        () => jsonToMarkdown(note.doc),
      ),
    );
    for (const id of idsOf.get(note) ?? []) {
      if (images.missing.has(id)) showing.set(id, [...(showing.get(id) ?? []), note.title]);
    }
  }
  const missingImages = [...images.missing].map(([id, reason]) => ({
    notes: showing.get(id) ?? [],
    reason,
  }));
  const exported = notes.length;
  // Folders exist in a zip through their files' paths; a page whose note is
  // missing still keeps its children's folder.
  return {
    zip: exported === 0 ? null : zipSync(files, { level: 6 }),
    exported,
    stale,
    missing,
    images: images.paths.size,
    missingImages,
  };
}
