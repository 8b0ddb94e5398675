import { FILE_ID_PATTERN } from '../../../shared/files-api.ts';
import type { NodeJSON } from '../../../shared/meeting/node-json.ts';
import { IMAGE_EXTENSIONS, type FilesService } from '../images/index.ts';
import { FILES_FOLDER } from './export-paths.ts';

/** The file ids of the images in a note's body, each once, in document order. */
export function imageIds(doc: NodeJSON): string[] {
  const ids = new Set<string>();
  // Iterative: a deeply nested note cannot overflow the stack.
  const stack: NodeJSON[] = [doc];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const fileId = node.attrs?.['fileId'];
    if (node.type === 'image' && typeof fileId === 'string' && FILE_ID_PATTERN.test(fileId)) {
      ids.add(fileId);
    }
    for (const child of [...(node.content ?? [])].reverse()) stack.push(child);
  }
  return [...ids];
}

/** The images of an export: zip path and bytes of each one had, and why the others were not. */
export interface ExportedImages {
  /** File id → its path in the zip (`_files/<fileId>.<ext>`). */
  readonly paths: ReadonlyMap<string, string>;
  /** Zip entries, stored as they are: images are compressed already. */
  readonly files: Readonly<Record<string, [Uint8Array, { level: 0 }]>>;
  /** File id → why its bytes could not be had. */
  readonly missing: ReadonlyMap<string, string>;
}

/**
 * Fetches the images of an export through the files service (this machine's
 * copy first, else the relay), a few at a time. A file id names the same
 * bytes everywhere (a content hash), so an image in several notes is
 * fetched and stored once.
 */
export async function exportImages(
  files: Pick<FilesService, 'read'> | null,
  spaceId: string,
  ids: readonly string[],
  concurrency: number,
): Promise<ExportedImages> {
  const paths = new Map<string, string>();
  const out: Record<string, [Uint8Array, { level: 0 }]> = {};
  const missing = new Map<string, string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let id = ids[next++]; id !== undefined; id = ids[next++]) {
      if (files === null) {
        missing.set(id, 'images cannot be loaded here');
        continue;
      }
      try {
        const image = await files.read(spaceId, id);
        const path = `${FILES_FOLDER}/${id}.${IMAGE_EXTENSIONS[image.contentType]}`;
        paths.set(id, path);
        out[path] = [image.bytes, { level: 0 }];
      } catch (err) {
        missing.set(id, err instanceof Error ? err.message : String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { paths, files: out, missing };
}
