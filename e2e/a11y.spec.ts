import { expectAccessible } from './axe.ts';
import {
  createSpace,
  employee,
  expect,
  share,
  test,
  type Person,
  type PersonOptions,
} from './fixtures.ts';

// axe-core on every main view, in the light and the dark theme: no serious
// or critical violation (contrast, names, roles, labels). A new view gets one
// `expectAccessible` line.

const syncStatus = (person: Person) => person.page.getByRole('status', { name: 'Sync status' });

/** Ada in a new space "Launch" with a line of text, synced. */
async function adaWithNote(openAs: (o: PersonOptions) => Promise<Person>) {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Launch');
  await ada.editor.click();
  await ada.page.keyboard.type('The launch happens on Friday');
  await expect(syncStatus(ada)).toHaveAttribute('data-state', 'online');
  return { ada, spaceId };
}

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

test('the note with a colleague’s caret, a comment draft and the comments margin', async ({
  openAs,
  stack,
}) => {
  const { ada, spaceId } = await adaWithNote(openAs);
  const { page } = ada;
  await expectAccessible(page, 'note open');

  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(grace.editor).toContainText('Friday');
  await grace.editor.click();
  await expect(page.getByRole('img', { name: 'Cursor of Grace Hopper' })).toBeVisible();

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
});

test('the search palette, members dialog, space settings and the account settings', async ({
  openAs,
}) => {
  const { ada } = await adaWithNote(openAs);
  const { page } = ada;

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

  await page.getByRole('button', { name: `Account: ${ada.employee.name}` }).click();
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expectAccessible(page, 'settings (account menu)');
});

test('the note menu and the version history', async ({ openAs }) => {
  const { ada } = await adaWithNote(openAs);
  const { page } = ada;
  await page.getByLabel('Note actions').first().click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'note menu');
  await page.getByRole('menuitem', { name: 'Version history' }).click();
  const history = page.getByRole('complementary', { name: 'Version history' });
  await history.getByRole('button', { name: 'Save version now' }).click();
  await expect(history.getByRole('status')).toHaveText('Version saved.');
  await expectAccessible(page, 'history panel');
  await history.getByRole('button', { name: /Saved by Ada Lovelace/ }).click();
  await expect(history.getByRole('textbox', { name: /Version of/ })).toBeVisible();
  await expectAccessible(page, 'history: a version shown');
});

test('offline, with changes waiting', async ({ openAs, stack }) => {
  const { ada } = await adaWithNote(openAs);
  const { page } = ada;
  await stack.stopRelay();
  await expect(syncStatus(ada)).toHaveAttribute('data-state', 'offline');
  await ada.editor.click();
  await page.keyboard.type(' or later');
  await expect(page.getByText(/not yet synced/)).toBeVisible();
  await expectAccessible(page, 'offline');
});

test('the read-only view of a viewer', async ({ openAs, stack }) => {
  const { ada, spaceId } = await adaWithNote(openAs);
  await share(stack, ada, spaceId, employee('Katherine'), 'viewer');
  const kat = await openAs({ as: 'Katherine', search: `?space=${spaceId}` });
  await expect(kat.editor).toContainText('Friday');
  await expect(kat.page.getByRole('note').filter({ hasText: 'Read-only' })).toBeVisible();
  await expectAccessible(kat.page, 'read-only viewer');
});

test('Browse spaces, who can find a space, and leaving it', async ({ openAs }) => {
  // Five views, each judged in two themes, and two people signing in.
  test.setTimeout(300_000);
  const { ada } = await adaWithNote(openAs);
  const { page } = ada;
  await page.getByRole('button', { name: 'Space settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Space settings' });
  await settings.getByRole('radio', { name: 'Open to everyone in the company' }).check();
  await expect(settings.getByRole('combobox', { name: 'People who join become' })).toBeVisible();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expectAccessible(page, 'space settings: open to the company');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'More actions for Launch' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'space menu');
  await page.getByRole('menuitem', { name: 'Leave space' }).click();
  await expect(page.getByRole('dialog', { name: 'Leave Launch?' })).toContainText('only owner');
  await expectAccessible(page, 'leave space (only owner)');
  await page.keyboard.press('Escape');

  const grace = await openAs({ as: 'Grace' });
  await grace.page
    .getByRole('navigation', { name: 'Places' })
    .getByRole('link', { name: 'Browse spaces' })
    .click();
  await expect(grace.page.getByRole('button', { name: 'Join Launch' })).toBeVisible();
  await expectAccessible(grace.page, 'browse spaces');
});

test('the admin dialog’s Classification and Webhooks tabs', async ({ openAs }) => {
  // Hedy (the demo admin) has no space of her own: no note behind the dialog, axe judges the tabs.
  const hedy = await openAs({ as: 'Hedy' });
  const { page } = hedy;
  await page.getByRole('button', { name: /^Account: Hedy/ }).click();
  await page.getByRole('button', { name: 'Admin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Administration' });

  await dialog.getByRole('tab', { name: 'Classification' }).click();
  await expect(dialog.getByRole('table', { name: 'Classification labels' })).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: /^Name of label/ }).first()).toBeVisible();
  await expectAccessible(page, 'admin: Classification');

  await dialog.getByRole('tab', { name: 'Webhooks' }).click();
  await expect(dialog.getByRole('tab', { name: 'Webhooks' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(dialog.getByText('No webhooks yet.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: /Receiver URL/ })).toBeVisible();
  await expectAccessible(page, 'admin: Webhooks');
});
