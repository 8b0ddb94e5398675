import { createSpace, employee, expect, share, test, type Person } from './fixtures.ts';

// The relay's notifications in the Inbox, as Linear or Notion people expect
// them: Ada adds Grace to two spaces and assigns her action items there;
// Grace sees each live in her Inbox's Updates with the unread count, gets an
// OS notification for it, opens it and marks things read. A space she muted
// delivers nothing: no notification pops up and the count stays put.

/** The browser's Notification as far as the recorder needs it (e2e/ has no DOM types). */
type NotificationClass = new (title: string, options?: { body?: string }) => EventTarget;
interface PageGlobals {
  Notification: NotificationClass;
  __notified: { title: string; body: string }[];
}

/** Ada creates a meeting note in the open space and assigns its action item to Grace. */
async function assignToGrace(ada: Person, title: string, text: string): Promise<void> {
  const grace = employee('Grace');
  await ada.page.getByRole('button', { name: 'New meeting note' }).click();
  const form = ada.page.getByRole('dialog', { name: 'New meeting note' });
  await form.getByLabel('Title').fill(title);
  await form.getByRole('button', { name: 'Create meeting note' }).click();
  await expect(ada.editor.locator('h1')).toHaveText(title);
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  const item = ada.editor.locator('ul[data-type="taskList"] > li').first();
  await item.locator('p').first().click();
  await ada.page.keyboard.type(text);
  await item.getByRole('button', { name: 'Assign', exact: true }).click();
  const popover = ada.page.getByRole('dialog', { name: 'Action item' });
  await popover.getByLabel('Find a person to assign').fill('Grace');
  await popover.getByRole('button', { name: `Assign to ${grace.name}` }).click();
  await expect(item).toHaveAttribute('data-assignee', grace.sub);
}

test('Ada assigns Grace action items; Grace sees them live in her Inbox, and a muted space stays quiet', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(180_000);
  const ada = await openAs({ as: 'Ada' });
  const chatter = await createSpace(ada, 'Chatter');
  await share(stack, ada, chatter, employee('Grace'), 'editor');
  const launch = await createSpace(ada, 'Launch');
  await share(stack, ada, launch, employee('Grace'), 'editor');

  // Grace allows notifications; every one the app shows is recorded from the next load on.
  const grace = await openAs({ as: 'Grace', search: '?view=inbox' });
  await grace.context.grantPermissions(['notifications']);
  await grace.page.addInitScript(() => {
    const page = globalThis as unknown as PageGlobals;
    const Real = page.Notification;
    const made: { title: string; body: string }[] = [];
    page.__notified = made;
    class Recorder extends Real {
      constructor(title: string, options?: { body?: string }) {
        super(title, options);
        made.push({ title, body: options?.body ?? '' });
      }
    }
    page.Notification = Recorder;
  });
  await grace.page.reload();
  const notified = () =>
    grace.page.evaluate(() => (globalThis as unknown as PageGlobals).__notified);

  // Being added to both spaces is in the Updates, with who and where; the sidebar counts it.
  const updates = grace.page.getByRole('list', { name: 'Updates' });
  await expect(updates.getByRole('listitem')).toHaveCount(2);
  await expect(updates).toContainText('Ada Lovelace added you to Launch');
  await expect(updates).toContainText('Ada Lovelace added you to Chatter');
  await expect(grace.page.getByRole('link', { name: 'Inbox, 2 unread' })).toBeVisible();

  // Grace mutes Chatter: its entry stays, marked muted, and no longer counts.
  await grace.page.getByText('Notification settings').click();
  const mute = grace.page.getByRole('checkbox', { name: 'Mute Chatter' });
  await mute.check();
  await expect(mute).toBeChecked();
  await expect(
    updates.getByRole('listitem').filter({ hasText: 'added you to Chatter' }),
  ).toContainText('Muted');
  await expect(grace.page.getByRole('link', { name: 'Inbox, 1 unread' })).toBeVisible();

  // Ada assigns in the muted space first, then in Launch.
  await ada.page.getByRole('link', { name: /Chatter/ }).click();
  await assignToGrace(ada, 'Chatter sync', 'Water the plants');
  await ada.page.getByRole('link', { name: /Launch/ }).click();
  await assignToGrace(ada, 'Launch plan', 'Book the venue');

  // Grace, still in her Inbox: the Launch assignment arrives without a reload, with an OS notification.
  const assigned = updates.getByRole('listitem').filter({ hasText: 'Launch plan · Launch' });
  await expect(assigned).toHaveCount(1, { timeout: 30_000 });
  await expect(assigned).toContainText('Ada Lovelace assigned you an action item');
  await expect(grace.page.getByRole('link', { name: 'Inbox, 2 unread' })).toBeVisible();
  // (Its body names the note once this device knows the note's title, else the space alone.)
  await expect
    .poll(notified)
    .toEqual([
      { title: 'Ada Lovelace assigned you an action item', body: expect.stringMatching(/Launch$/) },
    ]);

  // Opening it opens the note and marks it read.
  await assigned.getByRole('link').click();
  await expect(grace.page).toHaveURL(new RegExp(`space=${launch}`));
  await expect(grace.editor).toContainText('Book the venue');
  await expect(grace.page.getByRole('link', { name: 'Inbox, 1 unread' })).toBeVisible();
  await grace.page.getByRole('link', { name: /^Inbox/ }).click();
  await expect(assigned).not.toHaveClass(/inbox__item--unread/);

  // One more marked read by its own button; then nothing is left to count.
  await updates
    .getByRole('button', { name: 'Mark read: Ada Lovelace added you to Launch' })
    .click();
  await expect(grace.page.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();

  // The muted space's assignment is listed (the Inbox reads the whole list on a
  // reconnect or while no note is open), marked muted, never announced, never counted.
  await grace.page.getByRole('link', { name: 'Chatter Editor' }).click();
  await expect(grace.editor).toBeVisible();
  await grace.page.getByRole('link', { name: /^Inbox/ }).click();
  const quiet = updates
    .getByRole('listitem')
    .filter({ hasText: 'assigned you an action item' })
    .filter({ hasText: 'Chatter' });
  await expect(quiet).toContainText('Muted', { timeout: 30_000 });
  await expect(quiet).toContainText('Chatter sync · Chatter');
  await expect(grace.page.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();
  expect(await notified()).toHaveLength(1);
  await grace.page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(updates.locator('.inbox__item--unread')).toHaveCount(0);
});
