/** Offers `bytes` as a zip download named `filename` (a Blob link: nothing leaves the machine). */
export function downloadZip(doc: Document, filename: string, bytes: Uint8Array): void {
  // A copy in a plain ArrayBuffer: Blob parts must not be views of a shared buffer.
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/zip' }));
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
