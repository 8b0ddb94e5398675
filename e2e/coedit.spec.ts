import { startRelay } from '../relay/server.ts';
import { expect, freePort, test } from './fixtures.ts';

// Issue 2: two people co-edit one meeting note through the relay in the web
// client; the editor stays read-only until the first sync.

test('two people co-edit a note and see each other’s text and cursor labels', async ({
  openAs,
}) => {
  const ada = await openAs({ name: 'Ada', color: '#e5484d' });
  const grace = await openAs({ name: 'Grace', color: '#30a46c' });

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

  // Each sees the other's caret, labelled with the other's name, and the
  // other in the list of people present.
  await expect(ada.page.locator('.remote-caret__label[data-name="Grace"]')).toBeVisible();
  await expect(grace.page.locator('.remote-caret__label[data-name="Ada"]')).toBeVisible();
  await expect(ada.page.locator('.remote-caret__label')).toHaveCount(1);
  const people = (p: typeof ada) =>
    p.page.getByRole('list', { name: 'People here' }).getByRole('listitem');
  await expect(people(ada)).toHaveText(['AAda (you)', 'GGrace']);
  await expect(people(grace)).toHaveText(['GGrace (you)', 'AAda']);
});

test('a reload keeps the content', async ({ openAs }) => {
  const ada = await openAs({ name: 'Ada' });
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await ada.editor.click();
  await ada.page.keyboard.type('Decisions: ship on Friday');
  // A second person seeing the text means the relay has it.
  const grace = await openAs({ name: 'Grace' });
  await expect(grace.editor).toHaveText('Decisions: ship on Friday');

  await ada.page.reload();
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await expect(ada.editor).toHaveText('Decisions: ship on Friday');
  await grace.page.reload();
  await expect(grace.editor).toHaveText('Decisions: ship on Friday');
});

test('the editor is not editable while the relay is unreachable', async ({ openAs, startWeb }) => {
  const deadRelay = `ws://127.0.0.1:${await freePort()}`;
  const web = await startWeb(deadRelay);
  const ada = await openAs({ name: 'Ada', web });

  // The connection attempt has failed (not just "not yet tried")…
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
  startWeb,
  dataDir,
}) => {
  const port = await freePort();
  const web = await startWeb(`ws://127.0.0.1:${port}`);

  // Someone wrote the note earlier; the relay is down when Ada opens it.
  const first = await startRelay({ port, host: '127.0.0.1', dataDir });
  const grace = await openAs({ name: 'Grace', web });
  await expect(grace.editor).toHaveAttribute('contenteditable', 'true');
  await grace.editor.click();
  await grace.page.keyboard.type('Notes from last week');
  const ada0 = await openAs({ name: 'Ada', web });
  await expect(ada0.editor).toHaveText('Notes from last week');
  await ada0.close();
  await grace.close();
  await first.close();

  const ada = await openAs({ name: 'Ada', web });
  await expect(ada.page.locator('.connection')).toHaveAttribute('data-state', 'offline');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'false');

  const relay = await startRelay({ port, host: '127.0.0.1', dataDir });
  try {
    await expect(ada.editor).toHaveAttribute('contenteditable', 'true', { timeout: 30_000 });
    await expect(ada.editor).toHaveText('Notes from last week');
    await expect(ada.page.locator('.connection')).toHaveAttribute('data-state', 'online');
  } finally {
    await ada.close();
    await relay.close();
  }
});
