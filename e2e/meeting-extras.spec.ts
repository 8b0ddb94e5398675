import type { Page } from '@playwright/test';
import { createSpace, employee, expect, newPage, share, test } from './fixtures.ts';

// Meeting notes, the rest of it, as people do it: assigning an action item
// and giving it a due date in the editor; dropping an .ics invitation onto the
// window; a space's own templates, saved by one member and seen by another.

test('an action item assigned with a due date in the editor shows in the assignee’s "My action items"', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(120_000);
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Follow-ups');
  const graceEmployee = employee('Grace');
  await share(stack, ada, spaceId, graceEmployee, 'editor');

  await ada.page.getByRole('button', { name: 'New meeting note' }).click();
  const form = ada.page.getByRole('dialog', { name: 'New meeting note' });
  await form.getByLabel('Title').fill('Planning');
  await form.getByRole('button', { name: 'Create meeting note' }).click();
  await expect(ada.editor.locator('h1')).toHaveText('Planning');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');

  // The template's empty action item: write it, then assign it and date it.
  const item = ada.editor.locator('ul[data-type="taskList"] > li').first();
  await item.locator('p').first().click();
  await ada.page.keyboard.type('Send the minutes');
  await expect(item.getByRole('button', { name: 'Assign', exact: true })).toBeVisible();
  await item.getByRole('button', { name: 'Assign', exact: true }).click();
  const popover = ada.page.getByRole('dialog', { name: 'Action item' });
  await popover.getByLabel('Find a person to assign').fill('Grace');
  await popover.getByRole('button', { name: `Assign to ${graceEmployee.name}` }).click();
  await expect(popover).toBeHidden();
  await expect(item).toHaveAttribute('data-assignee', graceEmployee.sub);
  await expect(item.getByRole('button', { name: `Assignee: ${graceEmployee.name}` })).toBeVisible();

  await item.getByRole('button', { name: 'Due date', exact: true }).click();
  await popover.getByLabel('Due date').fill('2026-03-10');
  await popover.getByRole('button', { name: 'Set due date' }).click();
  await expect(popover).toBeHidden();
  await expect(item).toHaveAttribute('data-due', '2026-03-10');
  // A past date on an open item: marked overdue.
  await expect(item).toHaveAttribute('data-overdue', 'true');
  await expect(item.getByRole('button', { name: 'Due Mar 10, 2026 (overdue)' })).toBeVisible();

  // Grace: background sync brings the note; her list shows it with its due date.
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  // My action items is a view of the main area, with an address of its own.
  await grace.page.getByRole('link', { name: 'My action items' }).click();
  await expect(grace.page).toHaveURL(/\?view=actions$/);
  const mine = grace.page.getByRole('region', { name: 'My action items' });
  const row = mine.getByRole('listitem').filter({ hasText: 'Send the minutes' });
  await expect
    .poll(
      async () => {
        if ((await row.count()) > 0) return true;
        await mine.getByRole('button', { name: 'Refresh' }).click();
        return false;
      },
      { timeout: 45_000 },
    )
    .toBe(true);
  await expect(row).toContainText('Due Mar 10, 2026 (overdue)');
  await expect(row.getByRole('link', { name: 'Planning' })).toBeVisible();
  // The popover is placed through CSSOM: nothing the CSP refuses.
  expect(ada.cspViolations).toEqual([]);
});

/** The page's DOM as the callback below uses it (e2e/ is type-checked without the DOM library). */
interface PageDom {
  readonly DataTransfer: new () => { items: { add(file: unknown): unknown } };
  readonly File: new (parts: string[], name: string, options: { type: string }) => unknown;
  readonly DragEvent: new (type: string, init: Record<string, unknown>) => unknown;
  readonly document: {
    readonly body: { dispatchEvent(event: unknown): boolean };
    querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null;
  };
}

/**
 * What the browser does for a file dragged from the desktop: drag events
 * whose DataTransfer holds a File, aimed at the sidebar (not the editor).
 */
async function dragFile(
  page: Page,
  kinds: readonly string[],
  file: { name: string; text: string; type: string },
): Promise<void> {
  await page.evaluate(
    ({ kinds, file }) => {
      const dom = globalThis as unknown as PageDom;
      const data = new dom.DataTransfer();
      data.items.add(new dom.File([file.text], file.name, { type: file.type }));
      const target = dom.document.querySelector('.meeting-tools') ?? dom.document.body;
      for (const kind of kinds) {
        target.dispatchEvent(
          new dom.DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: data }),
        );
      }
    },
    { kinds, file },
  );
}

const invite = (organizer: string, attendee: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//e2e//EN',
    'BEGIN:VEVENT',
    'UID:dropped@example.com',
    'DTSTAMP:20260301T090000Z',
    'DTSTART:20260303T090000Z',
    'DTEND:20260303T100000Z',
    'SUMMARY:Quarterly planning',
    `ORGANIZER;CN=Ada Lovelace:mailto:${organizer}`,
    `ATTENDEE;CN=Grace H.:mailto:${attendee}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

test('an .ics invitation dropped onto the window becomes a meeting note', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Invites');
  const graceEmployee = employee('Grace');
  await share(stack, ada, spaceId, graceEmployee, 'editor');

  const drop = (name: string, text: string, type: string) =>
    dragFile(ada.page, ['dragenter', 'dragover', 'drop'], { name, text, type });
  await dragFile(ada.page, ['dragenter', 'dragover'], { name: 'x.ics', text: 'x', type: '' });
  await expect(ada.page.getByText('Drop an invitation to create a meeting note')).toBeVisible();

  await drop('photo.png', 'not a calendar', 'image/png');
  await expect(
    ada.page.getByRole('status').filter({ hasText: 'Only a calendar invitation' }),
  ).toBeVisible();
  await expect(ada.page.getByRole('dialog', { name: 'New meeting note' })).toHaveCount(0);

  await drop('planning.ics', invite(ada.employee.email, graceEmployee.email), 'text/calendar');
  const form = ada.page.getByRole('dialog', { name: 'New meeting note' });
  await expect(form.getByLabel('Title')).toHaveValue('Quarterly planning');
  await expect(form.getByLabel('Length')).toHaveValue('60');
  await expect(form.getByRole('list', { name: 'Attendees' })).toContainText(graceEmployee.name);
  await form.getByRole('button', { name: 'Create meeting note' }).click();
  await expect(ada.editor.locator('h1')).toHaveText('Quarterly planning');
  await expect(ada.editor.locator('.mention')).toContainText([graceEmployee.name]);
  // The page never navigated away to the dropped file.
  expect(new URL(ada.page.url()).searchParams.get('space')).toBe(spaceId);
});

test('a note saved as a template makes new notes, and another member sees the template', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(120_000);
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Rituals');
  const graceEmployee = employee('Grace');
  await share(stack, ada, spaceId, graceEmployee, 'editor');

  await newPage(ada, 'Retro 1');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await ada.editor.click();
  await ada.page.keyboard.type('## What went well');
  await ada.page.keyboard.press('Enter');
  await ada.page.keyboard.type('Shipping on time');
  await expect(ada.editor.locator('h2')).toHaveText('What went well');

  await ada.page.getByLabel('Note actions').first().click();
  await ada.page.getByRole('menuitem', { name: 'Save as template…' }).click();
  const save = ada.page.getByRole('form', { name: 'Save as template' });
  await save.getByLabel('Template name').fill('Team retro');
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(ada.page.getByRole('status').filter({ hasText: 'Saved as template' })).toBeVisible();

  await ada.page.getByRole('button', { name: 'New from template…' }).click();
  const chooser = ada.page.getByRole('dialog', { name: 'New from template' });
  const names = chooser.getByRole('list', { name: 'Templates' }).locator('.templates__use');
  await expect(names).toHaveText(['Meeting note built in', 'Team retro']);
  await chooser.getByRole('button', { name: 'Team retro', exact: true }).click();
  await expect(ada.page.getByRole('treeitem', { name: 'Team retro', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(ada.editor.locator('h2')).toHaveText('What went well');
  await expect(ada.editor).toContainText('Shipping on time');

  // Grace, another member: the template came with the space's index.
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await grace.page.getByRole('button', { name: 'New from template…' }).click();
  const hers = grace.page.getByRole('dialog', { name: 'New from template' });
  await expect(hers.getByRole('button', { name: 'Team retro', exact: true })).toBeVisible({
    timeout: 30_000,
  });
});
