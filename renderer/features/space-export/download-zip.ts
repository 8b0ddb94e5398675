import { downloadFile } from '../../files/index.ts';

/** Offers `bytes` as a zip download named `filename` (a Blob link: nothing leaves the machine). */
export function downloadZip(doc: Document, filename: string, bytes: Uint8Array): void {
  downloadFile(doc, filename, bytes, 'application/zip');
}
