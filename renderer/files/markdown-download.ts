/**
 * Saving a note as a Markdown file, shared by the note menu's export and the
 * refused-edits banner: a Blob link, so nothing leaves the machine and the
 * page does not navigate.
 */
import { t } from '../i18n/index.ts';
import { downloadFile } from './download-file.ts';

/** Offers `text` as a Markdown download named `filename`. */
export function downloadMarkdown(doc: Document, filename: string, text: string): void {
  downloadFile(doc, filename, text, 'text/markdown;charset=utf-8');
}

/** A file name for a page title: letters, digits, spaces, `-` and `_`; `.md` added. */
export function markdownFileName(title: string): string {
  const safe = title
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .slice(0, 80);
  return `${safe === '' ? t('tree.untitled') : safe}.md`;
}
