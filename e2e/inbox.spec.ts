import { createSpace, employee, expect, newPage, share, test } from './fixtures.ts';

// What a Notion or Confluence user expects after `@`: being told. Grace
// mentions Ada in a note and in a comment while Ada works in another note;
// Ada gets notifications, sees the Inbox count and the entries in the Inbox
// view, narrows them by kind, and clicking one opens the note.

/** What each recorded Notification was made with (see the init script below). */
interface Recorded {
  title: string;
  body: string;
}

/** The browser's Notification as far as the recorder needs it (e2e/ has no DOM types). */
type NotificationClass = new (title: string, options?: { body?: string }) => EventTarget;
interface RecordedNotification extends Recorded {
  instance: EventTarget;
}
interface PageGlobals {
  Notification: NotificationClass;
  __notifications: RecordedNotification[];
}

test('Grace mentions Ada in a note and a comment; Ada is notified and finds both in her Inbox', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(180_000);
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Roadmap');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');

  // Ada allows notifications (as the browser's prompt would) and, from the
  // next load on, every construction of the browser's real Notification is
  // recorded: a recorder wrapped around the real API call, not a fake UI.
  await ada.context.grantPermissions(['notifications']);
  await ada.page.addInitScript(() => {
    const page = globalThis as unknown as PageGlobals;
    const Real = page.Notification;
    const made: RecordedNotification[] = [];
    page.__notifications = made;
    class Recorder extends Real {
      constructor(title: string, options?: { body?: string }) {
        super(title, options);
        made.push({ title, body: options?.body ?? '', instance: this });
      }
    }
    page.Notification = Recorder;
  });

  // Ada creates "Plan" (so this device has indexed it), then goes back to
  // the space's first note: Plan is not open when Grace mentions her.
  const planId = await newPage(ada, 'Plan');
  await ada.page.goto(new URL(`/?space=${spaceId}`, ada.page.url()).href);
  await expect(ada.editor).toBeVisible();
  await expect(ada.page.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();

  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}&note=${planId}` });
  await expect(grace.editor).toHaveAttribute('contenteditable', 'true');
  await grace.editor.click();
  await grace.page.keyboard.type('Budget review: @Ada');
  const people = grace.page.getByRole('listbox', { name: 'Mention a person' });
  await expect(people.getByRole('option', { name: /Ada Lovelace/ })).toBeVisible();
  await grace.page.keyboard.press('Enter');
  await grace.page.keyboard.type('please check the totals');
  await expect(grace.editor.locator('.mention')).toHaveText('@Ada Lovelace');

  // And in a comment on "totals".
  await grace.page.keyboard.press('Control+End');
  for (let i = 0; i < 'totals'.length; i += 1) await grace.page.keyboard.press('Shift+ArrowLeft');
  await grace.page.getByRole('button', { name: 'Comment', exact: true }).click();
  const box = grace.page.getByRole('region', { name: 'New comment' }).getByRole('textbox');
  await box.pressSequentially('Do these add up @Ada');
  await expect(
    grace.page
      .getByRole('listbox', { name: 'Mention a person' })
      .getByRole('option', { name: /Ada Lovelace/ }),
  ).toBeVisible();
  await box.press('Enter');
  await box.press('Control+Enter');
  await expect(grace.page.locator('.comment-mention')).toHaveText('@Ada Lovelace');

  // Ada: background sync brings Plan's changes; both mentions are announced,
  // once each, through the browser's Notification API.
  const recorded = () =>
    ada.page.evaluate(() =>
      (globalThis as unknown as PageGlobals).__notifications.map(({ title, body }) => ({
        title,
        body,
      })),
    );
  await expect.poll(recorded, { timeout: 90_000 }).toHaveLength(2);
  const notes = await recorded();
  expect(notes).toEqual(
    expect.arrayContaining([
      { title: 'You were mentioned in Plan', body: expect.stringContaining('@Ada Lovelace') },
      {
        title: 'Grace Hopper mentioned you in Plan',
        body: 'Do these add up @Ada Lovelace',
      },
    ]),
  );

  // Before anything is opened, the Inbox place counts both as unread.
  await expect(ada.page.getByRole('link', { name: 'Inbox, 2 unread' })).toBeVisible();

  // Clicking a notification (the browser fires `click` on it) brings the
  // tab forward and opens its note through the app's router; the mentions
  // in the note on screen count as read.
  await ada.page.evaluate(() => {
    (globalThis as unknown as PageGlobals).__notifications
      .find((n) => n.title === 'You were mentioned in Plan')
      ?.instance.dispatchEvent(new Event('click'));
  });
  await expect(ada.page).toHaveURL(new RegExp(`note=${planId}`));
  await expect(ada.editor).toContainText('please check the totals');
  await ada.page.goBack();
  await expect(ada.page).not.toHaveURL(new RegExp(`note=${planId}`));

  // The Inbox is a view of the main area, with an address of its own; the list says who and where.
  const inbox = ada.page.getByRole('link', { name: 'Inbox', exact: true });
  await expect(inbox).toBeVisible();
  await inbox.click();
  await expect(ada.page).toHaveURL(/\?view=inbox$/);
  await expect(ada.page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(ada.page.getByRole('dialog')).toHaveCount(0);
  const list = ada.page.getByRole('list', { name: 'Mentions' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('Grace Hopper mentioned you in a comment');
  await expect(list).toContainText('Do these add up @Ada Lovelace');
  await expect(list).toContainText('You were mentioned in the note');
  await expect(list).toContainText('Budget review: @Ada Lovelace please check the totals');
  await expect(list).toContainText('Plan · Roadmap');

  await expect(list.locator('.inbox__item--unread')).toHaveCount(0);

  // Narrowed by kind: comments only, then mentions in note bodies only.
  const filters = ada.page.getByRole('group', { name: 'Show' });
  await filters.getByRole('button', { name: 'Comments' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Grace Hopper mentioned you in a comment');
  await filters.getByRole('button', { name: 'Notes' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('You were mentioned in the note');
  await filters.getByRole('button', { name: 'All' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Clicking an entry opens its note.
  await list.getByRole('link', { name: /Grace Hopper mentioned you/ }).click();
  await expect(ada.page).toHaveURL(new RegExp(`note=${planId}`));
  await expect(ada.editor).toContainText('please check the totals');
  // Each mention was announced once.
  expect(await recorded()).toHaveLength(2);
});
