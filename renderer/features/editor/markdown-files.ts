import { t } from '../../i18n/index.ts';
import type { Schema } from '@tiptap/pm/model';
import {
  MAX_MARKDOWN_LENGTH,
  markdownToProsemirrorJson,
  MarkdownImportError,
} from '../../../shared/markdown/index.ts';
import type { NodeJSON } from '../../../shared/meeting/node-json.ts';
import { newActionItemId } from './action-item.ts';
import type { PeopleSearch } from './action-item-controls.ts';
import { resolverForImport } from './markdown-people.ts';

export { downloadMarkdown, markdownFileName } from '../../files/index.ts';

/** The note's title from imported Markdown: its first heading, else the file name. */
export function importedTitle(json: NodeJSON, fileName: string): string {
  const heading = json.content?.find((node) => node.type === 'heading');
  const text = (heading?.content ?? [])
    .map((node) => node.text ?? '')
    .join('')
    .trim();
  if (text !== '') return text.slice(0, 200);
  return fileName.replace(/\.(md|markdown|txt)$/i, '').trim() || t('markdown.importedNote');
}

/**
 * Reads a chosen file as a note: size and encoding checked, Markdown
 * parsed (names of people found again in the directory, when `search` is
 * given), and the result checked against the editor's schema before
 * anything is written, so a bad file changes nothing.
 * @throws MarkdownImportError with a message fit to show.
 */
export async function readMarkdownFile(
  file: File,
  schema: Schema,
  search: PeopleSearch | null = null,
): Promise<NodeJSON> {
  // UTF-8 takes at least one byte per character: more bytes than 4× the
  // limit is over it for certain, and never read into memory.
  if (file.size > MAX_MARKDOWN_LENGTH * 4) {
    throw new MarkdownImportError(t('markdown.tooLarge'));
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new MarkdownImportError(t('markdown.notUtf8'));
  }
  if (text.length > MAX_MARKDOWN_LENGTH) {
    // Refused before any directory lookup; the parser says why.
    markdownToProsemirrorJson(text);
  }
  const resolvePerson = await resolverForImport(text, search);
  const json = markdownToProsemirrorJson(text, { newId: newActionItemId, resolvePerson });
  try {
    schema.nodeFromJSON(json).check();
  } catch (error) {
    throw new MarkdownImportError(
      t('markdown.invalid', { reason: error instanceof Error ? error.message : String(error) }),
    );
  }
  return json;
}
