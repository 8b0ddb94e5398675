import { createSpace, employee, expect, newPage, share, test, type Person } from './fixtures.ts';

// Classification end to end: the owner labels a space Restricted in its
// settings; a second member sees the banner on its notes, the relay refuses
// her export with an explanation, and copying text out of the note is
// blocked with a toast while typing into it still works.

/** Types `text` into the open note once it is editable. */
async function write(person: Person, text: string): Promise<void> {
  await expect(person.editor).toHaveAttribute('contenteditable', 'true');
  await person.editor.click();
  await person.page.keyboard.type(text);
  await expect(person.editor).toContainText(text);
}

test('an owner classifies a space Restricted: members see the banner, export is refused, copying out is blocked', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Board');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  await newPage(ada, 'Plans');
  await write(ada, 'Merger plans');
  // New spaces carry the default label.
  await expect(ada.page.locator('.classification-banner')).toContainText('Internal');

  await ada.page.getByRole('button', { name: 'Space settings' }).click();
  const dialog = ada.page.getByRole('dialog', { name: 'Space settings' });
  await dialog.getByRole('combobox', { name: 'Label' }).selectOption('restricted');
  await expect(dialog.locator('.classification-banner')).toContainText('Restricted');
  await expect(dialog).toContainText('online only');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(ada.page.locator('.classification-banner')).toContainText('Restricted');

  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  const banner = grace.page.locator('.classification-banner');
  await expect(banner).toContainText('Restricted');
  await expect(banner).toContainText('no export');
  await expect(grace.page.locator('.classification-badge')).toHaveText('Restricted');

  // Export: the relay refuses it and the dialog says why.
  await grace.page.getByRole('button', { name: 'Space settings' }).click();
  const hers = grace.page.getByRole('dialog', { name: 'Space settings' });
  await hers.getByRole('button', { name: 'Export space (zip)' }).click();
  await expect(hers.getByRole('alert')).toContainText(
    'This space’s classification does not allow export.',
  );
  await hers.getByRole('button', { name: 'Close' }).first().click();

  // Copy-out: blocked with a toast; typing (and pasting) into the note still works.
  await write(grace, ' and more');
  await grace.page.keyboard.press('ControlOrMeta+A');
  const prevented = await grace.page.evaluate(`(() => {
    const event = new ClipboardEvent('copy', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });
    document.querySelector('.note-editor__content').dispatchEvent(event);
    return event.defaultPrevented && event.clipboardData.getData('text/plain') === '';
  })()`);
  expect(prevented).toBe(true);
  await expect(grace.page.getByText('does not allow copying text out')).toBeVisible();
});

test('a company admin changes a space’s label from the admin dialog’s Spaces tab', async ({
  openAs,
}) => {
  const ada = await openAs({ as: 'Ada' });
  await createSpace(ada, 'Payroll');
  await expect(ada.page.locator('.classification-banner')).toContainText('Internal');

  const hedy = await openAs({ as: 'Hedy' });
  await hedy.page.getByRole('button', { name: /^Account: Hedy/ }).click();
  await hedy.page.getByRole('button', { name: 'Admin' }).click();
  const dialog = hedy.page.getByRole('dialog', { name: 'Administration' });
  await dialog.getByRole('tab', { name: 'Spaces' }).click();
  const label = dialog.getByRole('combobox', { name: 'Label of Payroll' });
  await expect(label).toHaveValue('internal');
  await label.selectOption('confidential');
  await expect(dialog.getByRole('status')).toHaveText('Payroll is now labelled Confidential.');
  // Stored on the relay: the list, read again, shows it; the owner's app follows.
  await expect(label).toHaveValue('confidential');
  await ada.page.reload();
  await expect(ada.page.locator('.classification-banner')).toContainText('Confidential');
});
