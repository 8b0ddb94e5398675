import { obtainTokens } from '../idp/testing.ts';
import { createSpace, employee, expect, share, test, type Person } from './fixtures.ts';

// Pasted images are stored through the relay's REST API,
// size-limited and served only to members of the space.

/** A 1×1 PNG. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

interface PastedFile {
  readonly name: string;
  readonly type: string;
  /** The file's bytes, base64. */
  readonly base64: string;
  /** Zero bytes appended (to make a file too large without sending it over the wire). */
  readonly padding?: number;
}

/** The page's DOM as the callbacks below use it (e2e/ is type-checked without the DOM library). */
interface PageDom {
  readonly DataTransfer: new () => { items: { add(file: unknown): unknown } };
  readonly File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
  readonly ClipboardEvent: new (type: string, init: Record<string, unknown>) => unknown;
  readonly document: {
    querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null;
  };
}

/** Pastes `files` into the person's note with a real ClipboardEvent holding a DataTransfer. */
async function pasteFiles(person: Person, files: readonly PastedFile[]): Promise<void> {
  await person.page.evaluate((list) => {
    const dom = globalThis as unknown as PageDom;
    const data = new dom.DataTransfer();
    for (const file of list) {
      const head = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      data.items.add(
        new dom.File([head, new Uint8Array(file.padding ?? 0)], file.name, { type: file.type }),
      );
    }
    const target = dom.document.querySelector('.note-editor__content');
    if (target === null) throw new Error('no editor');
    target.dispatchEvent(
      new dom.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, files);
}

/** Whether the person's first image has loaded real pixels (not just a placeholder). */
function imageLoaded(person: Person): Promise<boolean> {
  return person.page
    .locator('figure.note-image img')
    .first()
    .evaluate((element: unknown) => {
      const img = element as { complete: boolean; naturalWidth: number };
      return img.complete && img.naturalWidth === 1;
    });
}

test('a pasted image is uploaded, shown to members, refused when too large or SVG, and hidden from others', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Design');
  await ada.editor.click();
  await ada.page.keyboard.type('The whiteboard:');
  await ada.page.keyboard.press('Enter');
  await pasteFiles(ada, [{ name: 'image.png', type: 'image/png', base64: PNG_BASE64 }]);

  const figure = ada.page.locator('figure.note-image');
  await expect(figure).toHaveCount(1);
  await expect(figure).toHaveAttribute('data-state', 'ready');
  await expect(figure.locator('img')).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => imageLoaded(ada)).toBe(true);
  const fileId = await figure.getAttribute('data-file-id');
  expect(fileId).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // A colleague (a viewer: members read images too) sees it rendered.
  await share(stack, ada, spaceId, employee('Katherine'), 'viewer');
  const kat = await openAs({ as: 'Katherine', search: `?space=${spaceId}` });
  await expect(kat.editor).toContainText('The whiteboard:');
  await expect(kat.page.locator('figure.note-image')).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => imageLoaded(kat)).toBe(true);

  // Too large (10 MiB + 1 byte) and SVG: a message, nothing inserted.
  await ada.editor.click();
  await pasteFiles(ada, [
    { name: 'huge.png', type: 'image/png', base64: PNG_BASE64, padding: 10 * 1024 * 1024 },
  ]);
  await expect(ada.page.getByRole('alert')).toContainText('too large');
  const svg = btoa('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  await pasteFiles(ada, [{ name: 'logo.svg', type: 'image/svg+xml', base64: svg }]);
  await expect(ada.page.getByRole('alert')).toContainText('SVG images cannot be added');
  await expect(figure).toHaveCount(1);
  await expect(kat.page.locator('figure.note-image')).toHaveCount(1);

  // Someone outside the space cannot fetch the file, even knowing its id.
  const base = stack.relayUrl.replace(/^ws/, 'http');
  const url = `${base}/api/spaces/${spaceId}/files/${fileId ?? ''}`;
  const alan = await obtainTokens(stack.idp.issuer, employee('Alan').sub);
  const refused = await fetch(url, { headers: { Authorization: `Bearer ${alan.accessToken}` } });
  expect(refused.status).toBe(403);
  const member = await fetch(url, {
    headers: { Authorization: `Bearer ${await kat.accessToken()}` },
  });
  expect(member.status).toBe(200);
  expect(member.headers.get('content-type')).toBe('image/png');
});

test('an image pasted with the relay down survives a reload and is uploaded when the relay is back', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(120_000);
  const grace = await openAs({ as: 'Grace' });
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Field trip');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  await ada.editor.click();
  await ada.page.keyboard.type('Photo from the tunnel:');
  await ada.page.keyboard.press('Enter');

  await stack.stopRelay();
  await expect(ada.page.getByRole('status', { name: 'Sync status' })).toHaveAttribute(
    'data-state',
    'offline',
  );
  await pasteFiles(ada, [{ name: 'tunnel.png', type: 'image/png', base64: PNG_BASE64 }]);
  const figure = ada.page.locator('figure.note-image');
  await expect(figure).toHaveAttribute('data-state', 'uploading');
  await expect(figure).toContainText('Uploading…');
  await expect.poll(() => imageLoaded(ada)).toBe(true);

  // A reload while still offline: the image comes back from this machine.
  ada.page.on('dialog', (dialog) => void dialog.accept());
  await ada.page.reload();
  await expect(ada.editor).toContainText('Photo from the tunnel:');
  await expect(figure).toHaveAttribute('data-state', 'uploading');
  await expect.poll(() => imageLoaded(ada)).toBe(true);

  // The relay is back: the upload goes through and a colleague sees the image.
  await stack.startRelay();
  await expect(figure).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await grace.page.goto(new URL(`?space=${spaceId}`, stack.web.url).toString());
  await expect(grace.page.locator('figure.note-image')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await expect.poll(() => imageLoaded(grace)).toBe(true);
});

test('“/image” opens a file chooser; the chosen image is uploaded and shown to others; viewers have no such item', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Handbook');
  await ada.editor.click();
  await ada.page.keyboard.type('Org chart:');
  await ada.page.keyboard.press('Enter');
  await ada.page.keyboard.type('/image');
  const menu = ada.page.getByRole('listbox', { name: 'Insert block' });
  await expect(menu.getByRole('option')).toHaveText([/Image/]);
  const [chooser] = await Promise.all([
    ada.page.waitForEvent('filechooser'),
    ada.page.keyboard.press('Enter'),
  ]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles({
    name: 'org-chart.png',
    mimeType: 'image/png',
    buffer: Buffer.from(PNG_BASE64, 'base64'),
  });
  const figure = ada.page.locator('figure.note-image');
  await expect(figure).toHaveAttribute('data-state', 'ready');
  await expect(figure.locator('img')).toHaveAttribute('alt', 'org-chart');
  await expect(ada.editor).not.toContainText('/image');

  // A viewer sees the image, and has no slash menu to add one.
  await share(stack, ada, spaceId, employee('Katherine'), 'viewer');
  const kat = await openAs({ as: 'Katherine', search: `?space=${spaceId}` });
  await expect(kat.editor).toContainText('Org chart:');
  await expect(kat.page.locator('figure.note-image')).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => imageLoaded(kat)).toBe(true);
  await kat.editor.click();
  await kat.page.keyboard.type('/image');
  await expect(kat.editor).not.toContainText('/image');
  await expect(kat.page.getByRole('listbox', { name: 'Insert block' })).toHaveCount(0);
});
