import { createSpace, employee, expect, share, test, type Person } from './fixtures.ts';

// Open spaces from both sides: an owner opens a space to the company with a
// join role, a colleague finds it in Browse spaces, joins and reads it with
// that role; made private again it leaves the directory. Leaving a space
// from its menu, and the only owner told why they cannot.

async function openSettings(person: Person) {
  await person.page.getByRole('button', { name: 'Space settings' }).click();
  return person.page.getByRole('dialog', { name: 'Space settings' });
}

async function browse(person: Person) {
  await person.page
    .getByRole('navigation', { name: 'Places' })
    .getByRole('link', { name: 'Browse spaces' })
    .click();
  await expect(person.page.getByRole('heading', { level: 1, name: 'Browse spaces' })).toBeVisible();
}

test('a space opened to the company is found, joined with its role, and hidden again when private', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(180_000);
  const ada = await openAs({ as: 'Ada' });
  const lunchId = await createSpace(ada, 'Lunch club');
  await share(stack, ada, lunchId, employee('Grace'), 'editor');
  await createSpace(ada, 'Handbook');
  await ada.editor.click();
  await ada.page.keyboard.type('Welcome to the handbook');

  // Ada opens Handbook to the company; people who join become viewers.
  let settings = await openSettings(ada);
  const visibility = settings.getByRole('group', { name: 'Who can find this space' });
  await expect(visibility.getByRole('radio', { name: 'Private' })).toBeChecked();
  await visibility.getByRole('radio', { name: 'Open to everyone in the company' }).check();
  const joinRole = settings.getByRole('combobox', { name: 'People who join become' });
  await expect(joinRole).toBeVisible();
  await expect(settings.getByText(/can read its notes and can join it/)).toBeVisible();
  await joinRole.selectOption('editor');
  await expect(settings.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await joinRole.selectOption('viewer');
  await expect(joinRole).toHaveValue('viewer');
  await expect(joinRole).toBeEnabled();
  await ada.page.keyboard.press('Escape');

  // Grace finds it in Browse spaces: members, owner, the role she would get.
  const grace = await openAs({ as: 'Grace' });
  await browse(grace);
  await grace.page.getByRole('searchbox', { name: 'Search open spaces' }).fill('hand');
  const list = grace.page.getByRole('list', { name: 'Open spaces' });
  const handbook = list.getByRole('listitem', { name: 'Handbook' });
  await expect(handbook).toContainText('1 member');
  await expect(handbook).toContainText('Owner: Ada Lovelace');
  await expect(handbook).toContainText('Join as viewer');
  await expect(list.getByRole('listitem', { name: 'Lunch club' })).toHaveCount(0);
  await grace.page.getByRole('searchbox', { name: 'Search open spaces' }).fill('nothing like it');
  await expect(grace.page.getByText('No open space matches “nothing like it”.')).toBeVisible();
  await grace.page.getByRole('searchbox', { name: 'Search open spaces' }).fill('');

  await handbook.getByRole('button', { name: 'Join Handbook' }).click();
  await expect(handbook).toContainText('You are viewer');
  await expect(handbook).toContainText('2 members');
  await handbook.getByRole('link', { name: 'Open Handbook' }).click();
  await expect(grace.editor).toHaveText('Welcome to the handbook');
  await expect(grace.page.getByRole('link', { name: /Handbook/ })).toContainText('Viewer');
  await expect(
    grace.page.getByRole('note').filter({ hasText: 'Read-only: you are a viewer' }),
  ).toBeVisible();
  await expect(grace.editor).toHaveAttribute('contenteditable', 'false');
  await grace.editor.click({ force: true });
  await grace.page.keyboard.type('vandalism');
  await expect(grace.editor).not.toContainText('vandalism');
  await expect(ada.editor).toHaveText('Welcome to the handbook');

  // Ada makes it private: it leaves the directory; Grace, now a member, keeps it.
  settings = await openSettings(ada);
  await settings.getByRole('radio', { name: 'Private' }).check();
  await expect(settings.getByRole('combobox', { name: 'People who join become' })).toHaveCount(0);
  await expect(settings.getByRole('radio', { name: 'Private' })).toBeChecked();
  await ada.page.keyboard.press('Escape');
  await browse(grace);
  await expect(grace.page.getByText(/No space is open to the company yet/)).toBeVisible();
  await expect(grace.page.getByRole('listitem', { name: 'Handbook' })).toHaveCount(0);
  await expect(grace.page.getByRole('link', { name: /Handbook/ })).toBeVisible();

  // Grace leaves the other space from its menu.
  await grace.page.getByRole('link', { name: /Lunch club/ }).click();
  await grace.page.getByRole('button', { name: 'More actions for Lunch club' }).click();
  await grace.page.getByRole('menuitem', { name: 'Leave space' }).click();
  const leave = grace.page.getByRole('dialog', { name: 'Leave Lunch club?' });
  await expect(leave).toContainText('unless someone invites you again');
  await leave.getByRole('button', { name: 'Leave' }).click();
  await expect(grace.page.getByRole('link', { name: /Lunch club/ })).toHaveCount(0);
  await expect(grace.page.getByText('You left Lunch club.')).toBeVisible();

  // Ada, its only owner, is told why she cannot leave Handbook before trying.
  await ada.page.getByRole('button', { name: 'More actions for Handbook' }).click();
  await ada.page.getByRole('menuitem', { name: 'Leave space' }).click();
  const refused = ada.page.getByRole('dialog', { name: 'Leave Handbook?' });
  await expect(refused).toContainText('You are the only owner of Handbook');
  await expect(refused.getByRole('button', { name: 'Leave' })).toHaveCount(0);
  await ada.page.keyboard.press('Escape');
  await expect(ada.page.getByRole('button', { name: 'More actions for Handbook' })).toBeFocused();
});
