import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { hasFocus, holdsFocus } from './focus.ts';

// Keyboard only, after signing in: create a space and a note, write, comment
// on selected text and reply, open and close the menus and dialogs. Focus
// stays inside an open dialog and comes back to what opened it.

/** Presses Tab (Shift+Tab when `backwards`) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let presses = 0; presses < 120; presses += 1) {
    if (await hasFocus(target).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Tabs around an open dialog more times than it has stops: focus never leaves it. */
async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press(key);
      expect(await holdsFocus(dialog)).toBe(true);
    }
  }
}

test('a note is created, written and commented on, and menus and dialogs used, with the keyboard only', async ({
  openAs,
}) => {
  test.setTimeout(180_000);
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;

  // A space, from the sidebar's "New space".
  await tabTo(page, page.getByRole('button', { name: 'New space' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Space name' })).toBeFocused();
  await page.keyboard.type('Launch');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: /Launch/ })).toHaveAttribute('aria-current', 'page');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');

  // A note: "New page", its title, Enter.
  await tabTo(page, page.getByRole('button', { name: 'New page', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Page title' })).toBeFocused();
  await page.keyboard.type('Plan');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('treeitem', { name: 'Plan', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');

  // Writing.
  await tabTo(page, ada.editor);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Ship on Friday');
  await expect(ada.editor).toContainText('Ship on Friday');

  // A comment on the selected word: Ctrl+Alt+M, type, Ctrl+Enter.
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Control+Alt+m');
  const draft = page.getByRole('region', { name: 'New comment' });
  const draftText = draft.getByRole('textbox', { name: 'Comment' });
  await expect(draftText).toBeFocused();
  await page.keyboard.type('Is Friday confirmed?');
  await page.keyboard.press('Control+Enter');
  await expect(draft).toBeHidden();
  const thread = page.getByRole('article', { name: 'Comment on “Friday”' });
  await expect(thread).toContainText('Is Friday confirmed?');

  // A reply in the thread, reached with Tab.
  await tabTo(page, thread.getByRole('textbox', { name: 'Reply' }));
  await page.keyboard.type('Yes, confirmed.');
  await page.keyboard.press('Control+Enter');
  await expect(thread.getByRole('listitem')).toHaveCount(2);
  await expect(thread).toContainText('Yes, confirmed.');

  // The note's menu: opened with Enter, walked with arrows, closed with Escape.
  const menuButton = page.getByRole('button', { name: 'Note actions' }).first();
  await tabTo(page, menuButton, true);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  // The version history from the same menu, by keyboard; its close button gives focus back.
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  for (let i = 0; i < 10; i += 1) {
    if (await hasFocus(menu.getByRole('menuitem', { name: 'Version history' }))) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  const history = page.getByRole('complementary', { name: 'Version history' });
  await expect(history).toBeVisible();
  await tabTo(page, history.getByRole('button', { name: 'Close version history' }));
  await page.keyboard.press('Enter');
  await expect(history).toBeHidden();

  // The members dialog: focus inside, trapped, Escape returns it to the button.
  const members = page.getByRole('button', { name: 'Members' });
  await tabTo(page, members);
  await page.keyboard.press('Enter');
  const membersDialog = page.getByRole('dialog', { name: /Members of Launch/ });
  await expect(membersDialog).toBeVisible();
  expect(await holdsFocus(membersDialog)).toBe(true);
  await expectFocusTrapped(page, membersDialog);
  await page.keyboard.press('Escape');
  await expect(membersDialog).toBeHidden();
  await expect(members).toBeFocused();

  // Space settings, the same way.
  const settings = page.getByRole('button', { name: 'Space settings' });
  await tabTo(page, settings);
  await page.keyboard.press('Enter');
  const settingsDialog = page.getByRole('dialog', { name: 'Space settings' });
  await expect(settingsDialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expectFocusTrapped(page, settingsDialog);
  await page.keyboard.press('Escape');
  await expect(settingsDialog).toBeHidden();
  await expect(settings).toBeFocused();

  // The account menu with the language setting; Escape closes it.
  const account = page.getByRole('button', { name: `Account: ${ada.employee.name}` });
  await tabTo(page, account);
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('combobox', { name: 'Language' }));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeHidden();

  // Ctrl+K: search, arrows, Enter opens the note; Escape would give focus back.
  await tabTo(page, ada.editor);
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search notes' });
  await expect(search).toBeFocused();
  await page.keyboard.type('Friday');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  await expect(ada.editor).toBeFocused();
});
