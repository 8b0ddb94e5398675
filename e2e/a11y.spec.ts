import { expectAccessible } from './axe.ts';
import { createSpace, employee, expect, share, test, type Person } from './fixtures.ts';

// axe-core on every main view, in the light and the dark theme: no serious
// or critical violation (contrast, names, roles, labels). A new view gets one
// `expectAccessible` line.

const syncStatus = (person: Person) => person.page.getByRole('status', { name: 'Sync status' });

test('the sign-in screen', async ({ browser, stack }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(stack.web.url);
    await expect(
      page.getByRole('button', { name: 'Sign in with your company account' }),
    ).toBeVisible();
    await expectAccessible(page, 'sign-in');
  } finally {
    await context.close();
  }
});

test('the workspace: note, comments, search, members, space settings, history, settings, offline', async ({
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
  await expect(syncStatus(ada)).toHaveAttribute('data-state', 'online');
  await expectAccessible(page, 'note open');

  // A second person's caret and presence pill are part of the view.
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(grace.editor).toContainText('Friday');
  await grace.editor.click();
  await expect(page.locator('.collaboration-carets__caret')).toHaveCount(1);

  await ada.editor.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const draft = page.getByRole('region', { name: 'New comment' });
  await expect(draft).toBeVisible();
  await expectAccessible(page, 'comment draft');
  await draft.getByRole('textbox', { name: 'Comment' }).fill('Is Friday confirmed?');
  await draft.getByRole('button', { name: 'Comment' }).click();
  await expect(page.getByRole('article', { name: 'Comment on “Friday”' })).toBeVisible();
  await expectAccessible(page, 'comments margin');

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search notes' }).fill('launch');
  await expect(page.getByRole('option').first()).toBeVisible();
  await expectAccessible(page, 'search palette');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Members' }).click();
  await expect(page.getByRole('dialog', { name: /Members/ })).toBeVisible();
  await expectAccessible(page, 'members dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Space settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Space settings' })).toBeVisible();
  await expectAccessible(page, 'space settings');
  await page.keyboard.press('Escape');

  await page.getByLabel('Note actions').first().click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'note menu');
  await page.getByRole('menuitem', { name: 'Version history' }).click();
  const history = page.getByRole('complementary', { name: 'Version history' });
  await history.getByRole('button', { name: 'Save version now' }).click();
  await expect(history.getByRole('status')).toHaveText('Version saved.');
  await expectAccessible(page, 'history panel');
  await history.getByRole('button', { name: /Saved by Ada Lovelace/ }).click();
  await expectAccessible(page, 'history: a version shown');

  await page.getByRole('button', { name: `Account: ${ada.employee.name}` }).click();
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expectAccessible(page, 'settings (account menu)');
  await page.keyboard.press('Escape');

  await stack.stopRelay();
  await expect(syncStatus(ada)).toHaveAttribute('data-state', 'offline');
  await ada.editor.click();
  await page.keyboard.type(' or later');
  await expect(page.getByText(/not yet synced/)).toBeVisible();
  await expectAccessible(page, 'offline');
});

test('the read-only view of a viewer', async ({ openAs, stack }) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Board');
  await ada.editor.click();
  await ada.page.keyboard.type('Minutes of the board');
  await share(stack, ada, spaceId, employee('Katherine'), 'viewer');
  const kat = await openAs({ as: 'Katherine', search: `?space=${spaceId}` });
  await expect(kat.editor).toContainText('Minutes of the board');
  await expect(kat.page.getByRole('note').filter({ hasText: 'Read-only' })).toBeVisible();
  await expectAccessible(kat.page, 'read-only viewer');
});
