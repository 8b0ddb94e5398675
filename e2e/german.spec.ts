import { de } from '../renderer/i18n/catalogue/de.ts';
import { expectNoEnglish } from './english-left.ts';
import { createSpace, employee, expect, share, test } from './fixtures.ts';

// German proves the i18n layer: the UI follows the browser's language, a
// person can override it, and the views show no string of the English
// catalogue once German is on.

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

test('a German browser gets the German sign-in screen', async ({ browser, stack }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(stack.web.url);
    await expect(page.getByRole('button', { name: de.signIn.button })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expectNoEnglish(page.locator('body'), 'sign-in');
  } finally {
    await context.close();
  }
});

test('switched to German, the note, comments, menus, dialogs and panels show no English', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(240_000);
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;
  const spaceId = await createSpace(ada, 'Launch');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  await ada.editor.click();
  await page.keyboard.type('The launch happens on Friday');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const draft = page.getByRole('region', { name: 'New comment' });
  await draft.getByRole('textbox', { name: 'Comment' }).fill('Is it confirmed?');
  await draft.getByRole('button', { name: 'Comment' }).click();
  await expect(draft).toBeHidden();

  // The override: the account menu's language setting, applied at once.
  await page.getByRole('button', { name: `Account: ${ada.employee.name}` }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const account = page.locator('.account__menu');
  await expect(account.getByRole('combobox', { name: de.account.language })).toBeVisible();
  await expectNoEnglish(account, 'account menu');
  await page.keyboard.press('Escape');

  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await grace.editor.click();
  await expect(
    page.getByRole('img', { name: fill(de.presence.caret, { name: grace.employee.name }) }),
  ).toBeVisible();
  await expectNoEnglish(page.locator('.note-editor'), 'note with comments');
  await expectNoEnglish(page.getByRole('list', { name: de.presence.label }), 'presence');
  await expectNoEnglish(page.getByRole('status', { name: de.sync.label }), 'sync status');

  await ada.editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/');
  const blocks = page.getByRole('listbox', { name: de.blocks.menu });
  await expect(blocks.getByRole('option', { name: de.blocks.taskList.title })).toBeVisible();
  await expectNoEnglish(blocks, 'slash menu');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: de.search.label });
  await palette.getByRole('combobox', { name: de.search.label }).fill('Friday');
  await expect(palette.getByRole('option').first()).toBeVisible();
  await expectNoEnglish(palette, 'search');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: de.members.button }).click();
  const members = page.getByRole('dialog', { name: fill(de.members.title, { space: 'Launch' }) });
  await expect(members.getByRole('list', { name: de.members.list })).toBeVisible();
  await expectNoEnglish(members, 'members');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: de.spaceSettings.title }).click();
  const settings = page.getByRole('dialog', { name: de.spaceSettings.title });
  await expect(settings.getByRole('button', { name: de.spaceExport.button })).toBeVisible();
  await expectNoEnglish(settings, 'space settings');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: de.noteMenu.label }).first().click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expectNoEnglish(menu, 'note menu');
  await menu.getByRole('menuitem', { name: de.noteMenu.history }).click();
  const history = page.getByRole('complementary', { name: de.history.title });
  await history.getByRole('button', { name: de.history.saveNow }).click();
  await expect(history.getByRole('status')).toHaveText(de.history.saved);
  await history.getByRole('button', { name: /Gespeichert von Ada Lovelace/ }).click();
  await expect(history.getByRole('textbox', { name: /Version vom/ })).toBeVisible();
  await expectNoEnglish(history, 'version history');
});
