import { createSpace, employee, expect, share, test, type Person } from './fixtures.ts';

// An owner deletes a space (after confirming) and it leaves every member's
// list; the owner finds it under "Trash" and restores it, and it comes back
// for the member with its note.

/** Types `text` into the open note once it is editable. */
async function write(person: Person, text: string): Promise<void> {
  await expect(person.editor).toHaveAttribute('contenteditable', 'true');
  await person.editor.click();
  await person.page.keyboard.type(text);
  await expect(person.editor).toContainText(text);
}

/** The member's list as it is after her window regains focus (how she sees others' changes). */
async function spaceLinks(person: Person, name: RegExp): Promise<number> {
  // A string: this file is type-checked without the DOM.
  await person.page.evaluate('window.dispatchEvent(new Event("focus"))');
  return person.page.getByRole('link', { name }).count();
}

test('an owner deletes a space into the trash and restores it; a member sees it go and come back', async ({
  openAs,
  stack,
}) => {
  // Two people signing in through the IdP on a shared machine: slow, not stuck.
  test.setTimeout(180_000);
  const ada = await openAs({ as: 'Ada' });
  await createSpace(ada, 'Keep me');
  const spaceId = await createSpace(ada, 'Doomed');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  await write(ada, 'Worth keeping');
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(grace.editor).toContainText('Worth keeping');

  // An editor is offered no delete.
  await grace.page.getByRole('button', { name: 'Space settings' }).click();
  const graceSettings = grace.page.getByRole('dialog', { name: 'Space settings' });
  await expect(graceSettings.getByRole('button', { name: 'Page tree history' })).toBeVisible();
  await expect(graceSettings.getByRole('button', { name: /Delete space/ })).toHaveCount(0);
  await graceSettings.getByRole('button', { name: 'Close' }).click();

  await ada.page.getByRole('link', { name: /Doomed/ }).click();
  await ada.page.getByRole('button', { name: 'Space settings' }).click();
  const settings = ada.page.getByRole('dialog', { name: 'Space settings' });
  await settings.getByRole('button', { name: 'Delete space…' }).click();
  await expect(settings).toContainText('Every member loses it at once');
  await settings.getByRole('button', { name: 'Delete space', exact: true }).click();
  await expect(settings).toHaveCount(0);
  await expect(ada.page.getByRole('link', { name: /Doomed/ })).toHaveCount(0);
  await expect.poll(() => spaceLinks(grace, /Doomed/)).toBe(0);

  await ada.page.getByRole('button', { name: 'Trash' }).click();
  const trash = ada.page.getByRole('dialog', { name: 'Trash' });
  await expect(trash.getByRole('list', { name: 'Deleted spaces' })).toContainText('Doomed');
  await trash.getByRole('button', { name: 'Restore Doomed' }).click();
  await expect(trash).toContainText('No deleted spaces.');
  await trash.getByRole('button', { name: 'Close' }).click();
  await expect(ada.page.getByRole('link', { name: /Doomed/ })).toHaveCount(1);

  await expect.poll(() => spaceLinks(grace, /Doomed/)).toBe(1);
  await grace.page.getByRole('link', { name: /Doomed/ }).click();
  await expect(grace.editor).toContainText('Worth keeping');
});
