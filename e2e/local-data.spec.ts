import { de } from '../renderer/i18n/catalogue/de.ts';
import { en } from '../renderer/i18n/catalogue/en.ts';
import { createSpace, expect, test } from './fixtures.ts';

// The web client cannot keep a key out of its own storage's reach, so it
// stores notes as the browser does and says so plainly; the desktop app
// encrypts (renderer/sync/encrypted-persistence.ts, tested with raw
// IndexedDB reads in renderer/sync/encrypted-store.test.ts).

test('the web client says plainly that browser storage is not encrypted, in English and German', async ({
  openAs,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;
  await createSpace(ada, 'Plain');
  await ada.editor.click();
  await page.keyboard.type('Stored in the browser as it is');

  await page.getByRole('button', { name: `Account: ${ada.employee.name}` }).click();
  const notice = page.locator('.account__menu .account__storage');
  await expect(notice).toHaveText(en.account.storagePlain);
  await expect(notice).toHaveAttribute('data-storage', 'plain');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(notice).toHaveText(de.account.storagePlain);

  // And it is true: the note's database is the plain one, no sealed copy.
  const names = await page.evaluate(async () => {
    // This runs in the page; the e2e project's types have no DOM.
    const factory = (
      globalThis as unknown as { indexedDB: { databases(): Promise<{ name?: string }[]> } }
    ).indexedDB;
    return (await factory.databases()).map((d) => d.name ?? '');
  });
  expect(names.some((n) => n.startsWith('commonplace/'))).toBe(true);
  expect(names.some((n) => n.endsWith('#sealed'))).toBe(false);
});
