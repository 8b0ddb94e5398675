import { createSpace, employee, expect, share, test } from './fixtures.ts';

// Two signed-in people co-edit one meeting note in a
// space the first created and shared; the editor stays read-only until the
// first sync.

test('two employees co-edit a note in a shared space and see each other’s text and cursor labels', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Launch');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(grace.page.getByRole('link', { name: /Launch/ })).toBeVisible();

  for (const person of [ada, grace]) {
    await expect(person.editor).toHaveAttribute('contenteditable', 'true');
    await expect(person.page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  }

  await ada.editor.click();
  await ada.page.keyboard.type('Agenda: launch plan');
  await expect(grace.editor).toHaveText('Agenda: launch plan');

  await grace.editor.click();
  await grace.page.keyboard.press('End');
  await grace.page.keyboard.type(' and budget');
  await expect(ada.editor).toHaveText('Agenda: launch plan and budget');

  // Each sees the other's caret, labelled with the name from the IdP, and
  // the other in the list of people present.
  await expect(ada.page.locator('.remote-caret__label[data-name="Grace Hopper"]')).toBeVisible();
  await expect(grace.page.locator('.remote-caret__label[data-name="Ada Lovelace"]')).toBeVisible();
  await expect(ada.page.locator('.remote-caret__label')).toHaveCount(1);
  const people = (p: typeof ada) =>
    p.page.getByRole('list', { name: 'People here' }).getByRole('listitem');
  await expect(people(ada)).toHaveText(['ALAda Lovelace (you)', 'GHGrace Hopper']);
  await expect(people(grace)).toHaveText(['GHGrace Hopper (you)', 'ALAda Lovelace']);
});

test('a reload keeps the content', async ({ openAs, stack }) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Decisions');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await ada.editor.click();
  await ada.page.keyboard.type('Decisions: ship on Friday');
  // A second person seeing the text means the relay has it.
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(grace.editor).toHaveText('Decisions: ship on Friday');

  await ada.page.reload();
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await expect(ada.editor).toHaveText('Decisions: ship on Friday');
  await grace.page.reload();
  await expect(grace.editor).toHaveText('Decisions: ship on Friday');
});

test('the editor is not editable while the relay is unreachable', async ({
  openAs,
  startStack,
}) => {
  const stack = await startStack({ relay: false });
  const ada = await openAs({ as: 'Ada', stack, search: '?space=team&note=notes' });

  // The spaces list says why it is missing…
  await expect(
    ada.page.getByRole('navigation', { name: 'Spaces' }).getByRole('alert'),
  ).toContainText('Could not load your spaces');
  // …the connection attempt has failed (not just "not yet tried")…
  await expect(ada.page.locator('.connection')).toHaveAttribute('data-state', 'offline');
  // …and the editor is still locked: typing changes nothing.
  await expect(ada.editor).toHaveAttribute('contenteditable', 'false');
  await expect(ada.page.getByText('Loading the note from the relay…')).toBeVisible();
  await ada.editor.click({ force: true });
  await ada.page.keyboard.type('lost words');
  await expect(ada.editor).not.toContainText('lost words');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'false');
});

test('the editor unlocks once a late relay has synced, with the relay’s content', async ({
  openAs,
  stack,
}) => {
  // Someone wrote the note earlier; the relay is down when Ada opens it.
  const grace = await openAs({ as: 'Grace' });
  const spaceId = await createSpace(grace, 'Weekly');
  await grace.editor.click();
  await grace.page.keyboard.type('Notes from last week');
  await share(stack, grace, spaceId, employee('Ada'), 'editor');
  const ada0 = await openAs({ as: 'Ada', search: `?space=${spaceId}` });
  await expect(ada0.editor).toHaveText('Notes from last week');
  await ada0.close();
  await grace.close();
  await stack.relay?.close();

  const ada = await openAs({ as: 'Ada', search: `?space=${spaceId}` });
  await expect(ada.page.locator('.connection')).toHaveAttribute('data-state', 'offline');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'false');

  await stack.startRelay();
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true', { timeout: 30_000 });
  await expect(ada.editor).toHaveText('Notes from last week');
  await expect(ada.page.locator('.connection')).toHaveAttribute('data-state', 'online');
});
