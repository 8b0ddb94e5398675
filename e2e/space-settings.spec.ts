import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import {
  createSpace,
  employee,
  expect,
  newPage,
  pageMenu,
  share,
  test,
  type Person,
} from './fixtures.ts';

// Space settings (name, icon, description) and export (a whole space as a zip of Markdown files with their tree), end to end:
// an owner changes the settings, a member sees them without reloading, an
// editor cannot change them, and the editor exports the space, including
// notes she never opened and their images, then the test unzips the download.

const status = (person: Person) => person.page.getByRole('status', { name: 'Sync status' });
const pending = (person: Person) => status(person).locator('.sync-status__pending');

/** A 1×1 PNG. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Pastes the PNG into the open note with a real ClipboardEvent (a string: e2e/ has no DOM types). */
async function pastePng(person: Person): Promise<void> {
  await person.page.evaluate(`(() => {
    const bytes = Uint8Array.from(atob('${PNG_BASE64}'), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    document.querySelector('.note-editor__content').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  })()`);
}

/** Types `text` into the open note once it is editable. */
async function write(person: Person, text: string): Promise<void> {
  await expect(person.editor).toHaveAttribute('contenteditable', 'true');
  await person.editor.click();
  await person.page.keyboard.type(text);
  await expect(person.editor).toContainText(text);
}

test('an owner renames a space and gives it an icon and a description; members see it; editors cannot change it; the space exports as a zip', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Design');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');

  // Pages with content, a nested one and an archived page (duplicate titles
  // and hostile names are covered by export-paths.test.ts).
  await newPage(ada, 'Projects');
  await write(ada, 'All our projects');
  await newPage(ada, 'Roadmap', 'Projects');
  await write(ada, 'Ship the editor');
  await ada.page.keyboard.press('Enter');
  await pastePng(ada);
  const image = ada.page.locator('figure.note-image');
  await expect(image).toHaveAttribute('data-state', 'ready');
  const fileId = await image.getAttribute('data-file-id');
  await newPage(ada, 'Notes');
  await write(ada, 'Loose notes');
  await newPage(ada, 'Old plan');
  await write(ada, 'Abandoned idea');
  await pageMenu(ada, 'Old plan', 'Archive');
  await expect(pending(ada)).toHaveCount(0);

  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(grace.page.getByRole('link', { name: /Design/ })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // The owner changes the settings.
  await ada.page.getByRole('button', { name: 'Space settings' }).click();
  const dialog = ada.page.getByRole('dialog', { name: 'Space settings' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Product design');
  await dialog.getByRole('button', { name: 'Icon 🎨' }).click();
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Mock-ups and reviews');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const adaLink = ada.page.getByRole('link', { name: /Product design/ });
  await expect(adaLink).toContainText('🎨');
  await expect(ada.page.locator('.sidebar__space-description')).toHaveText('Mock-ups and reviews');

  // The member sees it when her window regains focus, without a reload.
  const graceLink = grace.page.getByRole('link', { name: /Product design/ });
  await expect
    .poll(async () => {
      // What the browser fires when she comes back to the window (this test
      // file is type-checked without the DOM, hence a string).
      await grace.page.evaluate('window.dispatchEvent(new Event("focus"))');
      return graceLink.count();
    })
    .toBe(1);
  await expect(graceLink).toContainText('🎨');
  await expect(graceLink).toContainText('Editor');
  await expect(grace.page.locator('.sidebar__space-description')).toHaveText(
    'Mock-ups and reviews',
  );

  // The editor sees the settings read-only, and the relay refuses her a change.
  await grace.page.getByRole('button', { name: 'Space settings' }).click();
  const hers = grace.page.getByRole('dialog', { name: 'Space settings' });
  await expect(hers).toContainText('Only owners of this space change its settings.');
  await expect(hers).toContainText('Mock-ups and reviews');
  await expect(hers.getByRole('textbox')).toHaveCount(0);
  await expect(hers.getByRole('button', { name: 'Save' })).toHaveCount(0);
  const refused = await fetch(`${stack.relayUrl.replace(/^ws/, 'http')}/api/spaces/${spaceId}`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${await grace.accessToken()}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ name: 'Hijacked' }),
  });
  expect(refused.status).toBe(403);

  // The editor exports the whole space: notes she never opened are fetched.
  const downloading = grace.page.waitForEvent('download');
  await hers.getByRole('button', { name: 'Export space (zip)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Product design.zip');
  await expect(hers.getByRole('status')).toHaveText('Exported 4 pages.With 1 image in _files.');
  const zip = unzipSync(new Uint8Array(await readFile(await download.path())));
  // The image's bytes, under its id, linked from its note by a relative path.
  const imagePath = `_files/${fileId ?? ''}.png`;
  expect(Buffer.from(zip[imagePath] ?? []).toString('base64')).toBe(PNG_BASE64);
  const files = Object.fromEntries(
    Object.entries(zip)
      .filter(([path]) => path !== imagePath)
      .map(([path, bytes]) => [path, strFromU8(bytes).trim()]),
  );
  expect(files).toEqual({
    'Projects.md': 'All our projects',
    'Projects/Roadmap.md': `Ship the editor\n\n![image](../${imagePath})`,
    'Notes.md': 'Loose notes',
    '_archive/Old plan.md': 'Abandoned idea',
  });

  // The settings survive a reload (stored by the relay).
  await ada.page.reload();
  await expect(ada.page.getByRole('link', { name: /Product design/ })).toContainText('🎨');
});
