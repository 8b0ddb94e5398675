import { createSpace, employee, expect, share, test } from './fixtures.ts';

// Meeting notes and action items, as people do it: the owner makes a meeting note
// with an attendee from the directory; an action item assigned to that
// attendee shows in her "My action items"; she ticks it off there while the
// owner has the note open, and the owner sees it ticked.

test('a meeting note from the form, and an attendee ticks her action item from "My action items"', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(120_000);
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Meetings');
  const graceEmployee = employee('Grace');
  await share(stack, ada, spaceId, graceEmployee, 'editor');

  // New meeting note: title, time (defaults to now), an attendee from the directory.
  await ada.page.getByRole('button', { name: 'New meeting note' }).click();
  const form = ada.page.getByRole('dialog', { name: 'New meeting note' });
  await form.getByLabel('Title').fill('Weekly sync');
  await expect(form.getByLabel('Date and time')).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  await form.getByLabel('Find attendees').fill('Grace');
  await form.getByRole('button', { name: `Add ${graceEmployee.name}` }).click();
  await expect(form.getByRole('list', { name: 'Attendees' })).toContainText(graceEmployee.name);
  await form.getByRole('button', { name: 'Create meeting note' }).click();
  await expect(form).toBeHidden();
  await expect(
    ada.page.getByRole('treeitem', { name: 'Weekly sync', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(ada.editor.locator('h1')).toHaveText('Weekly sync');
  await expect(ada.editor.locator('h2')).toHaveText([
    'Attendees',
    'Agenda',
    'Notes',
    'Decisions',
    'Action items',
  ]);
  await expect(ada.editor.locator('.mention')).toContainText(graceEmployee.name);

  // Markdown import carries assignees too (`@<directory id>`): the action
  // item assigned to Grace comes in that way, into a new note. (The editor's
  // own assignee picker: e2e/meeting-extras.spec.ts.)
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  const file = [
    '# Follow-ups',
    '',
    `- [ ] Send the minutes @${encodeURIComponent(graceEmployee.sub)} 📅 2026-03-10`,
    '- [ ] Book the room @ada',
    '',
  ].join('\n');
  await ada.page.getByLabel('Note actions').first().click();
  const choosing = ada.page.waitForEvent('filechooser');
  await ada.page.getByRole('menuitem', { name: 'Import Markdown…' }).click();
  await (
    await choosing
  ).setFiles({ name: 'follow-ups.md', mimeType: 'text/markdown', buffer: Buffer.from(file) });
  await expect(ada.editor.locator('h1')).toHaveText('Follow-ups');
  const minutes = ada.editor.locator('ul[data-type="taskList"] > li').first();
  await expect(minutes).toHaveAttribute('data-assignee', graceEmployee.sub);
  await expect(minutes).toHaveAttribute('data-checked', 'false');

  // Grace signs in; background sync brings the space's notes to her device.
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  // My action items is a view of the main area, with an address of its own.
  await grace.page.getByRole('link', { name: 'My action items' }).click();
  await expect(grace.page).toHaveURL(/\?view=actions$/);
  const mine = grace.page.getByRole('region', { name: 'My action items' });
  const item = mine.getByRole('listitem').filter({ hasText: 'Send the minutes' });
  await expect
    .poll(
      async () => {
        if ((await item.count()) > 0) return true;
        await mine.getByRole('button', { name: 'Refresh' }).click();
        return false;
      },
      { timeout: 45_000 },
    )
    .toBe(true);
  await expect(mine.getByRole('listitem')).toHaveCount(1);
  await expect(item.getByRole('link', { name: 'Follow-ups' })).toBeVisible();

  // She ticks it off there; the owner, with the note open, sees it ticked.
  await item.getByRole('checkbox', { name: 'Done: Send the minutes' }).click();
  await expect(mine.getByText('No open action items are assigned to you.')).toBeVisible();
  await expect(minutes).toHaveAttribute('data-checked', 'true');
  await expect(ada.editor.locator('ul[data-type="taskList"] > li').nth(1)).toHaveAttribute(
    'data-checked',
    'false',
  );
});

test('an .ics invitation fills in the meeting form; a bad file is refused with a clear error', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Invites');
  const graceEmployee = employee('Grace');
  // Shared, so Grace has signed in once and is in the directory.
  await share(stack, ada, spaceId, graceEmployee, 'editor');
  await ada.page.getByRole('button', { name: 'New meeting note' }).click();
  const form = ada.page.getByRole('dialog', { name: 'New meeting note' });

  const choose = async (name: string, text: string) => {
    const choosing = ada.page.waitForEvent('filechooser');
    await form.getByRole('button', { name: 'Choose an .ics file…' }).click();
    await (await choosing).setFiles({ name, mimeType: 'text/calendar', buffer: Buffer.from(text) });
  };
  await choose('broken.ics', 'this is not a calendar');
  await expect(form.getByRole('alert')).not.toBeEmpty();
  await expect(form.getByLabel('Title')).toHaveValue('');

  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//e2e//EN',
    'BEGIN:VEVENT',
    'UID:planning@example.com',
    'DTSTAMP:20260301T090000Z',
    'DTSTART:20260303T090000Z',
    'DTEND:20260303T100000Z',
    'SUMMARY:Quarterly planning',
    `ORGANIZER;CN=Ada Lovelace:mailto:${ada.employee.email}`,
    `ATTENDEE;CN=Grace H.:mailto:${graceEmployee.email}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  await choose('planning.ics', ics);
  await expect(form.getByLabel('Title')).toHaveValue('Quarterly planning');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(form.getByLabel('Length')).toHaveValue('60');
  await expect(form.getByRole('list', { name: 'Attendees' })).toContainText(graceEmployee.name);
  await form.getByRole('button', { name: 'Create meeting note' }).click();
  await expect(ada.editor.locator('h1')).toHaveText('Quarterly planning');
  // Directory people become mentions (Grace matched by her email).
  await expect(ada.editor.locator('.mention')).toContainText([graceEmployee.name]);
});
