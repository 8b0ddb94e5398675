/**
 * Saving a note as a Markdown file, shared by the note menu's export and the
 * refused-edits banner: a Blob link, so nothing leaves the machine and the
 * page does not navigate.
 */

/** Offers `text` as a Markdown download named `filename`. */
export function downloadMarkdown(doc: Document, filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  doc.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download; revoking at once can cancel it.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** A file name for a page title: letters, digits, spaces, `-` and `_`; `.md` added. */
export function markdownFileName(title: string): string {
  const safe = title
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .slice(0, 80);
  return `${safe === '' ? 'Untitled' : safe}.md`;
}
