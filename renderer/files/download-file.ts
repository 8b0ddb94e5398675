/**
 * Offers `data` as a file download named `filename`, through a Blob link:
 * nothing leaves the machine and the page does not navigate. Used by the
 * note's Markdown export, the refused-edits banner and the space's zip export.
 */
export function downloadFile(
  doc: Document,
  filename: string,
  data: Uint8Array | string,
  type: string,
): void {
  // Bytes go in as a copy in a plain ArrayBuffer: Blob parts must not be views
  // of a shared buffer.
  const part = typeof data === 'string' ? data : data.slice();
  const url = URL.createObjectURL(new Blob([part], { type }));
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
