import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from './download-file.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Records the Blob behind the link and the anchor the helper clicks. */
function watch() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    if (blob instanceof Blob) blobs.push(blob);
    return `blob:test/${String(blobs.length)}`;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const clicks: { href: string; download: string; attached: boolean }[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicks.push({ href: this.href, download: this.download, attached: this.isConnected });
  });
  return { blobs, revoke, clicks };
}

describe('downloadFile', () => {
  it('offers text under its name and type, then tidies up', async () => {
    const { blobs, revoke, clicks } = watch();
    downloadFile(document, 'Notes.md', '# Hello', 'text/markdown;charset=utf-8');
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'Notes.md', attached: true }]);
    expect(blobs[0]?.type).toBe('text/markdown;charset=utf-8');
    expect(await blobs[0]?.text()).toBe('# Hello');
    // The link is gone at once; the URL is revoked after the click.
    expect(document.querySelector('a[download]')).toBeNull();
    await vi.waitFor(() => {
      expect(revoke).toHaveBeenCalledWith('blob:test/1');
    });
  });

  it('offers a copy of the bytes, not a view of the caller’s buffer', async () => {
    const { blobs, clicks } = watch();
    const buffer = new Uint8Array([1, 2, 3, 4, 5]);
    downloadFile(document, 'Space.zip', buffer.subarray(1, 4), 'application/zip');
    buffer[2] = 9;
    expect(clicks[0]?.download).toBe('Space.zip');
    expect(blobs[0]?.type).toBe('application/zip');
    expect([...new Uint8Array(await (blobs[0] ?? new Blob()).arrayBuffer())]).toEqual([2, 3, 4]);
  });
});
