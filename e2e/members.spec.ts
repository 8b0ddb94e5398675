import { createSpace, expect, test } from './fixtures.ts';

// The members dialog. Owners invite people from the
// directory, change roles and remove members; the relay's refusals show.

test('an owner invites a colleague as viewer, then promotes her to editor', async ({ openAs }) => {
  // Katherine signs in once, so the relay's directory knows her.
  const kat = await openAs({ as: 'Katherine' });
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Finance');

  await ada.page.getByRole('button', { name: 'Members' }).click();
  const dialog = ada.page.getByRole('dialog', { name: 'Members of Finance' });
  await expect(dialog.getByRole('list', { name: 'Members' })).toContainText('Ada Lovelace (you)');
  await dialog.getByRole('combobox', { name: 'Invite as' }).selectOption('viewer');
  await dialog.getByRole('searchbox', { name: 'Find people to invite' }).fill('Kath');
  await dialog.getByRole('button', { name: 'Invite Katherine Johnson' }).click();
  const role = dialog.getByRole('combobox', { name: 'Role of Katherine Johnson' });
  await expect(role).toHaveValue('viewer');

  await kat.page.goto(new URL(`?space=${spaceId}`, kat.page.url()).toString());
  await expect(kat.page.getByRole('link', { name: /Finance/ })).toContainText('Viewer');
  await expect(kat.editor).toHaveAttribute('contenteditable', 'false');

  await role.selectOption('editor');
  await expect(role).toHaveValue('editor');
  await kat.page.reload();
  await expect(kat.page.getByRole('link', { name: /Finance/ })).toContainText('Editor');
  await expect(kat.editor).toHaveAttribute('contenteditable', 'true');

  // Katherine, not an owner, sees the list read-only.
  await kat.page.getByRole('button', { name: 'Members' }).click();
  const hers = kat.page.getByRole('dialog', { name: 'Members of Finance' });
  await expect(hers.getByRole('list', { name: 'Members' })).toContainText('Ada Lovelace');
  await expect(hers.getByRole('combobox')).toHaveCount(0);

  // The last owner cannot step down: the relay's reason shows, nothing changes.
  await dialog.getByRole('combobox', { name: 'Role of Ada Lovelace' }).selectOption('viewer');
  await expect(dialog.getByRole('alert')).toContainText('keep an owner');
  await expect(dialog.getByRole('combobox', { name: 'Role of Ada Lovelace' })).toHaveValue('owner');
});
